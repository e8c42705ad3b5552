package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.earshot.domain.Sentiment;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/tasks/{id}/correct} over real HTTP against an H2 file. */
class CorrectionApiIT {

    @TempDir
    Path dir;
    private RunningQueue queue;
    private ApiClient api;

    @BeforeEach
    void start() {
        queue = new RunningQueue(dir, List.of());
        api = new ApiClient(queue.baseUrl());
    }

    @AfterEach
    void stop() {
        queue.close();
    }

    private Answer get(String path) throws IOException, InterruptedException {
        return api.get(path);
    }

    private Answer correct(long id, String body) throws IOException, InterruptedException {
        return api.post("/api/tasks/" + id + "/correct", body);
    }

    private static List<Long> ids(JsonNode tasks) {
        return ApiClient.ids(tasks);
    }

    @Test
    void aCorrectionReturnsTheTaskWithThePeoplesLabelsAndWhoSetThem() throws Exception {
        long id = queue.add("Ana", "The gate agent made us sit on the floor", 0.4);

        Answer a = correct(id, "{\"sentiment\": \"neutral\", \"urgencyLevel\": \"critical\", \"actor\": \"sam\"}");

        assertThat(a.status()).isEqualTo(200);
        JsonNode scores = a.json().get("scores");
        assertThat(scores.get("sentiment").asText()).isEqualTo("neutral");
        assertThat(scores.get("urgencyLevel").asText()).isEqualTo("critical");
        assertThat(scores.get("urgency").asDouble()).isGreaterThanOrEqualTo(0.85);
        assertThat(scores.get("negativity").asDouble()).isLessThanOrEqualTo(0.15);
        JsonNode correction = scores.get("correction");
        assertThat(correction.get("by").asText()).isEqualTo("sam");
        assertThat(correction.get("sentiment").asText()).isEqualTo("neutral");
        assertThat(correction.get("urgencyLevel").asText()).isEqualTo("critical");
        assertThat(correction.get("scorerSentiment").asText()).isEqualTo("negative");
        assertThat(correction.get("scorerUrgencyLevel").asText()).isEqualTo("normal");
        assertThat(a.json().get("corrections")).hasSize(1);
        assertThat(a.json().get("history")).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("corrected");
            assertThat(e.get("actor").asText()).isEqualTo("sam");
            assertThat(e.get("detail").asText()).isEqualTo("sentiment negative → neutral; urgency normal → critical");
        });
        assertThat(queue.task(id).score().sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(queue.task(id).score().urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(queue.corrections.forTask(id)).singleElement().satisfies(k -> {
            assertThat(k.actor()).isEqualTo("sam");
            assertThat(k.mentionText()).isEqualTo("The gate agent made us sit on the floor");
        });
    }

    @Test
    void theTaskShowsItsCorrectionsInDetailAndItsLatestInLists() throws Exception {
        long id = queue.add("Ana", "The gate agent made us sit on the floor", 0.4);
        assertThat(correct(id, "{\"sentiment\": \"positive\", \"actor\": \"sam\"}").status()).isEqualTo(200);
        assertThat(correct(id, "{\"urgencyLevel\": \"low\"}").status()).isEqualTo(200);

        JsonNode detail = get("/api/tasks/" + id).json();
        JsonNode listed = get("/api/tasks").json().get("tasks").get(0);

        assertThat(detail.get("corrections")).hasSize(2);
        assertThat(detail.get("corrections").get(0).get("sentiment").asText()).isEqualTo("positive");
        assertThat(detail.get("corrections").get(0).get("urgencyLevel").isNull()).isTrue();
        assertThat(detail.get("corrections").get(1).get("by").asText()).isEqualTo(TaskApi.DEFAULT_ACTOR);
        assertThat(listed.get("corrections").isNull()).isTrue();
        JsonNode correction = listed.get("scores").get("correction");
        assertThat(correction.get("sentiment").asText()).isEqualTo("positive");
        assertThat(correction.get("urgencyLevel").asText()).isEqualTo("low");
        assertThat(correction.get("by").asText()).isEqualTo(TaskApi.DEFAULT_ACTOR);
    }

    @Test
    void aTaskNobodyCorrectedHasNoCorrection() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.4);

        JsonNode detail = get("/api/tasks/" + id).json();

        assertThat(detail.get("scores").get("correction").isNull()).isTrue();
        assertThat(detail.get("corrections")).isEmpty();
    }

    @Test
    void raisingTheUrgencyLevelMovesTheTaskUpTheList() throws Exception {
        long high = queue.add(new RunningQueue.NewTask("High", "My card was charged twice", 20, UrgencyLevel.HIGH,
                "Sorry", List.of(), Duration.ofMinutes(30)));
        long low = queue.add(new RunningQueue.NewTask("Low", "The floor at gate 12 is sticky", 15, UrgencyLevel.HIGH,
                "Sorry", List.of(), Duration.ofMinutes(30)));
        assertThat(ids(get("/api/tasks").json().get("tasks"))).containsExactly(high, low);

        correct(low, "{\"urgencyLevel\": \"critical\"}");

        assertThat(ids(get("/api/tasks").json().get("tasks"))).containsExactly(low, high);
    }

    @Test
    void aDecidedTaskCanBeCorrected() throws Exception {
        long id = queue.add("Ana", "The gate agent made us sit on the floor", 0.4);
        queue.approvals.reject(id, "answered by phone", "sam");

        Answer a = correct(id, "{\"sentiment\": \"negative\", \"urgencyLevel\": \"high\"}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("state").asText()).isEqualTo("REJECTED");
        assertThat(queue.task(id).state()).isEqualTo(TaskState.REJECTED);
    }

    @Test
    void anUnknownSentimentIsA400NamingTheFieldAndTheAllowedValues() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.4);

        Answer a = correct(id, "{\"sentiment\": \"furious\"}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText())
                .isEqualTo("sentiment must be one of negative, neutral, positive, but was 'furious'");
        assertThat(queue.corrections.forTask(id)).isEmpty();
    }

    @Test
    void anUnknownUrgencyLevelIsA400NamingTheFieldAndTheAllowedValues() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.4);

        Answer a = correct(id, "{\"sentiment\": \"negative\", \"urgencyLevel\": \"asap\"}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText())
                .isEqualTo("urgencyLevel must be one of low, normal, high, critical, but was 'asap'");
        assertThat(queue.task(id).correction().any()).isFalse();
    }

    @Test
    void aCorrectionWithoutALabelIsA400ThatSaysWhatToSend() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.4);

        for (String body : List.of("", "{}", "{\"actor\": \"sam\"}")) {
            Answer a = correct(id, body);
            assertThat(a.status()).as(body).isEqualTo(400);
            assertThat(a.json().get("error").asText()).as(body).contains("'sentiment'").contains("'urgencyLevel'")
                    .contains("negative, neutral, positive").contains("low, normal, high, critical");
        }
    }

    @Test
    void anUnknownFieldIsA400() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.4);

        Answer a = correct(id, "{\"mood\": \"negative\"}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).contains("mood");
    }

    @Test
    void correctingAnUnknownTaskIsA404() throws Exception {
        Answer a = correct(999, "{\"sentiment\": \"negative\"}");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("error").asText()).isEqualTo("no task 999");
    }

    @Test
    void correctIsPostOnly() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.4);

        assertThat(get("/api/tasks/" + id + "/correct").status()).isEqualTo(405);
    }
}
