package org.earshot.connector.x;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigNode;

/**
 * The search query that finds the brand on X, built from the brand's config: its keywords as quoted
 * phrases, its X handles as {@code @handle}, its hashtags, any of them; minus whatever the brand's own
 * accounts and excluded authors wrote, minus excluded words, optionally minus retweets, and in the
 * configured languages. Names that are not X handles (a Mastodon {@code @name@server}, an e-mail
 * address) are left out.
 *
 * @param text the query as X's search takes it
 */
record XQuery(String text) {
    /** v1.1's standard search takes at most 500 characters. */
    static final int V1_MAX_LENGTH = 500;

    static XQuery of(BrandConfig brand, XSettings settings, ConfigNode node) {
        List<String> any = new ArrayList<>(distinct(brand.keywords().stream().map(XQuery::phrase).toList()).values());
        any.addAll(distinct(brand.handles().stream().map(XQuery::xHandle).flatMap(Optional::stream)
                .map(h -> "@" + h).toList()).values());
        any.addAll(distinct(brand.hashtags().stream().map(XQuery::hashtag).flatMap(Optional::stream).toList()).values());
        any = new ArrayList<>(distinct(any).values());
        if (any.isEmpty()) {
            throw node.error("has nothing to search for: brand '" + brand.id()
                    + "' lists no keywords, X handles or hashtags");
        }
        List<String> parts = new ArrayList<>();
        parts.add(any.size() == 1 ? any.get(0) : "(" + String.join(" OR ", any) + ")");
        for (String account : notFrom(brand, settings)) {
            parts.add("-from:" + account);
        }
        for (String word : distinct(brand.excludedWords().stream().map(XQuery::phrase).toList()).values()) {
            parts.add("-" + word);
        }
        if (settings.excludeRetweets()) {
            parts.add(settings.api() == XApiVersion.V2 ? "-is:retweet" : "-filter:retweets");
        }
        if (settings.api() == XApiVersion.V2 && !settings.languages().isEmpty()) {
            List<String> langs = settings.languages().stream().map(l -> "lang:" + l).toList();
            parts.add(langs.size() == 1 ? langs.get(0) : "(" + String.join(" OR ", langs) + ")");
        }
        String text = String.join(" ", parts);
        int limit = settings.api() == XApiVersion.V2 ? settings.maxQueryLength()
                : Math.min(settings.maxQueryLength(), V1_MAX_LENGTH);
        if (text.length() > limit) {
            throw node.get("maxQueryLength").error("is " + limit + ", but the search built from brand '" + brand.id()
                    + "' is " + text.length() + " characters: list fewer keywords, handles, hashtags or exclusions,"
                    + " or raise maxQueryLength if your X access allows longer queries (" + text + ")");
        }
        return new XQuery(text);
    }

    /** The X accounts whose posts are never mentions: the brand account, its own accounts, excluded authors. */
    static List<String> notFrom(BrandConfig brand, XSettings settings) {
        List<String> accounts = new ArrayList<>();
        accounts.add(settings.brandAccount());
        brand.ownAccounts().stream().map(XQuery::xHandle).flatMap(Optional::stream).forEach(accounts::add);
        brand.excludedAuthors().stream().map(XQuery::xHandle).flatMap(Optional::stream).forEach(accounts::add);
        return new ArrayList<>(distinct(accounts).values());
    }

    /** A name as an X handle without '@', if it is one. */
    static Optional<String> xHandle(String name) {
        String bare = name.strip();
        bare = bare.startsWith("@") ? bare.substring(1) : bare;
        return XSettings.HANDLE.matcher(bare).matches() ? Optional.of(bare) : Optional.empty();
    }

    private static String phrase(String words) {
        return "\"" + words.strip().replace("\"", "") + "\"";
    }

    private static Optional<String> hashtag(String tag) {
        String bare = tag.strip();
        bare = bare.startsWith("#") ? bare.substring(1) : bare;
        return bare.matches("[\\p{L}\\p{N}_]+") ? Optional.of("#" + bare) : Optional.empty();
    }

    /** The values without repeats that differ only in case, in their first spelling. */
    private static Map<String, String> distinct(List<String> values) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String v : values) {
            if (!v.isBlank() && !v.equals("\"\"")) {
                seen.putIfAbsent(v.toLowerCase(Locale.ROOT), v);
            }
        }
        return seen;
    }
}
