package org.earshot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import org.earshot.demo.DemoEnvironment;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.testing.MutableClock;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Replies the outbox stops trying (the platform refused them for good, or they failed as often as the
 * outbox allows), on the demo's WireMock Mastodon: blocked with their error, shown on the task and on
 * health, and posted exactly once after a person retries them through the API or the command line.
 */
class BlockedRepliesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 2;

    @TempDir
    Path dir;

    /** Starts at the real time: the command line releases a reply as of the system clock, as it does for real. */
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final HttpClient http = HttpClient.newHttpClient();
    private final StringWriter cliErrors = new StringWriter();
    private DemoEnvironment demo;
    private Wiring earshot;

    @BeforeEach
    void start() {
        demo = DemoEnvironment.start(Path.of("config/demo.yaml"), Path.of("wiremock"), dir.resolve("data"), false, 0);
        earshot = new Wiring(demo.config(), Wiring.CONNECTOR_FACTORIES, clock, 
                Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)).withMaxPostAttempts(MAX_ATTEMPTS));
        earshot.startWeb();
    }

    @AfterEach
    void stop() {
        earshot.close();
        demo.close();
    }

    /** An approved Mastodon task of the demo, its reply in the outbox. */
    private long approvedMastodonTask() throws Exception {
        earshot.pollOnce("mastodon");
        ResponseTask task = earshot.queries().list(EnumSet.of(TaskState.NEW), 500).stream()
                .filter(t -> t.mention().platform().equals(Platform.MASTODON)).findFirst().orElseThrow();
        assertThat(api("POST", "/api/tasks/" + task.id() + "/approve", "{\"actor\":\"sam\"}").status()).isEqualTo(200);
        return task.id();
    }

    private StubMapping mastodonAnswersPosts(int status, String body) {
        return demo.mastodon().stubFor(post(urlPathEqualTo("/api/v1/statuses")).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** Runs the outbox as its schedule would, an hour apart: past every backoff. */
    private void dispatchHourly(int times) {
        for (int i = 0; i < times; i++) {
            earshot.dispatchDue();
            clock.advance(Duration.ofHours(1));
        }
    }

    private long statusPosts(int status) {
        return demo.mastodon().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/api/v1/statuses"))
                .map(ServeEvent::getResponse).filter(r -> r.getStatus() == status).count();
    }

    record Answer(int status, JsonNode json) {
    }

    private Answer api(String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + earshot.webPort() + path))
                .header("Authorization", "Bearer " + demo.apiToken()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private int cli(String... args) {
        CommandLine cli = Earshot.commandLine();
        cli.setErr(new PrintWriter(cliErrors, true));
        return cli.execute(args);
    }

    private String cliConfig() throws Exception {
        // The example config keeps its database where the demo keeps its own: dir/data.
        return TestConfigs.exampleConfigFileIn(dir).toString();
    }

    @Test
    void aReplyThePlatformRefusesForGoodIsBlockedUntilRetriedThroughTheApiAndThenPostedOnce() throws Exception {
        long id = approvedMastodonTask();
        StubMapping refusing = mastodonAnswersPosts(422, "{\"error\":\"Validation failed: Text is too long\"}");

        dispatchHourly(3);

        assertThat(statusPosts(422)).isEqualTo(1);
        JsonNode failed = api("GET", "/api/tasks/" + id, null).json();
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.at("/delivery/blocked").asBoolean()).isTrue();
        assertThat(failed.at("/delivery/lastError").asText()).contains("422").contains("Text is too long");
        JsonNode health = api("GET", "/api/health", null).json();
        assertThat(health.at("/blockedReplies/count").asInt()).isEqualTo(1);
        assertThat(health.at("/blockedReplies/taskIds/0").asLong()).isEqualTo(id);
        assertThat(health.get("healthy").asBoolean()).isFalse();

        demo.mastodon().removeStub(refusing);
        Answer retried = api("POST", "/api/tasks/" + id + "/retry", "{\"actor\":\"dana\"}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("state").asText()).isEqualTo("APPROVED");
        assertThat(retried.json().at("/delivery/blocked").asBoolean()).isFalse();
        assertThat(retried.json().at("/delivery/attempts").asInt()).isZero();
        assertThat(retried.json().get("history")).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("retried");
            assertThat(e.get("actor").asText()).isEqualTo("dana");
            assertThat(e.get("detail").asText()).contains("Text is too long");
        });
        dispatchHourly(3);

        assertThat(statusPosts(200)).isEqualTo(earshot.queries().get(id).draft().blocks().size());
        assertThat(earshot.queries().get(id).state()).isEqualTo(TaskState.POSTED);
        assertThat(api("GET", "/api/health", null).json().at("/blockedReplies/count").asInt()).isZero();
        assertThat(api("POST", "/api/tasks/" + id + "/retry", "{}").status()).isEqualTo(409);
    }

    @Test
    void aReplyThatFailsAsOftenAsTheOutboxAllowsIsBlockedShowsOnHealthAndIsRetriedFromTheCommandLine()
            throws Exception {
        long id = approvedMastodonTask();
        StubMapping down = mastodonAnswersPosts(503, "{\"error\":\"Service unavailable\"}");

        dispatchHourly(MAX_ATTEMPTS + 3);

        assertThat(statusPosts(503)).isEqualTo(MAX_ATTEMPTS);
        ResponseTask blocked = earshot.queries().get(id);
        assertThat(blocked.state()).isEqualTo(TaskState.FAILED);
        assertThat(blocked.delivery().blocked()).isTrue();
        assertThat(blocked.delivery().attempts()).isEqualTo(MAX_ATTEMPTS);
        JsonNode health = api("GET", "/api/health", null).json();
        assertThat(health.at("/blockedReplies/count").asInt()).isEqualTo(1);
        assertThat(health.at("/blockedReplies/taskIds/0").asLong()).isEqualTo(id);

        demo.mastodon().removeStub(down);
        assertThat(cli("retry", String.valueOf(id), "--config", cliConfig(), "--as", "dana")).isZero();
        dispatchHourly(3);

        assertThat(statusPosts(200)).isEqualTo(earshot.queries().get(id).draft().blocks().size());
        assertThat(earshot.queries().get(id).state()).isEqualTo(TaskState.POSTED);
        assertThat(earshot.queries().history(id)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("retried");
            assertThat(e.actor()).isEqualTo("dana");
        });
        assertThat(api("GET", "/api/health", null).json().at("/blockedReplies/count").asInt()).isZero();
    }

    @Test
    void retryingATaskWhoseReplyIsNotBlockedIsAConflictAndAnUnknownTaskIsNotFound() throws Exception {
        earshot.pollOnce("mastodon");
        long open = earshot.queries().list(EnumSet.of(TaskState.NEW), 1).get(0).id();

        Answer conflict = api("POST", "/api/tasks/" + open + "/retry", "{}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("error").asText())
                .isEqualTo("task " + open + " is NEW and cannot be retried: only a FAILED post can be retried");
        assertThat(api("POST", "/api/tasks/999999/retry", "{}").status()).isEqualTo(404);
        assertThat(api("GET", "/api/tasks/" + open + "/retry", null).status()).isEqualTo(405);

        assertThat(cli("retry", String.valueOf(open), "--config", cliConfig())).isEqualTo(4);
        assertThat(cliErrors.toString()).contains("only a FAILED post can be retried");
        assertThat(cli("retry", "999999", "--config", cliConfig())).isEqualTo(3);
        assertThat(earshot.queries().get(open).state()).isEqualTo(TaskState.NEW);
    }
}
