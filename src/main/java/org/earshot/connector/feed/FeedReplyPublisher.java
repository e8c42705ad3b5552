package org.earshot.connector.feed;

import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.ReplyPublisher;

/**
 * Feeds are read-only: there is nowhere to post an answer. A task from a feed carries the entry's
 * link, and the team answers by hand there (a comment, the site's contact form, a mail to the author).
 */
public final class FeedReplyPublisher implements ReplyPublisher {

    @Override
    public PostedReply publish(ReplyBlock block) throws ConnectorException {
        String url = block.mention().url();
        if (url == null || url.isBlank()) {
            url = block.mention().replyContext().getOrDefault("feed", "the feed's site");
        }
        throw ConnectorException.permanentFailure("feeds are read-only: answer by hand at " + url, null);
    }

    @Override
    public String whyNoTopLevel() {
        return "a feed is read-only: nothing can be posted there";
    }
}
