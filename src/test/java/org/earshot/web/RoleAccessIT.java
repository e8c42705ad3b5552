package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.earshot.domain.Role;
import org.earshot.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state-changing API path, called with a personal token of every role: the server enforces the role table. */
class RoleAccessIT {
    @TempDir
    Path dir;
    private RunningQueue queue;
    private ApiClient api;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    @BeforeEach
    void start() {
        queue = new RunningQueue(dir, List.of());
        api = new ApiClient(queue.baseUrl());
        for (Role role : Role.values()) {
            tokens.put(role, queue.tokenFor(role.id() + "-person", role));
        }
        queue.addAccount("other", Role.RESPONDER);
    }

    @AfterEach
    void stop() {
        queue.close();
    }

    /** A path (with {task}, {item} or {token} for ids made per call; {task} in the body too), its body, and the least role that may use it. */
    static Stream<Arguments> changes() {
        return Stream.of(
                change("/api/tasks/{task}/check", "{\"text\": \"Hi, we are on it.\"}", Role.VIEWER),
                change("/api/tasks/{task}/correct", "{\"urgencyLevel\": \"critical\"}", Role.RESPONDER),
                change("/api/tasks/{task}/follow-up-done", "{}", Role.RESPONDER),
                change("/api/tasks/{task}/draft", "{\"text\": \"Hi Ana, it left our depot today.\"}", Role.RESPONDER),
                change("/api/tasks/{task}/approve", "{}", Role.APPROVER),
                change("/api/tasks/{task}/approve", "{\"override\": true}", Role.ADMIN),
                change("/api/tasks/{task}/reject", "{\"reason\": \"spam\"}", Role.APPROVER),
                change("/api/tasks/{task}/retry", "{}", Role.APPROVER),
                change("/api/tasks/{task}/undo", "{}", Role.APPROVER),
                change("/api/tasks/{task}/assign", "{\"assignee\": \"sam\"}", Role.RESPONDER),
                change("/api/tasks/{task}/snooze", "{\"minutes\": 60}", Role.RESPONDER),
                change("/api/tasks/{task}/notes", "{\"text\": \"@sam can you look?\"}", Role.RESPONDER),
                change("/api/tasks/{task}/presence", "{\"person\": \"sam\", \"activity\": \"viewing\"}", Role.VIEWER),
                change("/api/tasks/bulk", "{\"ids\": [{task}], \"action\": \"reject\", \"reason\": \"spam\"}", Role.APPROVER),
                change("/api/quarantine/{item}/requeue", "{}", Role.APPROVER),
                change("/api/tokens", "{\"label\": \"script\"}", Role.VIEWER),
                change("/api/tokens/{token}/revoke", "{}", Role.ADMIN),
                change("/api/accounts", "{\"name\": \"newcomer\", \"role\": \"viewer\", \"password\": \"long enough pw\"}",
                        Role.ADMIN),
                change("/api/accounts/other/disable", "{}", Role.ADMIN),
                change("/api/accounts/other/role", "{\"role\": \"approver\"}", Role.ADMIN),
                change("/api/no-such-change", "{}", Role.ADMIN));
    }

    private static Arguments change(String path, String body, Role least) {
        return Arguments.of(path, body, least);
    }

