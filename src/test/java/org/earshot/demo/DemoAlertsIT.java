package org.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.earshot.Wiring;
import org.earshot.alert.SpikeDetector;
import org.earshot.domain.AlertKind;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as {@code earshot demo} runs it: its history seeded, every connector polled once, the alert
 * triggers and the delivery run once each (the schedule would do the same within a minute). Every kind
 * of alert reaches the simulated Slack, raised by the real triggers from the demo's own data.
 */
class DemoAlertsIT {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T03:10:00Z"));
    private DemoEnvironment demo;
    private Wiring earshot;

    @BeforeEach
    void start() {
        demo = DemoEnvironment.start(Path.of("config/demo.yaml"), Path.of("wiremock"), dir.resolve("data"), false, 0);
        earshot = new Wiring(demo.config(), Wiring.CONNECTOR_FACTORIES, clock,
                Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        earshot.close();
        demo.close();
    }

    /** What the demo's schedule does in its first minute: poll each connector and alert, run the triggers, deliver. */
    private void firstMinuteOfTheDemo() {
        DemoHistory.seed(earshot.database(), earshot.config(), clock.instant());
        earshot.pollAll();
        earshot.deliverAlertsDue();
        earshot.runAlertTriggersOnce();
        earshot.deliverAlertsDue();
    }

    private List<String> slackBodies() {
        WireMockServer slack = demo.platforms().get("slack");
        return slack.getAllServeEvents().stream().map(ServeEvent::getRequest).map(r -> r.getBodyAsString()).toList();
    }

    /** Each Slack message (single or folded) names an alert's kind and brand as "kind words · brand". */
    /** A message of its own names the kind on its second line; a folded line says it in its title. */
    private static boolean names(List<String> bodies, AlertKind kind) {
        String where = kind.id().replace('_', ' ') + " · Acme Air";
        String title = switch (kind) {
            case NEW_MENTION -> " mention by ";
            case SPIKE -> "Incident: ";
            case SLA_WARNING -> "First response due in ";
            case SLA_BREACH -> " overdue (was due ";
            case CONNECTOR_UNHEALTHY -> " unhealthy: ";
            case FOLLOW_UP_DUE -> "Follow-up ";
            case DIGEST -> "Daily digest for Acme Air";
        };
        return bodies.stream().anyMatch(b -> b.contains(where) || b.contains(title));
    }

    @Test
    void everyKindOfAlertReachesTheSimulatedSlackWithinTheDemosFirstMinute() {
        firstMinuteOfTheDemo();

        List<String> bodies = slackBodies();
        assertThat(EnumSet.allOf(AlertKind.class)).allSatisfy(kind ->
                assertThat(names(bodies, kind)).as("a Slack message about %s in %s", kind.id(), bodies).isTrue());
    }

    @Test
    void theSpikeIsMeasuredAgainstTwoWeeksOfQuietComplaintsAndOpensOneIncident() {
        firstMinuteOfTheDemo();

        SpikeDetector.Reading reading = earshot.spikeReading("acme");
        assertThat(reading.mean()).isGreaterThan(0);
        assertThat(reading.count()).isGreaterThan((long) reading.threshold()).isGreaterThanOrEqualTo(10);
        List<ResponseTask> incidents = earshot.queries().list(EnumSet.of(TaskState.NEW), 500).stream()
                .filter(ResponseTask::isIncident).toList();
        assertThat(incidents).hasSize(1);
    }

    @Test
    void theSeededTasksAreAboutToBreachBreachedAndDueForAFollowUp() {
        DemoHistory.Seeded seeded = DemoHistory.seed(earshot.database(), earshot.config(), clock.instant());

        assertThat(earshot.aboutToBreach()).extracting(a -> a.task().id())
                .contains(seeded.breachedTask(), seeded.aboutToBreachTask());
        assertThat(earshot.pendingFollowUps()).extracting(f -> f.task().id()).containsExactly(seeded.followUpTask());
        assertThat(seeded.quietComplaints()).isEqualTo(DemoHistory.BASELINE_DAYS * DemoHistory.COMPLAINTS_PER_DAY);
        // The quiet weeks were answered: the queue holds only what is still open.
        assertThat(earshot.queries().list(EnumSet.of(TaskState.NEW), 500)).extracting(ResponseTask::id)
                .containsExactlyInAnyOrder(seeded.breachedTask(), seeded.aboutToBreachTask());
    }

    @Test
    void healthShowsEachAlertRouteDeliveredAndTheRevokedConnectorNextToEachOther() throws Exception {
        firstMinuteOfTheDemo();
        earshot.startWeb();

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + earshot.webPort() + "/api/health"))
                .header("Authorization", "Bearer " + demo.apiToken()).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode json = new ObjectMapper().readTree(health.body());
        assertThat(json.get("healthy").asBoolean()).isFalse();
        assertThat(json.get("alertRoutes").findValuesAsText("name")).containsExactly("urgent", "team");
        json.get("alertRoutes").forEach(route -> {
            assertThat(route.get("healthy").asBoolean()).isTrue();
            assertThat(Instant.parse(route.get("lastDelivery").asText())).isEqualTo(clock.instant());
            assertThat(route.get("pending").asLong()).isZero();
        });
        assertThat(json.get("connectors").findValuesAsText("connectorId")).contains(DemoHistory.REVOKED_CONNECTOR);
    }

    @Test
    void theRevokedAccountShowsAsRefusedOnHealthWhileTheOtherConnectorsHearTheirMentions() {
        firstMinuteOfTheDemo();

        assertThat(earshot.connectorHealth()).filteredOn(h -> h.connectorId().equals(DemoHistory.REVOKED_CONNECTOR))
                .singleElement().satisfies(h -> assertThat(h.problem()).startsWith("refused: ")
                        .contains("401"));
        assertThat(earshot.connectorHealth()).filteredOn(h -> !h.connectorId().equals(DemoHistory.REVOKED_CONNECTOR))
                .allSatisfy(h -> assertThat(h.healthy()).as(h.connectorId()).isTrue());
    }
}
