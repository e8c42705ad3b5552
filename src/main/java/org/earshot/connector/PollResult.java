package org.earshot.connector;

import java.util.List;
import org.earshot.domain.IncomingMention;

/**
 * What one poll found, oldest first, and where the next poll starts.
 *
 * @param nextCursor opaque to everything but the source that made it; it moves past the unreadable
 *                   items too
 * @param quotaLeft  requests left in the platform's current rate-limit window, or -1 when unknown
 * @param unreadable what the poll found but could not read, with its raw form, for the core to keep
 */
public record PollResult(List<IncomingMention> mentions, String nextCursor, long quotaLeft,
                         List<UnreadableItem> unreadable) {
    public PollResult {
        mentions = List.copyOf(mentions);
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
    }

    public PollResult(List<IncomingMention> mentions, String nextCursor, long quotaLeft) {
        this(mentions, nextCursor, quotaLeft, List.of());
    }

    public PollResult(List<IncomingMention> mentions, String nextCursor) {
        this(mentions, nextCursor, -1, List.of());
    }
}
