package org.earshot.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of an RFC 8288 {@code Link} header by relation, as Mastodon pages its timelines:
 * {@code <https://host/api/v1/notifications?min_id=42>; rel="prev"}.
 */
public final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]+)\"?");

    private final Map<String, String> byRelation;

    private LinkHeader(Map<String, String> byRelation) {
        this.byRelation = Map.copyOf(byRelation);
    }

    public static LinkHeader parse(Optional<String> header) {
        Map<String, String> links = new LinkedHashMap<>();
        header.ifPresent(value -> {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (!rel.find()) {
                    continue;
                }
                for (String relation : rel.group(1).strip().split("\\s+")) {
                    links.putIfAbsent(relation, link.group(1).strip());
                }
            }
        });
        return new LinkHeader(links);
    }

    /** The link's target as written; servers do not always encode brackets, so it is no {@code URI}. */
    public Optional<String> link(String relation) {
        return Optional.ofNullable(byRelation.get(relation));
    }

    /** One query parameter of the link with the given relation, decoded. */
    public Optional<String> queryParameter(String relation, String name) {
        return link(relation).flatMap(target -> {
            int start = target.indexOf('?');
            if (start < 0) {
                return Optional.empty();
            }
            int end = target.indexOf('#', start);
            String query = target.substring(start + 1, end < 0 ? target.length() : end);
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                if (key.equals(name)) {
                    return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            return Optional.empty();
        });
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
