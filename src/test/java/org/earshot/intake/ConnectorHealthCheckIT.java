package org.earshot.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.ServiceLevels;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.ConnectorHealth;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.matching.BrandMatcher;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.MentionScorer;
import org.earshot.store.CursorStore;
import org.earshot.store.Database;
import org.earshot.store.HealthStore;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Triage;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.MutableClock;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorHealthCheckIT {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final Connector connector = new Connector("social", Platform.MASTODON, "acme", Duration.ofMinutes(1),
            platform, platform);
    private Database db;
    private MentionIntake intake;
    private ConnectorHealthCheck check;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        MentionStore mentions = new MentionStore();
        HealthStore health = new HealthStore();
        Triage triage = new Triage(new MentionScorer(), new ReplyDrafter(TestConfigs.policy(), Wiring.CHANNELS),
                new ServiceLevels(Map.of()));
        intake = new MentionIntake(db, mentions, new TaskStore(), new CursorStore(), health, triage,
                Map.of("acme", new BrandMatcher(TestConfigs.acme())), clock);
        ConnectorConfig config = new ConnectorConfig("social", "memory", "acme", true, Duration.ofMinutes(1),
                new ConfigNode(dir, "connectors.social", null), Duration.ofHours(6));
        check = new ConnectorHealthCheck(db, health, mentions, List.of(config), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ConnectorHealth health() {
        return check.report().get(0);
    }

    private void hear(String id) {
        platform.posts.add(new IncomingMention(Platform.MASTODON, id, new Author("dana", "Dana", 1), "hi acme air", "",
                clock.instant(), "", Map.of()));
    }

    @Test
    void aConnectorThatPollsAndHearsIsHealthyAndCountsTheLastHour() {
        hear("1");
        hear("2");
        intake.pollOnce(connector);

        ConnectorHealth h = health();
        assertThat(h.healthy()).isTrue();
        assertThat(h.mentionsLastHour()).isEqualTo(2);
        assertThat(h.lastMentionAt()).isEqualTo(clock.instant());
    }

    @Test
    void refusedCredentialsShowAsRefusedNotAsATransientFailure() {
        platform.nextPollFailure = ConnectorException.permanentFailure("Mastodon rejected the access token (401)", null);
        intake.pollOnce(connector);

        assertThat(health().problem()).startsWith("refused: Mastodon rejected the access token (401)");
    }

    @Test
    void failingPollsAreCountedInTheProblem() {
        platform.nextPollFailure = ConnectorException.transientFailure("HTTP 503", null);
        intake.pollOnce(connector);

        assertThat(health().problem()).isEqualTo("failing: 1 poll(s) in a row, last: HTTP 503");
    }

    @Test
    void aConnectorWithoutASuccessfulPollForThreeSchedulesIsStalled() {
        intake.pollOnce(connector);
        clock.advance(Duration.ofMinutes(5));

        assertThat(health().problem()).startsWith("stalled: no successful poll since 2026-11-23T09:00:00Z");
    }

    @Test
    void aConnectorQuieterThanExpectedIsUnhealthyEvenThoughItsPollsSucceed() {
        hear("1");
        intake.pollOnce(connector);
        clock.advance(Duration.ofHours(7));
        intake.pollOnce(connector);

        assertThat(health().problem()).isEqualTo("quiet: no mention for 7h, expected within 6h");
    }

    @Test
    void aPlatformsOwnRefusalIsLoggedAsOneLineAndAFailureWithACauseKeepsItsStackTrace() {
        try (org.earshot.testing.CapturedLog log = new org.earshot.testing.CapturedLog()) {
            platform.nextPollFailure = ConnectorException.permanentFailure("Mastodon rejected the access token (401)", null);
            intake.pollOnce(connector);
            String refusal = log.text();
            platform.nextPollFailure = ConnectorException.transientFailure("connection reset",
                    new java.net.SocketException("Connection reset"));
            intake.pollOnce(connector);
            platform.nextPollFailure = null;
            intake.pollOnce(connector);
            platform.nextPollFailure = ConnectorException.transientFailure("connection reset",
                    new java.net.SocketException("Connection reset"));
            intake.pollOnce(connector);

            assertThat(refusal).contains("connector social: poll failed: Mastodon rejected the access token (401)")
                    .doesNotContain("\tat ");
            assertThat(log.text().substring(refusal.length())).contains("java.net.SocketException: Connection reset");
        }
    }
}
