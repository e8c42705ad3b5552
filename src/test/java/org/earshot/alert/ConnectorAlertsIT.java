package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.intake.ConnectorHealthCheck;
import org.earshot.store.Database;
import org.earshot.store.AlertStore;
import org.earshot.store.HealthStore;
import org.earshot.store.MentionStore;
import org.earshot.testing.MutableClock;
import org.earshot.testing.RecordingAlertSink;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorAlertsIT {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private final HealthStore health = new HealthStore();
    private Database db;
    private ConnectorAlerts alerts;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        ConnectorConfig config = new ConnectorConfig("social", "memory", "acme", true, Duration.ofMinutes(1),
                new ConfigNode(dir, "connectors.social", null), null);
        ConnectorHealthCheck check = new ConnectorHealthCheck(db, health, new MentionStore(), List.of(config), clock);
        alerts = new ConnectorAlerts(check, Map.of("social", "acme"), Duration.ofHours(1), 3, "https://queue.example",
                sink, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void pollFails(String error, boolean permanent) {
        db.inTransaction(c -> health.recordFailure(c, "social", clock.instant(), error, permanent));
    }

    private void pollSucceeds() {
        db.useTransaction(c -> health.recordSuccess(c, "social", clock.instant(), 0, -1));
    }

    @Test
    void oneOrTwoFailedPollsStayQuietAndTheThirdAlerts() {
        pollFails("HTTP 503", false);
        pollFails("HTTP 503", false);
        assertThat(alerts.check()).isZero();

        pollFails("HTTP 503", false);
        alerts.check();

        assertThat(sink.raised).hasSize(1);
        Alert alert = sink.raised.get(0);
        assertThat(alert.kind()).isEqualTo(AlertKind.CONNECTOR_UNHEALTHY);
        assertThat(alert.brand()).isEqualTo("acme");
        assertThat(alert.title()).isEqualTo("Connector social unhealthy: failing");
        assertThat(alert.text()).isEqualTo("3 poll(s) in a row, last: HTTP 503");
        assertThat(alert.dedupKey()).isEqualTo("connector_unhealthy:social:after-none");
    }

    @Test
    void refusedCredentialsAlertAtOnce() {
        pollFails("HTTP 401 unauthorized", true);

        alerts.check();

        assertThat(sink.raised).extracting(Alert::title).containsExactly("Connector social unhealthy: refused");
    }

    @Test
    void aLastingProblemRepeatsOncePerHourNotPerCheck() {
        pollFails("timeout", false);
        pollFails("timeout", false);
        pollFails("timeout", false);
        for (int i = 0; i < 10; i++) {
            alerts.check();
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(sink.raised).hasSize(1);

        clock.advance(Duration.ofMinutes(15));
        alerts.check();

        assertThat(sink.raised).hasSize(2);
    }

    @Test
    void theOnceAnHourLimitIsCountedFromTheStoredAlertSoItHoldsAcrossARestartAndAnHourBoundary() {
        StoredAlertSink stored = new StoredAlertSink(db, new AlertStore(),
                new AlertRouter(AlertFixtures.exampleConfig("http://127.0.0.1:9")), clock);
        ConnectorConfig config = new ConnectorConfig("social", "memory", "acme", true, Duration.ofMinutes(1),
                new ConfigNode(dir, "connectors.social", null), null);
        java.util.function.Supplier<ConnectorAlerts> start = () -> new ConnectorAlerts(
                new ConnectorHealthCheck(db, health, new MentionStore(), List.of(config), clock),
                Map.of("social", "acme"), Duration.ofHours(1), 3, "https://queue.example", stored, clock);
        clock.advance(Duration.ofMinutes(115)); // 10:55
        pollFails("timeout", false);
        pollFails("timeout", false);
        pollFails("timeout", false);
        assertThat(start.get().check()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(16)); // 11:11, past the hour
        pollFails("HTTP 401 unauthorized", true);
        int afterRestart = start.get().check();
        clock.advance(Duration.ofMinutes(45)); // 11:56
        int anHourLater = start.get().check();

        assertThat(afterRestart).isZero();
        assertThat(anHourLater).isEqualTo(1);
        long stored_ = db.inTransaction(c -> c.createQuery("select count(*) from alert where kind = 'CONNECTOR_UNHEALTHY'")
                .mapTo(Long.class).one());
        assertThat(stored_).isEqualTo(2);
    }

    @Test
    void aRefusalSaysItsReasonOnceAndItsEntitiesAreEscapedOnceForSlack() throws Exception {
        pollFails("refused: Mastodon said: Q&amp;A <closed>", true);

        alerts.check();

        Alert alert = sink.raised.get(0);
        assertThat(alert.title()).isEqualTo("Connector social unhealthy: refused");
        assertThat(alert.text()).doesNotContain("refused:").startsWith("Mastodon said: Q&amp;A <closed>");
        com.fasterxml.jackson.databind.JsonNode message = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                new SlackMessage("https://queue.example", java.time.ZoneOffset.UTC,
                        new BrandNames(Map.of("acme", "Acme Air"))).single(alert));
        String section = message.path("blocks").get(1).path("text").path("text").asText();
        assertThat(section).startsWith("*connector unhealthy · Acme Air*\n> Mastodon said: Q&amp;A &lt;closed&gt;")
                .doesNotContain("&amp;amp;", "refused: refused:");
        assertThat(message.path("blocks").get(0).path("text").path("text").asText())
                .isEqualTo("Connector social unhealthy: refused");
    }

    @Test
    void aHealthyConnectorRaisesNothing() {
        pollSucceeds();

        alerts.check();

        assertThat(sink.raised).isEmpty();
    }
}
