package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.earshot.domain.TaskState;
import org.earshot.store.OutboxStore;
import org.earshot.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assigning, snoozing, notes, presence, approving what was opened, undo, and bulk actions over the REST API. */
class TeamWorkApiIT {
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

    private List<Long> ids(String query) throws Exception {
        Answer a = api.get("/api/tasks" + query);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        return ApiClient.ids(a.json().get("tasks"));
    }

    @Test
    void aTaskAssignedToAPersonOrTeamIsFoundByItsAssigneeAndUnassignedOnesByNone() throws Exception {
        long bea = queue.add("Ana", "refund please", 0.5);
        long billing = queue.add("Bo", "double charge", 0.6);
        long nobody = queue.add("Cy", "hello", 0.4);

        Answer a = api.post("/api/tasks/" + bea + "/assign", "{\"assignee\": \"Bea\", \"actor\": \"sam\"}");
        api.post("/api/tasks/" + billing + "/assign", "{\"assignee\": \"team:billing\"}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("assignee").asText()).isEqualTo("Bea");
        assertThat(ids("?assignee=bea")).containsExactly(bea);
        assertThat(ids("?assignee=team:billing")).containsExactly(billing);
        assertThat(ids("?assignee=none")).containsExactly(nobody);
        assertThat(queue.queries.history(bea)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("assigned");
            assertThat(e.actor()).isEqualTo("sam");
        });
        api.post("/api/tasks/" + bea + "/assign", "{\"assignee\": null}");
        assertThat(ids("?assignee=none")).containsExactlyInAnyOrder(bea, nobody);
    }

    @Test
    void aSnoozedTaskLeavesTheOpenListUntilItsTimeAndIsListedWithSnoozedOnly() throws Exception {
        long snoozed = queue.add("Ana", "later", 0.9);
        long open = queue.add("Bo", "now", 0.1);

        Answer a = api.post("/api/tasks/" + snoozed + "/snooze", "{\"minutes\": 60}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("snoozedUntil").asText()).isNotEmpty();
        assertThat(ids("?state=NEW")).containsExactly(open);
        assertThat(api.get("/api/tasks?state=NEW").json().get("total").asLong()).isEqualTo(1);
        assertThat(ids("?state=NEW&snoozed=only")).containsExactly(snoozed);
        assertThat(ids("?state=NEW&snoozed=include")).containsExactly(snoozed, open);

        queue.clock.advance(java.time.Duration.ofMinutes(61));
        assertThat(ids("?state=NEW")).containsExactly(snoozed, open);
    }

    @Test
    void notesKeepTheirTextAsWrittenAndTheNamesTheyMention() throws Exception {
        long id = queue.add("Ana", "lost bag", 0.5);

        Answer posted = api.post("/api/tasks/" + id + "/notes",
                "{\"text\": \"@Bea can you call her? <script>alert(1)</script> cc @lee.\", \"actor\": \"sam\"}");
        JsonNode notes = api.get("/api/tasks/" + id + "/notes").json().get("notes");

        assertThat(posted.status()).isEqualTo(201);
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("text").asText()).isEqualTo("@Bea can you call her? <script>alert(1)</script> cc @lee.");
        assertThat(notes.get(0).get("author").asText()).isEqualTo("sam");
        assertThat(notes.get(0).get("mentions")).extracting(JsonNode::asText).containsExactly("bea", "lee");
        assertThat(api.post("/api/tasks/" + id + "/notes", "{\"text\": \"  \"}").status()).isEqualTo(400);
        assertThat(api.get("/api/tasks/999/notes").status()).isEqualTo(404);
    }

    @Test
    void twoPeopleOnOneTaskSeeEachOtherAndWhoIsEditing() throws Exception {
        long id = queue.add("Ana", "lost bag", 0.5);

        Answer bea = api.post("/api/tasks/" + id + "/presence", "{\"person\": \"Bea\", \"activity\": \"editing\"}");
        Answer sam = api.post("/api/tasks/" + id + "/presence", "{\"person\": \"Sam\", \"activity\": \"viewing\"}");

        assertThat(bea.json().get("others")).isEmpty();
        assertThat(sam.json().get("others")).hasSize(1);
        assertThat(sam.json().get("others").get(0).get("person").asText()).isEqualTo("Bea");
        assertThat(sam.json().get("others").get(0).get("activity").asText()).isEqualTo("editing");

        api.post("/api/tasks/" + id + "/presence", "{\"person\": \"Bea\", \"activity\": \"left\"}");
        assertThat(api.post("/api/tasks/" + id + "/presence", "{\"person\": \"Sam\"}").json().get("others")).isEmpty();
    }

