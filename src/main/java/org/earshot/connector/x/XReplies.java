package org.earshot.connector.x;

import java.util.Optional;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;

/** Posting as the brand account with one of X's APIs, and looking for what it already posted. */
interface XReplies {

    /** The brand account's reply to {@code inReplyToId} whose text is {@code text}, if it is already there. */
    Optional<PostedReply> find(String inReplyToId, String text) throws ConnectorException;

    /**
     * Posts {@code text} as a reply to {@code inReplyToId} (a post of the account's own when null), sending it
     * once whatever happens.
     *
     * @throws DuplicateContent when X refuses the text because the account posted the same text already
     */
    PostedReply post(String text, String inReplyToId) throws ConnectorException, DuplicateContent;

    /** X's refusal of a post whose text the account has already posted. */
    final class DuplicateContent extends Exception {
        DuplicateContent(String message) {
            super(message, null, false, false);
        }
    }
}
