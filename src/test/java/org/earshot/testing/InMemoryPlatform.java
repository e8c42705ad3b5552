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
    /** What the next poll hands over as items it could not read. */
    public final List<org.earshot.connector.UnreadableItem> unreadable = new ArrayList<>();
    /** Whether {@link #reread} can read kept raw items (as after an upgrade). */
    public boolean canReread;
    /** When set, the next poll fails with it. */
    public ConnectorException nextPollFailure;
    /** When set, the next publish call stores the reply and then fails, as if the acknowledgement was lost. */
    public boolean loseNextAcknowledgement;
    /** When set, the next publish call fails before anything is stored. */
    public ConnectorException nextPublishFailure;
    /** When set, every publish call fails with it before anything is stored, until it is cleared. */
    public ConnectorException publishFailure;

    /** The example config with its database in {@code dir} and this platform as connector "social". */
    public org.earshot.config.EarshotConfig configWithDatabaseIn(java.nio.file.Path dir) {
        org.earshot.config.EarshotConfig base = TestConfigs.withDatabaseIn(dir);
        org.earshot.config.ConnectorConfig social = new org.earshot.config.ConnectorConfig("social", "memory", "acme",
                true, java.time.Duration.ofSeconds(5),
                new org.earshot.config.ConfigNode(base.file(), "connectors.social", null));
        return new org.earshot.config.EarshotConfig(base.file(), base.storage(), base.web(), base.brands(),
                Map.of("social", social), base.serviceLevels(), base.slack(), base.policy());
    }

    /** Builds this platform as the connector of {@code type: memory}, posting as Mastodon. */
    public org.earshot.connector.ConnectorFactory factory() {
        InMemoryPlatform platform = this;
        return new org.earshot.connector.ConnectorFactory() {
            @Override
            public String type() {
                return "memory";
            }

            @Override
            public org.earshot.domain.Channel channel() {
                return org.earshot.Wiring.CHANNELS.of(org.earshot.domain.Platform.MASTODON);
            }

            @Override
            public org.earshot.connector.Connector create(org.earshot.config.ConnectorConfig c,
                                                          org.earshot.config.BrandConfig brand) {
                return new org.earshot.connector.Connector(c.id(), org.earshot.domain.Platform.MASTODON, c.brand(),
                        c.schedule(), platform, platform);
            }
        };
    }

    @Override
    public synchronized PollResult poll(String cursor) throws ConnectorException {
        polls.incrementAndGet();
        if (nextPollFailure != null) {
            ConnectorException e = nextPollFailure;
            nextPollFailure = null;
            throw e;
        }
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        List<org.earshot.connector.UnreadableItem> broken = List.copyOf(unreadable);
        unreadable.clear();
        return new PollResult(posts.subList(from, posts.size()), String.valueOf(posts.size()), -1, broken);
    }

    /** Reads a kept raw item again: its bytes are a mention's text, as this platform's "payload". */
    @Override
    public List<IncomingMention> reread(org.earshot.connector.UnreadableItem item) throws ConnectorException {
        if (!canReread) {
            throw new ConnectorException("still cannot read " + item.externalId(), true, null);
        }
        return List.of(new IncomingMention(org.earshot.domain.Platform.MASTODON, item.externalId(),
                new org.earshot.domain.Author("reread@mastodon.example", "Robin", 1),
                new String(item.raw(), java.nio.charset.StandardCharsets.UTF_8), "", null, "", Map.of()));
    }

    @Override
    public synchronized PostedReply publish(ReplyBlock block) throws ConnectorException {
        publishCalls.add(block);
        if (nextPublishFailure != null) {
            ConnectorException e = nextPublishFailure;
            nextPublishFailure = null;
            throw e;
        }
        if (publishFailure != null) {
            throw publishFailure;
        }
        repliesByKey.putIfAbsent(block.idempotencyKey(), block);
        if (loseNextAcknowledgement) {
            loseNextAcknowledgement = false;
            throw ConnectorException.transientFailure("connection reset after the post was sent", null);
        }
        return new PostedReply("reply-" + block.idempotencyKey(), "");
    }
}