    @Test
    void aPersonalTokenIsPresentUnderItsOwnersNameWhateverTheBodySays() throws Exception {
        long id = queue.add("Ana", "lost bag", 0.5);
        String beas = queue.tokenFor("bea", org.earshot.domain.Role.RESPONDER);
        api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(queue.baseUrl() + "/api/tasks/" + id + "/presence"))
                .header("Authorization", "Bearer " + beas).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"person\": \"Mallory\", \"activity\": \"editing\"}")));

        Answer sam = api.post("/api/tasks/" + id + "/presence", "{\"person\": \"Sam\"}");

        assertThat(sam.json().get("others")).hasSize(1);
        assertThat(sam.json().get("others").get(0).get("person").asText()).isEqualTo("bea");
    }

    @Test
    void someoneNotHeardFromForAWhileIsNoLongerShownAsPresent() throws Exception {
        long id = queue.add("Ana", "lost bag", 0.5);
        api.post("/api/tasks/" + id + "/presence", "{\"person\": \"Bea\", \"activity\": \"editing\"}");

        queue.clock.advance(java.time.Duration.ofSeconds(30));

        assertThat(api.post("/api/tasks/" + id + "/presence", "{\"person\": \"Sam\"}").json().get("others")).isEmpty();
    }

    @Test
    void anApprovalOfATaskThatChangedSinceItWasOpenedIsRefusedWith409AndNothingIsApproved() throws Exception {
        long id = queue.add("Ana", "lost bag", 0.5);
        String opened = api.get("/api/tasks/" + id).json().get("version").asText();
        Thread.sleep(5);
        assertThat(api.post("/api/tasks/" + id + "/correct", "{\"urgencyLevel\": \"high\", \"actor\": \"bea\"}")
                .status()).isEqualTo(200);

        Answer stale = api.post("/api/tasks/" + id + "/approve", "{\"version\": \"" + opened + "\"}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("error").asText()).contains("changed since you opened it").contains("reload");
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
        assertThat(queue.outboxRows(id)).isZero();
        String current = api.get("/api/tasks/" + id).json().get("version").asText();
        assertThat(api.post("/api/tasks/" + id + "/approve", "{\"version\": \"" + current + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void assigningOrNotingDoesNotMakeAnOpenedTaskStale() throws Exception {
        long id = queue.add("Ana", "lost bag", 0.5);
        String opened = api.get("/api/tasks/" + id).json().get("version").asText();
        api.post("/api/tasks/" + id + "/assign", "{\"assignee\": \"bea\"}");
        api.post("/api/tasks/" + id + "/notes", "{\"text\": \"on it\"}");

        assertThat(api.post("/api/tasks/" + id + "/approve", "{\"version\": \"" + opened + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void anApprovalWithAnUndoWindowIsNotDueInTheOutboxUntilItEndsAndUndoReturnsTheTaskToTheQueue() throws Exception {
        long id = queue.add("Ana", "lost bag", 0.5);

        assertThat(api.post("/api/tasks/" + id + "/approve", "{\"undoSeconds\": 30}").status()).isEqualTo(200);

        OutboxStore outbox = new OutboxStore();
        List<Long> dueNow = queue.db.inTransaction(h -> outbox.due(h, Instant.now(), 10));
        List<Long> dueAfterTheWindow = queue.db.inTransaction(h -> outbox.due(h, Instant.now().plusSeconds(31), 10));
        assertThat(dueNow).doesNotContain(id);
        assertThat(dueAfterTheWindow).contains(id);
        Answer undone = api.post("/api/tasks/" + id + "/undo", "{\"actor\": \"sam\"}");
        assertThat(undone.status()).as(undone.raw().body()).isEqualTo(200);
        assertThat(undone.json().get("state").asText()).isEqualTo("NEW");
        assertThat(undone.json().get("decision").get("actor").isNull()).isTrue();
        assertThat(queue.outboxRows(id)).isZero();
        assertThat(ids("?state=NEW")).containsExactly(id);
        assertThat(queue.queries.history(id)).extracting(e -> e.action()).contains("approved", "undone");
    }

    @Test
    void anApprovalCannotBeUndoneOnceTheOutboxMayTakeIt() throws Exception {
        long id = queue.add("Ana", "lost bag", 0.5);
        api.post("/api/tasks/" + id + "/approve", "{}");

        Answer late = api.post("/api/tasks/" + id + "/undo", "{}");

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("error").asText()).contains("can no longer be undone");
        assertThat(queue.task(id).state()).isEqualTo(TaskState.APPROVED);
        assertThat(queue.outboxRows(id)).isEqualTo(1);
    }

    @Test
    void bulkRejectRejectsEachOpenTaskAndSaysWhichCouldNotBe() throws Exception {
        long a = queue.add("Ana", "spam", 0.5);
        long b = queue.add("Bo", "spam", 0.5);
        long approved = queue.add("Cy", "real", 0.5);
        api.post("/api/tasks/" + approved + "/approve", "{}");

        Answer bulk = api.post("/api/tasks/bulk", "{\"ids\": [" + a + ", " + b + ", " + approved + ", 999],"
                + " \"action\": \"reject\", \"reason\": \"spam wave\", \"actor\": \"sam\"}");

        assertThat(bulk.status()).isEqualTo(200);
        assertThat(bulk.json().get("done").asInt()).isEqualTo(2);
        assertThat(bulk.json().get("failed").asInt()).isEqualTo(2);
        assertThat(queue.task(a).state()).isEqualTo(TaskState.REJECTED);
        assertThat(queue.task(b).decision().rejectReason()).isEqualTo("spam wave");
        assertThat(queue.task(approved).state()).isEqualTo(TaskState.APPROVED);
        assertThat(bulk.json().get("results").get(2).get("error").asText()).contains("APPROVED");
        assertThat(api.post("/api/tasks/bulk", "{\"ids\": [" + a + "], \"action\": \"reject\"}").status())
                .isEqualTo(400);
    }

    @Test
    void bulkAssignAndRelabelChangeEveryTaskNamed() throws Exception {
        long a = queue.add("Ana", "one", 0.5);
        long b = queue.add("Bo", "two", 0.5);

        api.post("/api/tasks/bulk", "{\"ids\": [" + a + ", " + b + "], \"action\": \"assign\", \"assignee\": \"team:care\"}");
        Answer relabel = api.post("/api/tasks/bulk", "{\"ids\": [" + a + ", " + b + "], \"action\": \"relabel\","
                + " \"urgencyLevel\": \"critical\"}");

        assertThat(relabel.json().get("done").asInt()).isEqualTo(2);
        assertThat(ids("?assignee=team:care&level=critical")).containsExactlyInAnyOrder(a, b);
        assertThat(api.post("/api/tasks/bulk", "{\"ids\": [" + a + "], \"action\": \"explode\"}").status())
                .isEqualTo(400);
    }
}
