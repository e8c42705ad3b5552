package org.earshot.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.ReplyPublisher;
import org.earshot.domain.IncomingMention;

/**
 * A platform that lives in the test: a list of posts read forward by index, and a reply endpoint
 * that keeps posts by idempotency key the way Mastodon does. Used to test the core's life cycle;
 * the real platforms are tested over HTTP against WireMock.
 */
public final class InMemoryPlatform implements MentionSource, ReplyPublisher {
    public final List<IncomingMention> posts = new ArrayList<>();
    public final Map<String, ReplyBlock> repliesByKey = new LinkedHashMap<>();
    public final List<ReplyBlock> publishCalls = new ArrayList<>();
    public final AtomicInteger polls = new AtomicInteger();
    /** When set, the next poll fails with it. */
    public ConnectorException nextPollFailure;
    /** When set, the next publish call stores the reply and then fails, as if the acknowledgement was lost. */
    public boolean loseNextAcknowledgement;
    /** When set, the next publish call fails before anything is stored. */
    public ConnectorException nextPublishFailure;

    @Override
    public synchronized PollResult poll(String cursor) throws ConnectorException {
        polls.incrementAndGet();
        if (nextPollFailure != null) {
            ConnectorException e = nextPollFailure;
            nextPollFailure = null;
            throw e;
        }
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        return new PollResult(posts.subList(from, posts.size()), String.valueOf(posts.size()));
    }

    @Override
    public synchronized PostedReply publish(ReplyBlock block) throws ConnectorException {
        publishCalls.add(block);
        if (nextPublishFailure != null) {
            ConnectorException e = nextPublishFailure;
            nextPublishFailure = null;
            throw e;
        }
        repliesByKey.putIfAbsent(block.idempotencyKey(), block);
        if (loseNextAcknowledgement) {
            loseNextAcknowledgement = false;
            throw ConnectorException.transientFailure("connection reset after the post was sent", null);
        }
        return new PostedReply("reply-" + block.idempotencyKey(), "");
    }
}
