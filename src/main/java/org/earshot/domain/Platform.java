package org.earshot.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a mention was heard and where its reply goes, by the id its connector gives it ("mastodon").
 * What a platform can do is not known here: its connector declares a {@link Channel} and the core asks
 * that, so a new platform needs no edit here. The database keeps {@link #name()}, the id in capitals
 * ("MASTODON"), as it always did.
 */
public record Platform(String id) implements Comparable<Platform> {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /*
     * The platforms Earshot ships, by name for their connectors, the demo and the tests. Nothing in the
     * core compares a platform with these (ArchitectureTest checks); a new platform needs none of its own.
     */
    public static final Platform MASTODON = new Platform("mastodon");
    public static final Platform X = new Platform("x");
    public static final Platform REDDIT = new Platform("reddit");
    public static final Platform BLUESKY = new Platform("bluesky");
    public static final Platform EMAIL = new Platform("email");
    public static final Platform RSS = new Platform("rss");

    public Platform {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a platform id is lower-case letters, digits, '-' or '_', starting with a"
                    + " letter, but was '" + id + "'");
        }
    }

    /** The platform of this id in any case: "mastodon", "Mastodon", or "MASTODON" as the database keeps it. */
    public static Platform valueOf(String id) {
        return new Platform(id.strip().toLowerCase(Locale.ROOT));
    }

    /** The id in capitals, as the database keeps it and as idempotency keys were made from it. */
    public String name() {
        return id.toUpperCase(Locale.ROOT);
    }

    @Override
    public int compareTo(Platform other) {
        return id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return name();
    }
}
