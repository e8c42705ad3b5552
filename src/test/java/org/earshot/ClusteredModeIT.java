package org.earshot;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.EarshotConfig;
import org.earshot.config.StorageConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorFactory;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.demo.DemoEnvironment;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.TestConfigs;
import org.earshot.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clustered mode for real: several nodes on one PostgreSQL database (see {@link TestPostgres}),
 * each a whole Earshot with its own pool and scheduler, as separate machines would run them.
 */
class ClusteredModeIT {
    @TempDir
    Path dir;

    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private DemoEnvironment demo() {
        DemoEnvironment demo = DemoEnvironment.start(Path.of("config/demo.yaml"), Path.of("wiremock"),
                dir.resolve("data"), false, 0);
        running.add(demo);
        return demo;
    }

    private Wiring node(EarshotConfig config, List<ConnectorFactory> factories) {
        Wiring node = new Wiring(config, factories, Clock.systemUTC(),
                Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)));
        running.add(node);
        return node;
    }

    private static List<LoggedRequest> statusPosts(DemoEnvironment demo) {
        return demo.mastodon().findAll(postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    @Test
    void theDemoRunsOnPostgreSqlFromEveryPlatformToAReplyPostedOnce() {
        DemoEnvironment demo = demo();
        Wiring node = node(TestPostgres.on(TestPostgres.freshSchema(), demo.config()), Wiring.CONNECTOR_FACTORIES);

        node.pollAll();
        List<ResponseTask> tasks = node.queries().list(EnumSet.of(TaskState.NEW), 500);
        ResponseTask mastodon = tasks.stream().filter(t -> t.mention().platform().equals(Platform.MASTODON))
                .findFirst().orElseThrow();
        node.approvals().approve(mastodon.id(), null, "sam", true);
        node.dispatchDue();
        node.dispatchDue();

        assertThat(tasks).extracting(t -> t.mention().platform()).containsAll(Wiring.CHANNELS.platforms());
        // The reply may run to several threaded blocks: each block is posted once, all of them this task's.
        List<String> keys = statusPosts(demo).stream().map(r -> r.getHeader("Idempotency-Key")).toList();
        assertThat(keys).isNotEmpty().doesNotHaveDuplicates()
                .allMatch(key -> key.startsWith("earshot-" + mastodon.id() + "-"));
        assertThat(node.queries().get(mastodon.id()).state()).isEqualTo(TaskState.POSTED);
    }

    @Test
    void twoNodesDispatchingAtOnceStillPostEachApprovedReplyOnce() {
        DemoEnvironment demo = demo();
        EarshotConfig config = TestPostgres.on(TestPostgres.freshSchema(), demo.config());
        Wiring first = node(config, Wiring.CONNECTOR_FACTORIES);
        Wiring second = node(config, Wiring.CONNECTOR_FACTORIES);
        first.pollOnce("mastodon");
        List<ResponseTask> approved = first.queries().list(EnumSet.of(TaskState.NEW), 500).stream()
                .filter(t -> !t.draft().text().isBlank()).toList();
        approved.forEach(t -> first.approvals().approve(t.id(), null, "sam", true));

        for (int round = 0; round < 3; round++) {
            CompletableFuture.allOf(CompletableFuture.runAsync(first::dispatchDue),
                    CompletableFuture.runAsync(second::dispatchDue)).join();
        }

        int blocks = approved.stream().mapToInt(t -> t.draft().blocks().size()).sum();
        assertThat(approved).hasSizeGreaterThan(5);
        assertThat(statusPosts(demo)).hasSize(blocks);
        assertThat(statusPosts(demo)).extracting(r -> r.getHeader("Idempotency-Key")).doesNotHaveDuplicates();
        assertThat(second.queries().list(EnumSet.of(TaskState.POSTED), 500)).hasSameSizeAs(approved);
    }

    @Test
    void aNodeThatJoinsLaterReadsNothingTheFirstAlreadyHeard() {
        DemoEnvironment demo = demo();
        EarshotConfig config = TestPostgres.on(TestPostgres.freshSchema(), demo.config());
        Wiring first = node(config, Wiring.CONNECTOR_FACTORIES);
        first.pollAll();
        int heard = first.queries().list(EnumSet.allOf(TaskState.class), 500).size();

        Wiring second = node(config, Wiring.CONNECTOR_FACTORIES);
        second.pollAll();

        assertThat(second.queries().list(EnumSet.allOf(TaskState.class), 500)).hasSize(heard);
    }

    @Test
    void theNodesShareOneScheduleAndNeverPollTheSameConnectorAtOnce() throws Exception {
        StorageConfig shared = TestPostgres.freshSchema();
        SlowSource source = new SlowSource();
        EarshotConfig config = slowConnectorConfig(shared);
        Wiring first = node(config, List.of(source.factory()));
        Wiring second = node(config, List.of(source.factory()));

        first.startScheduler();
        second.startScheduler();
        source.awaitPolls(4);

        assertThat(source.mostAtOnce).hasValue(1);
        assertThat(rows(shared, "select count(*) from qrtz_scheduler_state")).isEqualTo(2);
        assertThat(rows(shared, "select count(*) from qrtz_job_details where job_name = 'poll-slow'")).isEqualTo(1);
    }

    private EarshotConfig slowConnectorConfig(StorageConfig shared) {
        EarshotConfig base = TestPostgres.on(shared, TestConfigs.withDatabaseIn(dir));
        ConnectorConfig slow = new ConnectorConfig("slow", "slow", "acme", true, Duration.ofSeconds(1),
                new ConfigNode(base.file(), "connectors.slow", null));
        return new EarshotConfig(base.file(), shared, base.web(), base.brands(), Map.of("slow", slow),
                base.serviceLevels(), base.slack(), base.policy());
    }

    private static long rows(StorageConfig storage, String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(storage.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A platform whose poll takes longer than its schedule, so that any overlap between nodes would show. */
    static final class SlowSource implements MentionSource {
        final AtomicInteger atOnce = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger polls = new AtomicInteger();

        @Override
        public PollResult poll(String cursor) {
            mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                atOnce.decrementAndGet();
                polls.incrementAndGet();
            }
            return new PollResult(List.of(), String.valueOf(polls.get()));
        }

        void awaitPolls(int n) throws InterruptedException {
            long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (polls.get() < n && System.nanoTime() < giveUp) {
                Thread.sleep(100);
            }
            assertThat(polls.get()).as("polls within 90 s").isGreaterThanOrEqualTo(n);
        }

        ConnectorFactory factory() {
            InMemoryPlatform replies = new InMemoryPlatform();
            return new ConnectorFactory() {
                @Override
                public String type() {
                    return "slow";
                }

                @Override
                public org.earshot.domain.Channel channel() {
                    return Wiring.CHANNELS.of(Platform.MASTODON);
                }

                @Override
                public Connector create(ConnectorConfig c, org.earshot.config.BrandConfig brand) {
                    return new Connector(c.id(), Platform.MASTODON, c.brand(), c.schedule(), SlowSource.this, replies);
                }
            };
        }
    }
}