    @ParameterizedTest(name = "POST {0} {1} needs {2}")
    @MethodSource("changes")
    void eachRoleMayMakeOnlyTheChangesItsRoleAllows(String path, String body, Role least) throws Exception {
        for (Role role : Role.values()) {
            String task = String.valueOf(queue.add("Ana", "Where is my parcel?", 0.8));
            String concrete = path.replace("{task}", task)
                    .replace("{item}", String.valueOf(queue.quarantine("x-" + role, "unreadable", "raw")))
                    // A token of someone else's: only an admin may revoke it.
                    .replace("{token}", String.valueOf(queue.accounts.addToken("other", "theirs").id()));

            Answer a = api.send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + concrete))
                    .header("Authorization", "Bearer " + tokens.get(role)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.replace("{task}", task))));

            if (role.includes(least)) {
                assertThat(a.status()).as(role + " on " + concrete).isNotIn(401, 403);
            } else {
                assertThat(a.status()).as(role + " on " + concrete).isEqualTo(403);
                assertThat(a.json().get("error").asText()).as(role + " on " + concrete)
                        .containsPattern("needs the (" + least.id() + "|approver) role")
                        .containsPattern("'" + role.id() + "-person' is an? " + role.id());
            }
        }
    }

    @Test
    void everyRoleReadsTheQueueButOnlyAnAdminListsTheAccounts() throws Exception {
        for (Role role : Role.values()) {
            Answer tasks = api.send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + "/api/tasks"))
                    .header("Authorization", "Bearer " + tokens.get(role)));
            Answer accounts = api.send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + "/api/accounts"))
                    .header("Authorization", "Bearer " + tokens.get(role)));

            assertThat(tasks.status()).as(role.id()).isEqualTo(200);
            assertThat(accounts.status()).as(role.id()).isEqualTo(role == Role.ADMIN ? 200 : 403);
        }
    }

    @Test
    void aResponderCannotApproveAndTheTaskStaysOpen() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);

        Answer a = api.send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + "/api/tasks/" + id + "/approve"))
                .header("Authorization", "Bearer " + tokens.get(Role.RESPONDER))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("error").asText()).isEqualTo("approving a reply needs the approver role, but"
                + " 'responder-person' is a responder (also relabels tasks and proposes drafts; cannot approve)");
        assertThat(queue.task(id).state()).isEqualTo(org.earshot.domain.TaskState.NEW);
        assertThat(queue.outboxRows(id)).isZero();
    }

    @Test
    void onlyAnAdminMayApprovePastAHardRule() throws Exception {
        long id = queue.add(new RunningQueue.NewTask("Ana", "I want my money back", 0.7,
                org.earshot.domain.UrgencyLevel.HIGH, "We will refund you today.", List.of("hard: promises 'refund'"),
                java.time.Duration.ofMinutes(30)));
        String body = "{\"override\": true}";

        Answer approver = post("/api/tasks/" + id + "/approve", body, tokens.get(Role.APPROVER));
        Answer admin = post("/api/tasks/" + id + "/approve", body, tokens.get(Role.ADMIN));

        assertThat(approver.status()).isEqualTo(403);
        assertThat(approver.json().get("error").asText())
                .startsWith("approving past a hard reply rule needs the admin role, but 'approver-person' is an approver");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(queue.queries.history(id)).extracting(e -> e.actor() + " " + e.action())
                .contains("admin-person override");
    }

    @Test
    void theAuditLogNamesTheTokensAccountWhateverNameTheBodyGives() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);

        Answer a = api.send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + "/api/tasks/" + id + "/approve"))
                .header("Authorization", "Bearer " + tokens.get(Role.APPROVER))
                .POST(HttpRequest.BodyPublishers.ofString("{\"actor\": \"the-ceo\"}")));

        assertThat(a.status()).isEqualTo(200);
        assertThat(queue.task(id).decision().actor()).isEqualTo("approver-person");
        assertThat(queue.queries.history(id)).extracting(e -> e.actor()).containsOnly("approver-person");
    }

    @Test
    void aRevokedTokenAndADisabledAccountsTokenAreRefused() throws Exception {
        var made = queue.accounts.addToken("responder-person", "second");
        assertThat(get("/api/tasks", made.token()).status()).isEqualTo(200);

        queue.accounts.revokeToken(made.id());
        queue.accounts.disable("viewer-person");

        assertThat(get("/api/tasks", made.token()).status()).isEqualTo(401);
        assertThat(get("/api/tasks", tokens.get(Role.VIEWER)).status()).isEqualTo(401);
        assertThat(get("/api/tasks", tokens.get(Role.RESPONDER)).status()).isEqualTo(200);
    }

    @Test
    void theServiceTokenStillActsAsAnAdminForScripts() throws Exception {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);

        Answer who = api.get("/api/session");
        Answer approved = api.post("/api/tasks/" + id + "/approve", "{\"override\": true}");

        assertThat(who.json().get("role").asText()).isEqualTo("admin");
        assertThat(who.json().get("via").asText()).isEqualTo("service-token");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(queue.task(id).decision().actor()).isEqualTo(Caller.SERVICE);
    }

    private Answer post(String path, String body, String token) throws Exception {
        return api.send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer get(String path, String token) throws Exception {
        return api.send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + path)).header("Authorization", "Bearer " + token));
    }
}
