package org.earshot.connector;

import java.util.List;
import org.earshot.domain.IncomingMention;

/**
 * What one poll found, oldest first, and where the next poll starts.
 *
 * @param nextCursor opaque to everything but the source that made it
 * @param quotaLeft  requests left in the platform's current rate-limit window, or -1 when unknown
 */
public record PollResult(List<IncomingMention> mentions, String nextCursor, long quotaLeft) {
    public PollResult {
        mentions = List.copyOf(mentions);
    }

    public PollResult(List<IncomingMention> mentions, String nextCursor) {
        this(mentions, nextCursor, -1);
    }
}
