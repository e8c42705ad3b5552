package org.earshot.connector.x;

import java.util.Optional;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.ReplyPublisher;
import org.earshot.connector.TopLevelPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a reply block as a post of the brand account threaded under the mention (or under the
 * previous block), once per call.
 *
 * <p>X has no idempotency key. So before every post the publisher looks at what the brand account
 * posted after the post it answers, and when a reply to that post with the same text is there
 * (an earlier try whose answer was lost), it returns that one instead of posting a copy. X's own
 * refusal of duplicate text is a second lock: the publisher then looks again, and otherwise fails
 * for good, since sending the same text again cannot work.
 */
public final class XReplyPublisher implements ReplyPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(XReplyPublisher.class);
    private final XSettings settings;
    private final XReplies replies;

    XReplyPublisher(XSettings settings, XReplies replies) {
        this.settings = settings;
        this.replies = replies;
    }

    @Override
    public PostedReply publish(ReplyBlock block) throws ConnectorException {
        String which = "reply block " + (block.index() + 1) + " of " + block.count();
        String text = block.text() == null ? "" : block.text().strip();
        if (text.isEmpty()) {
            throw ConnectorException.permanentFailure(which + " is empty; X does not post empty text", null);
        }
        int length = XText.weightedLength(text);
        if (length > XConnectorFactory.CHANNEL.maxPostLength()) {
            throw ConnectorException.permanentFailure(which + " is " + length + " characters as X counts them"
                    + " (links count " + XText.LINK_LENGTH + ", most non-Latin characters and emoji 2); an X post"
                    + " allows " + XConnectorFactory.CHANNEL.maxPostLength(), null);
        }
        String inReplyTo = block.inReplyToId() == null ? "" : block.inReplyToId().strip();
        if (!XCursor.isId(inReplyTo)) {
            throw ConnectorException.permanentFailure(which + " answers '" + inReplyTo + "', which is not an X post id",
                    null);
        }
        Optional<PostedReply> already = replies.find(inReplyTo, text);
        if (already.isPresent()) {
            LOG.info("{}: {} is already posted as {} under {}; not posting it again", settings.configKey(), which,
                    already.get().externalId(), inReplyTo);
            return already.get();
        }
        try {
            return replies.post(text, inReplyTo);
        } catch (XReplies.DuplicateContent e) {
            Optional<PostedReply> found = replies.find(inReplyTo, text);
            if (found.isPresent()) {
                return found.get();
            }
            throw ConnectorException.permanentFailure("X refused " + which + " as a duplicate of a post @"
                    + settings.brandAccount() + " already made (" + e.getMessage() + "), and no reply to " + inReplyTo
                    + " with this text was found; edit the reply so that its text differs", null);
        }
    }

    @Override
    public boolean postsTopLevel() {
        return true;
    }

    /**
     * A post of the brand account's own. X has no idempotency key and no cheap way to find a top-level post
     * by its text, so a repeat after a lost answer leans on X's refusal of duplicate text: that refusal means
     * the statement is on the account already, and it is taken as posted.
     */
    @Override
    public PostedReply postTopLevel(TopLevelPost statement) throws ConnectorException {
        String text = statement.text() == null ? "" : statement.text().strip();
        int length = XText.weightedLength(text);
        if (text.isEmpty() || length > XConnectorFactory.CHANNEL.maxPostLength()) {
            throw ConnectorException.permanentFailure("the statement is " + length + " characters as X counts them;"
                    + " an X post allows 1 to " + XConnectorFactory.CHANNEL.maxPostLength(), null);
        }
        try {
            return replies.post(text, null);
        } catch (XReplies.DuplicateContent e) {
            LOG.info("{}: X refused the statement as a duplicate ({}): it is on @{} already", settings.configKey(),
                    e.getMessage(), settings.brandAccount());
            return new PostedReply("already-posted", "");
        }
    }
}
