package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.earshot.alert.RouteHealth;
import org.earshot.connector.ConnectorHealth;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebApiIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;
    private RunningQueue queue;
    private ApiClient api;

    @BeforeEach
    void start() {
        List<ConnectorHealth> health = List.of(
                new ConnectorHealth("mastodon-main", Instant.parse("2026-11-02T10:00:00Z"), null, null, 0, 3, 287),
                new ConnectorHealth("imap-support", null, Instant.parse("2026-11-02T10:01:00Z"),
                        "login failed", 2, 0, -1));
        List<RouteHealth> routes = List.of(
                new RouteHealth("urgent", "Slack answered HTTP 404 channel_not_found", true,
                        "Slack answered HTTP 404 channel_not_found", Instant.parse("2026-11-02T10:02:00Z"), null, 0),
                new RouteHealth("team", "", false, "Slack answered HTTP 500 rollup_error",
                        Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-02T09:05:00Z"), 3));
        queue = new RunningQueue(dir, health, routes);
        api = new ApiClient(queue.baseUrl());
    }

    @AfterEach
    void stop() {
        queue.close();
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return api.send(request);
    }

    private HttpRequest.Builder request(String path) {
        return api.request(path);
    }

    private Answer get(String path) throws IOException, InterruptedException {
        return api.get(path);
    }

    private Answer post(String path, String body) throws IOException, InterruptedException {
        return api.post(path, body);
    }

    private static List<Long> ids(JsonNode tasks) {
        return ApiClient.ids(tasks);
    }

    @Test
    void callsWithoutATokenAreRefusedWith401AndAJsonError() throws Exception {
        Answer a = send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + "/api/tasks")).GET());

        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().get("error").asText()).contains("Bearer");
        assertThat(a.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void callsWithAWrongTokenAreRefusedWith401() throws Exception {
        long id = queue.add("Ana", "Broken again", 0.5);

        Answer list = send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + "/api/tasks"))
                .header("Authorization", "Bearer " + RunningQueue.TOKEN + "x").GET());
        Answer approve = send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + "/api/tasks/" + id + "/approve"))
                .header("Authorization", "Basic " + RunningQueue.TOKEN).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(list.status()).isEqualTo(401);
        assertThat(approve.status()).isEqualTo(401);
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
    }

    @Test
    void listIsSortedByPriorityHighestFirst() throws Exception {
        long low = queue.add("Low", "meh", 0.2);
        long high = queue.add("High", "on fire", 0.9);
        long middle = queue.add("Middle", "slow delivery", 0.5);

        Answer a = get("/api/tasks");

        assertThat(a.status()).isEqualTo(200);
        assertThat(ids(a.json().get("tasks"))).containsExactly(high, middle, low);
    }

    @Test
    void eachTaskSaysItsLanguageAndTheListIsFilteredByIt() throws Exception {
        long english = queue.add(new RunningQueue.NewTask("Ann", "my bag is lost", 0.5), "en");
        long spanish = queue.add(new RunningQueue.NewTask("Bea", "mi maleta se ha perdido", 0.6), "es");

        Answer all = get("/api/tasks");
        assertThat(ids(all.json().get("tasks"))).containsExactly(spanish, english);
        assertThat(all.json().get("tasks").get(0).get("language").asText()).isEqualTo("es");
        assertThat(ids(get("/api/tasks?language=es").json().get("tasks"))).containsExactly(spanish);
        assertThat(ids(get("/api/tasks?language=EN").json().get("tasks"))).containsExactly(english);
        assertThat(ids(get("/api/tasks?language=fr").json().get("tasks"))).isEmpty();
    }

    @Test
    void listIsFilteredByStateAndAcceptsSeveralStates() throws Exception {
        long open = queue.add("Open", "still waiting", 0.5);
        long approved = queue.add("Approved", "help", 0.6);
        long rejected = queue.add("Rejected", "spam spam", 0.7);
        assertThat(post("/api/tasks/" + approved + "/approve", "").status()).isEqualTo(200);
        assertThat(post("/api/tasks/" + rejected + "/reject", "{\"reason\": \"spam\"}").status()).isEqualTo(200);

        assertThat(ids(get("/api/tasks?state=NEW").json().get("tasks"))).containsExactly(open);
        assertThat(ids(get("/api/tasks?state=APPROVED,REJECTED").json().get("tasks")))
                .containsExactly(rejected, approved);
        assertThat(ids(get("/api/tasks?limit=1").json().get("tasks"))).containsExactly(rejected);
    }

    @Test
    void anUnknownStateIsA400ThatNamesTheKnownOnes() throws Exception {
        Answer a = get("/api/tasks?state=NEW,DONE");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).contains("DONE").contains("APPROVED");
    }

    @Test
    void aLimitThatIsNotAPositiveNumberIsA400() throws Exception {
        assertThat(get("/api/tasks?limit=abc").status()).isEqualTo(400);
        assertThat(get("/api/tasks?limit=0").status()).isEqualTo(400);
    }

    @Test
    void unknownOrNonNumericTaskIdsAre404() throws Exception {
        assertThat(get("/api/tasks/999").status()).isEqualTo(404);
        assertThat(get("/api/tasks/999").json().get("error").asText()).isEqualTo("no task 999");
        assertThat(get("/api/tasks/abc").status()).isEqualTo(404);
        assertThat(post("/api/tasks/999/approve", "").status()).isEqualTo(404);
    }

    @Test
    void aTaskShowsItsMentionScoresDraftTimesAndHistoryInCamelCase() throws Exception {
        long id = queue.add(new RunningQueue.NewTask("Ana Lima", "The app ate my order", 0.8, UrgencyLevel.CRITICAL,
                "Sorry Ana, we are looking into it.", List.of("soft: no name"), Duration.ofMinutes(30)));
        post("/api/tasks/" + id + "/approve", "{\"actor\": \"sam\"}");

        JsonNode t = get("/api/tasks/" + id).json();

        assertThat(t.get("state").asText()).isEqualTo("APPROVED");
        assertThat(t.at("/mention/platform").asText()).isEqualTo("mastodon");
        assertThat(t.at("/channel/id").asText()).isEqualTo("mastodon");
        assertThat(t.at("/channel/canReply").asBoolean()).isTrue();
        assertThat(t.at("/channel/readOnly").asBoolean()).isFalse();
        assertThat(t.at("/channel/maxLength").asInt()).isEqualTo(500);
        assertThat(t.at("/channel/threadsBlocks").asBoolean()).isTrue();
        assertThat(t.at("/mention/author/name").asText()).isEqualTo("Ana Lima");
        assertThat(t.at("/mention/author/handle").asText()).isEqualTo("@analima@social.example");
        assertThat(t.at("/mention/author/followers").asLong()).isEqualTo(12_400);
        assertThat(t.at("/mention/text").asText()).isEqualTo("The app ate my order");
        assertThat(t.at("/mention/url").asText()).startsWith("https://");
        assertThat(Instant.parse(t.at("/mention/createdAt").asText())).isBefore(Instant.now());
        assertThat(t.at("/scores/sentiment").asText()).isEqualTo("negative");
        assertThat(t.at("/scores/urgencyLevel").asText()).isEqualTo("critical");
        assertThat(t.at("/scores/priority").asDouble()).isEqualTo(0.8);
        assertThat(t.at("/scores/reasons/0").asText()).isEqualTo("complaint: 'broken'");
        assertThat(t.at("/draft/intent").asText()).isEqualTo("complaint");
        assertThat(t.at("/draft/warnings/0").asText()).isEqualTo("soft: no name");
        assertThat(t.at("/warnings/0/kind").asText()).isEqualTo("soft");
        assertThat(t.at("/warnings/0/text").asText()).isEqualTo("soft: no name");
        assertThat(t.at("/draft/followUp").asBoolean()).isFalse();
        assertThat(t.at("/decision/actor").asText()).isEqualTo("sam");
        assertThat(t.at("/decision/approvedText").asText()).isEqualTo("Sorry Ana, we are looking into it.");
        assertThat(t.at("/delivery/attempts").asInt()).isZero();
        assertThat(Instant.parse(t.get("dueAt").asText())).isAfter(Instant.parse(t.get("createdAt").asText()));
        assertThat(t.at("/history/0/action").asText()).isEqualTo("approved");
        assertThat(t.at("/history/0/actor").asText()).isEqualTo("sam");
    }

    @Test
    void approvingPutsTheReplyInTheOutboxOnce() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.5);

        Answer a = post("/api/tasks/" + id + "/approve", "");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("state").asText()).isEqualTo("APPROVED");
        assertThat(a.json().at("/decision/actor").asText()).isEqualTo(TaskApi.DEFAULT_ACTOR);
        assertThat(queue.task(id).state()).isEqualTo(TaskState.APPROVED);
        assertThat(queue.outboxRows(id)).isEqualTo(1);
    }

    @Test
    void approvingTwiceIsAConflictAndQueuesNothingMore() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.5);
        post("/api/tasks/" + id + "/approve", "{\"actor\": \"sam\"}");

        Answer again = post("/api/tasks/" + id + "/approve", "{\"actor\": \"kim\", \"text\": \"Another reply\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).contains("APPROVED");
        assertThat(queue.outboxRows(id)).isEqualTo(1);
        assertThat(queue.task(id).decision().actor()).isEqualTo("sam");
    }

    @Test
    void aPromisedFollowUpIsMarkedDoneOnceAndATaskWithoutOneIsAConflict() throws Exception {
        long promised = queue.add("Ana", "my bag is lost", 0.6);
        long plain = queue.add("Bo", "my bag is lost too", 0.6);
        queue.promiseFollowUp(promised);

        Answer done = post("/api/tasks/" + promised + "/follow-up-done", "{\"actor\": \"kim\"}");
        Answer again = post("/api/tasks/" + promised + "/follow-up-done", "");

        assertThat(done.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).contains("no open follow-up");
        assertThat(post("/api/tasks/" + plain + "/follow-up-done", "").status()).isEqualTo(409);
        assertThat(post("/api/tasks/999999/follow-up-done", "").status()).isEqualTo(404);
    }

    @Test
    void approvingARejectedTaskIsAConflictAndQueuesNothing() throws Exception {
        long id = queue.add("Ana", "buy followers now", 0.1);
        assertThat(post("/api/tasks/" + id + "/reject", "{\"reason\": \"spam\", \"actor\": \"kim\"}").status())
                .isEqualTo(200);

        Answer a = post("/api/tasks/" + id + "/approve", "");

        assertThat(a.status()).isEqualTo(409);
        assertThat(queue.outboxRows(id)).isZero();
        assertThat(queue.task(id).state()).isEqualTo(TaskState.REJECTED);
        assertThat(queue.task(id).decision().rejectReason()).isEqualTo("spam");
    }

    @Test
    void rejectingAnAlreadyDecidedTaskIsAConflict() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.5);
        post("/api/tasks/" + id + "/approve", "");

        assertThat(post("/api/tasks/" + id + "/reject", "{\"reason\": \"changed my mind\"}").status()).isEqualTo(409);
    }

    @Test
    void rejectingWithoutAReasonIsA400() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.5);

        assertThat(post("/api/tasks/" + id + "/reject", "").status()).isEqualTo(400);
        Answer blank = post("/api/tasks/" + id + "/reject", "{\"reason\": \"  \"}");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("error").asText()).contains("reason");
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
    }

    @Test
    void badJsonIsA400ThatSaysWhatWasWrong() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.5);

        Answer broken = post("/api/tasks/" + id + "/approve", "{\"text\": ");
        Answer wrongType = post("/api/tasks/" + id + "/approve", "{\"override\": \"perhaps\"}");
        Answer unknownField = post("/api/tasks/" + id + "/approve", "{\"txt\": \"hi\"}");

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("error").asText()).contains("not the JSON expected");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("error").asText()).contains("'txt'");
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
    }

    @Test
    void theEditedTextIsWhatIsStoredAsApproved() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.5);

        Answer a = post("/api/tasks/" + id + "/approve",
                "{\"text\": \"Hi Ana, it left our depot today.\", \"actor\": \"sam\"}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(queue.task(id).decision().approvedText()).isEqualTo("Hi Ana, it left our depot today.");
        assertThat(queue.queries.history(id)).extracting(e -> e.action()).containsExactly("approved-edited");
    }

    @Test
    void blankEditedTextIsA400AndLeavesTheTaskOpen() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.5);

        Answer a = post("/api/tasks/" + id + "/approve", "{\"text\": \"   \"}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
    }

    @Test
    void aDraftThatBreaksAHardRuleIsA422WithTheViolationsUnlessOverridden() throws Exception {
        long id = queue.add(new RunningQueue.NewTask("Ana", "I want my money back", 0.7, UrgencyLevel.HIGH,
                "We will refund you today.", List.of("hard: promises 'refund'"), Duration.ofMinutes(30)));

        Answer refused = post("/api/tasks/" + id + "/approve", "");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("violations").get(0).asText()).isEqualTo("hard: promises 'refund'");
        assertThat(refused.json().at("/warnings/0/kind").asText()).isEqualTo("hard");
        assertThat(refused.json().at("/warnings/0/rule").asText()).isEqualTo("promise-outside-policy");
        assertThat(refused.json().at("/warnings/0/text").asText()).isEqualTo("promises 'refund'");
        assertThat(queue.outboxRows(id)).isZero();

        Answer overridden = post("/api/tasks/" + id + "/approve", "{\"override\": true, \"actor\": \"lead\"}");

        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.json().at("/history/1/action").asText()).isEqualTo("override");
        assertThat(queue.outboxRows(id)).isEqualTo(1);
    }

    @Test
    void theCheckOfAnEditAnswersEachWarningAsALineAndWithItsKindAndRule() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.5);

        Answer checked = post("/api/tasks/" + id + "/check", "{\"text\": \"No. We will send you a voucher.\"}");

        assertThat(checked.status()).isEqualTo(200);
        JsonNode lines = checked.json().get("warnings");
        JsonNode details = checked.json().get("details");
        assertThat(lines.size()).isEqualTo(details.size()).isPositive();
        assertThat(lines.get(0).asText()).startsWith("hard: promises 'voucher'");
        assertThat(details.get(0).get("kind").asText()).isEqualTo("hard");
        assertThat(details.get(0).get("rule").asText()).isEqualTo("promise-outside-policy");
        assertThat(details.get(0).get("text").asText()).startsWith("promises 'voucher'");
        assertThat(details.findValuesAsText("rule")).contains("uses-name", "names-problem");
    }

    @Test
    void theCheckOfALongEditShowsEachMessageItWouldBePostedAsInOrder() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.5);
        String sentence = "Hi Ana, I am Sam from the care team and I am checking where your parcel is right now. ";
        String longReply = sentence.repeat(8).strip();

        Answer checked = post("/api/tasks/" + id + "/check", "{\"text\": \"" + longReply + "\"}");

        assertThat(checked.status()).isEqualTo(200);
        List<String> blocks = java.util.stream.StreamSupport.stream(checked.json().get("blocks").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertThat(blocks).hasSizeGreaterThan(1);
        assertThat(String.join(" ", blocks).replaceAll("\\s+", " ")).isEqualTo(longReply.replaceAll("\\s+", " "));
    }

    @Test
    void aWrongMethodIsA405() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.5);

        assertThat(send(request("/api/tasks/" + id + "/approve").GET()).status()).isEqualTo(405);
        assertThat(send(request("/api/tasks").DELETE()).status()).isEqualTo(405);
        assertThat(send(request("/").POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(405);
    }

    @Test
    void aBodyOverOneMegabyteIsA413() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.5);
        String huge = "{\"text\": \"" + "a".repeat(JsonExchange.MAX_BODY_BYTES) + "\"}";

        Answer a = post("/api/tasks/" + id + "/approve", huge);

        assertThat(a.status()).isEqualTo(413);
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
    }

    @Test
    void healthListsEachConnectorAndWhetherAllAreHealthy() throws Exception {
        Answer a = get("/api/health");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("healthy").asBoolean()).isFalse();
        assertThat(a.json().at("/connectors/0/connectorId").asText()).isEqualTo("mastodon-main");
        assertThat(a.json().at("/connectors/0/healthy").asBoolean()).isTrue();
        assertThat(a.json().at("/connectors/0/lastSuccess").asText()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(a.json().at("/connectors/1/lastError").asText()).isEqualTo("login failed");
        assertThat(a.json().at("/connectors/1/consecutiveFailures").asInt()).isEqualTo(2);
    }

    @Test
    void healthListsEachAlertRouteWithItsLastDeliveryLastErrorStopAndPendingCount() throws Exception {
        Answer a = get("/api/health");

        assertThat(a.json().at("/alertRoutes/0/name").asText()).isEqualTo("urgent");
        assertThat(a.json().at("/alertRoutes/0/healthy").asBoolean()).isFalse();
        assertThat(a.json().at("/alertRoutes/0/stopped").asBoolean()).isTrue();
        assertThat(a.json().at("/alertRoutes/0/problem").asText()).contains("404 channel_not_found");
        assertThat(a.json().at("/alertRoutes/0/lastDelivery").isNull()).isTrue();
        assertThat(a.json().at("/alertRoutes/1/name").asText()).isEqualTo("team");
        assertThat(a.json().at("/alertRoutes/1/healthy").asBoolean()).isTrue();
        assertThat(a.json().at("/alertRoutes/1/problem").isNull()).isTrue();
        assertThat(a.json().at("/alertRoutes/1/lastDelivery").asText()).isEqualTo("2026-11-02T09:05:00Z");
        assertThat(a.json().at("/alertRoutes/1/lastError").asText()).isEqualTo("Slack answered HTTP 500 rollup_error");
        assertThat(a.json().at("/alertRoutes/1/lastErrorAt").asText()).isEqualTo("2026-11-02T09:00:00Z");
        assertThat(a.json().at("/alertRoutes/1/pending").asLong()).isEqualTo(3);
    }

    @Test
    void eachTaskCarriesWhatTheTeamKnewOfThePersonWhenTheyWrote() throws Exception {
        queue.add("Lars", "Order #3 is late", 0.7);
        long again = queue.add("Lars", "Still nothing about order #3", 0.8);

        JsonNode customer = get("/api/tasks/" + again).json().get("customer");

        assertThat(customer.get("previousMentions").asInt()).isEqualTo(1);
        assertThat(customer.get("previousComplaints").asInt()).isEqualTo(1);
        assertThat(customer.get("previousReplies").asInt()).isZero();
        assertThat(customer.get("channels").toString()).isEqualTo("[\"mastodon\"]");
    }

    @Test
    void eachTaskSaysWhereItStandsAgainstItsServiceLevelAsTheServerClockMoves() throws Exception {
        long onTime = queue.add(new RunningQueue.NewTask("Olu", "Order #1 is late", 0.9, UrgencyLevel.HIGH,
                "Sorry Olu.", List.of(), Duration.ofMinutes(45)));
        long close = queue.add(new RunningQueue.NewTask("Cleo", "Order #2 is late", 0.8, UrgencyLevel.HIGH,
                "Sorry Cleo.", List.of(), Duration.ofMinutes(25)));
        long late = queue.add(new RunningQueue.NewTask("Lars", "Order #3 is late", 0.7, UrgencyLevel.HIGH,
                "Sorry Lars.", List.of(), Duration.ofHours(-2)));
        long rejected = queue.add("Rex", "spam", 0.1);
        post("/api/tasks/" + rejected + "/reject", "{\"reason\": \"spam\"}");

        JsonNode tasks = get("/api/tasks?state=NEW").json().get("tasks");

        assertThat(ids(tasks)).containsExactly(onTime, close, late);
        assertThat(tasks.findValues("serviceLevel")).extracting(l -> l.get("state").asText(),
                l -> l.get("minutesLeft").asLong(), l -> l.get("target").asText()).containsExactly(
                tuple("on_time", 45L, "first_response"), tuple("about_to_breach", 25L, "first_response"),
                tuple("breached", -120L, "first_response"));
        assertThat(Instant.parse(tasks.get(1).at("/serviceLevel/dueAt").asText()))
                .isEqualTo(queue.clock.instant().plus(Duration.ofMinutes(25)));
        assertThat(get("/api/tasks/" + rejected).json().get("serviceLevel").isNull()).isTrue();

        queue.clock.advance(Duration.ofMinutes(20));
        JsonNode later = get("/api/tasks/" + onTime).json().get("serviceLevel");
        assertThat(later.get("state").asText()).isEqualTo("about_to_breach");
        assertThat(later.get("minutesLeft").asLong()).isEqualTo(25);
    }

    @Test
    void unknownApiPathsAre404() throws Exception {
        assertThat(get("/api/nothing").status()).isEqualTo(404);
        assertThat(get("/api/tasks/1/publish").status()).isEqualTo(404);
    }

    @Test
    void theQueuePageIsServedWithoutATokenAndMayRunOnlyItsOwnScript() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> script = http.send(
                HttpRequest.newBuilder(URI.create(queue.baseUrl() + "/queue.js")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<ol id=\"queue\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + "/../pom.xml")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }
}
