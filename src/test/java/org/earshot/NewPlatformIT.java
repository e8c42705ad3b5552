package org.earshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigLoader;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.EarshotConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorFactory;
import org.earshot.connector.ReplyBlock;
import org.earshot.domain.Author;
import org.earshot.domain.Channel;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two platforms the core has never heard of, each declared only by a test-only connector factory and
 * passed to the wiring: a forum with short posts that start with the @handle, and a read-only notice
 * board. Nothing outside this file names them, and yet their config keys are accepted, their mentions
 * are drafted within the declared limit and due by their own service level, an approved forum reply is
 * posted in blocks, and an approved notice-board task closes as answered by hand.
 */
class NewPlatformIT {
    static final Platform FORUM = Platform.valueOf("forum");
    static final Channel FORUM_CHANNEL = Channel.social(FORUM, 120).repliesStartWithTheHandle();
    static final Platform BOARD = Platform.valueOf("noticeboard");
    static final Channel BOARD_CHANNEL = Channel.readOnly(BOARD);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final InMemoryPlatform forum = new InMemoryPlatform();
    private final InMemoryPlatform board = new InMemoryPlatform();
    private Wiring earshot;

    /** All a new platform brings: its type, its declared channel and how its connector is built. */
    private static ConnectorFactory factory(String type, Channel channel, InMemoryPlatform platform) {
        return new ConnectorFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public Connector create(ConnectorConfig c, BrandConfig brand) {
                return new Connector(c.id(), channel.platform(), c.brand(), c.schedule(), platform, platform);
            }
        };
    }

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, """
                storage:
                  jdbcUrl: "jdbc:h2:file:%s;AUTO_SERVER=TRUE"
                  user: sa
                web:
                  port: 0
                  apiToken: test-token
                brands:
                  - id: acme
                    name: Acme Air
                    keywords: ["acme air", "acmeair"]
                    handles: ["@acmeair"]
                connectors:
                  forum-main:
                    type: forum
                    schedule: 1m
                  board:
                    type: noticeboard
                    schedule: 5m
                serviceLevels:
                  forum:
                    firstResponse: 2h
                    resolution: 24h
                alerts:
                  routes:
                    - name: forum-team
                      webhookUrl: https://hooks.slack.example/forum
                      platforms: [forum, noticeboard]
                reply:
                  policyFile: %s
                """.formatted(dir.resolve("earshot"), Path.of("config/policy.yaml").toAbsolutePath()));
        List<ConnectorFactory> factories = List.of(factory("forum", FORUM_CHANNEL, forum),
                factory("noticeboard", BOARD_CHANNEL, board));
        EarshotConfig config = new ConfigLoader(n -> null, ConnectorFactory.channels(factories)).load(file);
        earshot = new Wiring(config, factories, clock,
                Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        earshot.close();
    }

    private ResponseTask heard(InMemoryPlatform platform, Platform where, String connectorId, String text) {
        platform.posts.add(new IncomingMention(where, "post-" + platform.posts.size(),
                new Author("dana", "Dana Reyes", 120), text, "", clock.instant(), "https://" + where.id() + ".example/1",
                Map.of()));
        earshot.pollOnce(connectorId);
        return earshot.queries().list(EnumSet.of(TaskState.NEW), 10).stream()
                .filter(t -> t.mention().platform().equals(where)).findFirst().orElseThrow();
    }

    @Test
    void aNewPlatformsMentionIsDraftedWithinItsLimitDueByItsServiceLevelAndPostedInBlocks() {
        ResponseTask task = heard(forum, FORUM, "forum-main", "@acmeair my flight was cancelled and nobody at the"
                + " airport can tell me when the next one leaves, I have been waiting for five hours with my kids");

        assertThat(task.dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        assertThat(task.draft().blocks()).hasSizeGreaterThan(1)
                .allSatisfy(b -> assertThat(b.length()).isLessThanOrEqualTo(120 - 30));
        assertThat(task.draft().warnings()).noneMatch(w -> w.rule().equals("answer-by-hand"));
        assertThat(earshot.approvals().channel(task)).isEqualTo(FORUM_CHANNEL);

        earshot.approvals().approve(task.id(), null, "sam", false);
        earshot.dispatchDue();

        assertThat(forum.publishCalls).extracting(ReplyBlock::text).containsExactlyElementsOf(task.draft().blocks());
        assertThat(earshot.queries().get(task.id()).state()).isEqualTo(TaskState.POSTED);
    }

    @Test
    void aNewReadOnlyPlatformsTaskClosesAsAnsweredByHandAndPostsNothing() {
        ResponseTask task = heard(board, BOARD, "board", "Acme Air lost my bag in Madrid and nobody answers the phone");

        assertThat(task.draft().warnings()).anyMatch(w -> w.rule().equals("answer-by-hand"));
        assertThat(task.draft().blocks()).hasSize(1);
        assertThat(task.dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));

        ResponseTask closed = earshot.approvals().approve(task.id(), null, "sam", false);
        earshot.dispatchDue();

        assertThat(closed.state()).isEqualTo(TaskState.ANSWERED_BY_HAND);
        assertThat(board.publishCalls).isEmpty();
    }

    @Test
    void theConfigTakesTheNewPlatformsIdAsAChannelAndARoutePlatform() {
        assertThat(earshot.config().serviceLevels().byChannel()).containsKey("forum");
        assertThat(earshot.config().alerts().routes().get(0).platforms()).containsExactly("forum", "noticeboard");
    }
}
