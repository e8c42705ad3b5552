package org.earshot.domain;

import java.util.Map;

/**
 * How far a post has spread: likes (or upvotes), reposts and replies. Connectors report it in a
 * mention's reply context under the keys {@code likes}, {@code reposts} and {@code replies}; what a
 * platform does not tell is 0.
 */
public record Engagement(long likes, long reposts, long replies) {
    public static final Engagement NONE = new Engagement(0, 0, 0);

    public static Engagement from(Map<String, String> replyContext) {
        return new Engagement(count(replyContext, "likes"), count(replyContext, "reposts"),
                count(replyContext, "replies"));
    }

    public long total() {
        return likes + reposts + replies;
    }

    private static long count(Map<String, String> context, String key) {
        try {
            return Math.max(0, Long.parseLong(context.getOrDefault(key, "0").trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
