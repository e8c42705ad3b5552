package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.earshot.domain.Platform;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;
import org.earshot.web.VariedTasks.Spec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/reports} and its CSV: volume, mood, service levels and top problems, per brand and period. */
class ReportsApiIT {
    @TempDir
    Path dir;
    private RunningQueue queue;
    private ApiClient api;
    private VariedTasks varied;
    private String today;

    @BeforeEach
    void start() {
        queue = new RunningQueue(dir, List.of());
        api = new ApiClient(queue.baseUrl());
        varied = new VariedTasks(queue.db, queue.clock.instant());
        today = LocalDate.ofInstant(queue.clock.instant().minusSeconds(60), ZoneOffset.UTC).toString();
    }

    @AfterEach
    void stop() {
        queue.close();
    }

    private long add(String brand, Platform platform, String text) {
        return varied.add(new Spec(brand, platform, UrgencyLevel.HIGH, "en", "Ana", text));
    }

    @Test
    void mentionsPerDayAreCountedByChannelForTheBrandAsked() throws Exception {
        add("Acme", Platform.X, "lost my bag");
        add("Acme", Platform.X, "lost my bag again");
        add("Acme", Platform.MASTODON, "refund please");
        add("Globex", Platform.X, "other brand");

        JsonNode r = api.get("/api/reports?brand=Acme&from=" + today + "&to=" + today).json();

        assertThat(r.get("mentionsPerDay")).hasSize(2);
        assertThat(r.get("mentionsPerDay").get(0).get("channel").asText()).isEqualTo("mastodon");
        assertThat(r.get("mentionsPerDay").get(1).get("mentions").asLong()).isEqualTo(2);
        assertThat(r.get("moodPerDay").get(0).get("tasks").asLong()).isEqualTo(3);
        assertThat(r.get("moodPerDay").get(0).get("negativeShare").asDouble()).isEqualTo(1.0);
        assertThat(r.get("moodPerDay").get(0).get("high").asLong()).isEqualTo(3);
    }

    @Test
    void topProblemsAreThePhrasesNegativeMentionsShare() throws Exception {
        long first = add("Acme", Platform.X, "@acme you lost my bag at the gate");
        add("Acme", Platform.X, "Lost my bag. Again! Gate agent was rude");
        add("Acme", Platform.X, "the gate agent ignored me");
        add("Acme", Platform.X, "wifi down on the plane");

        JsonNode top = api.get("/api/reports?brand=Acme").json().get("topProblems");

        assertThat(top).extracting(p -> p.get("phrase").asText()).contains("lost my bag", "gate agent")
                .doesNotContain("my bag", "wifi down");
        assertThat(top.get(0).get("mentions").asLong()).isEqualTo(2);
        assertThat(top).filteredOn(p -> p.get("phrase").asText().equals("lost my bag"))
                .first().satisfies(p -> assertThat(p.get("exampleTaskId").asLong()).isEqualTo(first));
    }

    @Test
    void serviceLevelsCountFirstResponseAndResolutionAgainstTheChannelsTargets() throws Exception {
        long posted = add("Acme", Platform.X, "late");
        long rejected = add("Acme", Platform.X, "spam");
        add("Acme", Platform.X, "still open");
        queue.approvals.approve(posted, null, "sam", false);
        queue.approvals.reject(rejected, "spam", "sam");
        queue.db.useTransaction(h -> {
            new OutboxStore().blockPosted(h, posted, 1, "reply-1", true, queue.clock.instant());
            new TaskStore().move(h, posted, TaskState.APPROVED, TaskState.POSTED, queue.clock.instant());
        });

        JsonNode x = api.get("/api/reports").json().get("serviceLevels").get(0);

        assertThat(x.get("channel").asText()).isEqualTo("x");
        assertThat(x.get("tasks").asLong()).isEqualTo(3);
        assertThat(x.get("answered").asLong()).isEqualTo(1);
        assertThat(x.get("firstResponseWithinTarget").asDouble()).isEqualTo(1.0);
        assertThat(x.get("firstResponseTargetMinutes").asLong()).isEqualTo(60);
        assertThat(x.get("resolved").asLong()).isEqualTo(2);
    }

    private HttpResponse<String> csv(String path) throws Exception {
        return HttpClient.newHttpClient().send(api.request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachReportComesAsCsv() throws Exception {
        add("Acme", Platform.X, "=cmd broken, =cmd broken");
        add("Acme", Platform.X, "=cmd broken \"twice\"");

        HttpResponse<String> volume = csv("/api/reports/mentions-per-day.csv");
        HttpResponse<String> problems = csv("/api/reports/top-problems.csv");

        assertThat(volume.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(volume.body()).startsWith("day,channel,mentions\r\n" + today + ",x,2\r\n");
        assertThat(problems.body()).startsWith("phrase,mentions,example_task\r\n").contains("cmd broken,2,");
        assertThat(csv("/api/reports/service-levels.csv").body()).startsWith("channel,tasks,answered,first_response_median_min");
        assertThat(csv("/api/reports/mood-per-day.csv").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/reports/nothing.csv").status()).isEqualTo(404);
        assertThat(api.get("/api/reports?from=yesterday").status()).isEqualTo(400);
    }
}
