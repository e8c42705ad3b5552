package org.earshot.connector;

/**
 * Reads new mentions from one platform account, forward from a cursor. A source never stores
 * anything: the caller saves the mentions and the next cursor in one transaction, so a crash
 * between the two cannot lose or repeat a mention.
 */
public interface MentionSource {

    /**
     * @param cursor what the previous poll returned as {@link PollResult#nextCursor()}, or null on
     *               the very first poll
     * @throws ConnectorException when the platform cannot be read now; nothing is saved then
     */
    PollResult poll(String cursor) throws ConnectorException;
}
