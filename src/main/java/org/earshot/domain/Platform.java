package org.earshot.domain;

/**
 * Where a mention was heard and where its reply goes. The length limit is the platform's own
 * (characters per post); e-mail and feeds have none.
 */
public enum Platform {
    MASTODON(500, true),
    X(280, true),
    REDDIT(10_000, true),
    BLUESKY(300, true),
    EMAIL(Integer.MAX_VALUE, false),
    RSS(Integer.MAX_VALUE, false);

    private final int maxPostLength;
    private final boolean social;

    Platform(int maxPostLength, boolean social) {
        this.maxPostLength = maxPostLength;
        this.social = social;
    }

    public int maxPostLength() {
        return maxPostLength;
    }

    /** Social platforms get faster service levels and short threaded blocks; mail gets one message. */
    public boolean isSocial() {
        return social;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Platform fromId(String id) {
        for (Platform p : values()) {
            if (p.id().equalsIgnoreCase(id.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + id + "', expected one of "
                + java.util.Arrays.stream(values()).map(Platform::id).toList());
    }
}
