package org.earshot.connector.reddit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigNode;

/**
 * The search words for a brand: its keywords as phrases, and its handles and hashtags as bare words
 * ({@code "acme air" OR acmeair}). Handles of other networks ({@code @acmeair@mastodon.example}) are
 * left out: Reddit's search would split them into words and find everything.
 */
final class RedditQuery {
    /** Reddit refuses longer queries. */
    static final int MAX_LENGTH = 512;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private RedditQuery() {
    }

    static String of(BrandConfig brand, ConfigNode connector) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> terms = new ArrayList<>();
        for (String keyword : concat(brand.keywords(), List.of())) {
            add(keyword.strip().replace("\"", ""), seen, terms);
        }
        for (String name : concat(brand.handles(), brand.hashtags())) {
            String bare = withoutPrefix(name.strip());
            if (WORD.matcher(bare).matches()) {
                add(bare, seen, terms);
            }
        }
        if (terms.isEmpty()) {
            throw connector.get("brand").error("names brand '" + brand.id() + "', which has no keywords, handles"
                    + " or hashtags to search Reddit for");
        }
        String query = String.join(" OR ", terms);
        if (query.length() > MAX_LENGTH) {
            throw connector.get("brand").error("names brand '" + brand.id() + "', whose keywords, handles and"
                    + " hashtags make a Reddit search of " + query.length() + " characters; Reddit allows "
                    + MAX_LENGTH);
        }
        return query;
    }

    private static void add(String term, Set<String> seen, List<String> terms) {
        if (!term.isBlank() && seen.add(term.toLowerCase(Locale.ROOT))) {
            terms.add(WORD.matcher(term).matches() ? term : "\"" + term + "\"");
        }
    }

    /** A handle or hashtag without its "#", "@", "u/" or "/u/". */
    private static String withoutPrefix(String name) {
        String s = name.startsWith("#") || name.startsWith("@") ? name.substring(1) : name;
        s = s.startsWith("/") ? s.substring(1) : s;
        return s.regionMatches(true, 0, "u/", 0, 2) ? s.substring(2) : s;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a == null ? List.of() : a);
        all.addAll(b == null ? List.of() : b);
        return all;
    }
}
