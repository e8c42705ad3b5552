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

    /**
     * Reads again an item an earlier poll could not read (its raw form, kept in quarantine), for
     * {@code earshot requeue} after an upgrade. A source that cannot read raw items says so.
     *
     * @return the mentions the item holds; empty when it holds none (a bounce, say)
     * @throws ConnectorException when it still cannot be read, saying why
     */
    default java.util.List<org.earshot.domain.IncomingMention> reread(UnreadableItem item) throws ConnectorException {
        throw new ConnectorException("this connector cannot read a kept item again; it stays in quarantine", true,
                null);
    }
}
