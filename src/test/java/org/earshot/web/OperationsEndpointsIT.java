package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earshot.Wiring;
import org.earshot.demo.DemoEnvironment;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health/live}, {@code /health/ready} and {@code /metrics} over real HTTP, on the demo's simulated platforms. */
class OperationsEndpointsIT {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private DemoEnvironment demo;
    private Wiring earshot;

    @BeforeEach
    void start() {
        demo = DemoEnvironment.start(Path.of("config/demo.yaml"), Path.of("wiremock"), dir.resolve("data"), false, 0);
        earshot = new Wiring(demo.config(), Wiring.CONNECTOR_FACTORIES,
                new MutableClock(Instant.parse("2026-11-23T09:00:00Z")), Wiring.Timings.DEFAULT);
        earshot.startWeb();
    }

    @AfterEach
    void stop() {
        earshot.close();
        demo.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + earshot.webPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The page parsed as Prometheus reads it: each sample's name and labels, and its value. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> page = get("/metrics");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : page.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a Prometheus sample line: %s", line).isTrue();
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    private static double value(Map<String, Double> samples, String key) {
        return samples.getOrDefault(key, 0.0);
    }

    @Test
    void metricsCountAPollAndAPostPerConnectorAndPlatformBesideTheJvms() throws Exception {
        Map<String, Double> before = scrape();
        assertThat(before).containsKeys("jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"}",
                "process_uptime_seconds", "earshot_tasks{state=\"NEW\"}", "earshot_oldest_open_task_age_seconds",
                "earshot_scoring_seconds_count");
        assertThat(value(before, "earshot_poll_seconds_count{connector=\"mastodon\",outcome=\"ok\"}")).isZero();
        // Posts and failures are there at zero before the first post, so a rate() starts with the daemon.
        assertThat(before).containsEntry("earshot_posts_total{platform=\"mastodon\"}", 0.0)
                .containsEntry("earshot_post_failures_total{permanent=\"true\",platform=\"mastodon\"}", 0.0);

        earshot.pollOnce("mastodon");
        Map<String, Double> polled = scrape();
        assertThat(value(polled, "earshot_poll_seconds_count{connector=\"mastodon\",outcome=\"ok\"}")).isEqualTo(1);
        assertThat(value(polled, "earshot_mentions_stored{connector=\"mastodon\"}")).isGreaterThan(10);
        assertThat(value(polled, "earshot_mentions_fetched_total{connector=\"mastodon\"}")).isGreaterThan(10);
        assertThat(value(polled, "earshot_tasks{state=\"NEW\"}")).isGreaterThan(0);
        assertThat(value(polled, "earshot_scoring_seconds_count")).isGreaterThan(0);

        ResponseTask task = earshot.queries().list(EnumSet.of(TaskState.NEW), 500).stream()
                .filter(t -> t.mention().platform().equals(Platform.MASTODON)).findFirst().orElseThrow();
        earshot.approvals().approve(task.id(), null, "sam", false);
        earshot.dispatchDue();
        Map<String, Double> posted = scrape();
        // One count per block posted: the drafted reply may run to more than one block.
        assertThat(value(posted, "earshot_posts_total{platform=\"mastodon\"}")).isEqualTo(task.draft().blocks().size());
        assertThat(value(posted, "earshot_tasks{state=\"POSTED\"}")).isEqualTo(1);
        assertThat(value(posted, "earshot_post_failures_total{permanent=\"false\",platform=\"mastodon\"}")).isZero();
    }

    @Test
    void slackSendsAreCountedPerRouteAndOutcomeAsTheyHappenAndTheModelTimerIsThere() throws Exception {
        Map<String, Double> before = scrape();
        assertThat(before).containsKeys("earshot_slack_sends_total{outcome=\"sent\",route=\"urgent\"}",
                "earshot_slack_sends_total{outcome=\"refused\",route=\"team\"}", "earshot_model_seconds_count{outcome=\"ok\"}",
                "earshot_model_seconds_max{outcome=\"ok\"}");
        assertThat(value(before, "earshot_slack_sends_total{outcome=\"sent\",route=\"urgent\"}")).isZero();
        // The team channel was archived: Slack answers its webhook 410 from now on.
        demo.platforms().get("slack").stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/services/T000/B000/team")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(410)
                        .withBody("channel_is_archived")));

        earshot.pollOnce("mastodon");
        earshot.pollOnce("mastodon-campaign");
        earshot.runAlertTriggersOnce();
        int sent = earshot.deliverAlertsDue();
        Map<String, Double> after = scrape();

        int toUrgent = demo.platforms().get("slack").findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                        "/services/T000/B000/urgent"))).size();
        assertThat(sent).isPositive();
        assertThat(toUrgent).isPositive();
        assertThat(value(after, "earshot_slack_sends_total{outcome=\"sent\",route=\"urgent\"}")).isEqualTo(toUrgent);
        assertThat(value(after, "earshot_slack_sends_total{outcome=\"refused\",route=\"team\"}")).isEqualTo(1);
        assertThat(value(after, "earshot_slack_sends_total{outcome=\"sent\",route=\"team\"}")).isZero();
    }

    @Test
    void livenessIsUpWhileReadinessIsDownUntilTheSchedulerRunsAndNamesEveryCheck() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        HttpResponse<String> notYet = get("/health/ready");
        assertThat(notYet.statusCode()).isEqualTo(503);
        JsonNode body = new ObjectMapper().readTree(notYet.body());
        assertThat(body.path("status").asText()).isEqualTo("DOWN");
        Map<String, String> checks = new LinkedHashMap<>();
        body.path("checks").forEach(c -> checks.put(c.path("name").asText(), c.path("status").asText()));
        assertThat(checks).containsEntry("database", "UP").containsEntry("scheduler", "DOWN")
                .containsKeys("connector mastodon", "connector support-mail");
        assertThat(checks.keySet()).anyMatch(k -> k.startsWith("alert route "));

        earshot.startScheduler();
        // The demo's revoked account refuses its credentials once polled: until then every check but it is up.
        HttpResponse<String> ready = get("/health");
        JsonNode now = new ObjectMapper().readTree(ready.body());
        now.path("checks").forEach(c -> {
            if (c.path("name").asText().equals("scheduler")) {
                assertThat(c.path("status").asText()).isEqualTo("UP");
            }
        });
        assertThat(get("/api/health").statusCode()).isEqualTo(401);
    }

    @Test
    void aConnectorWhoseCredentialsAreRefusedMakesTheNodeNotReady() throws Exception {
        earshot.pollOnce(org.earshot.demo.DemoHistory.REVOKED_CONNECTOR);

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"name\":\"connector " + org.earshot.demo.DemoHistory.REVOKED_CONNECTOR
                + "\",\"status\":\"DOWN\"");
    }
}
