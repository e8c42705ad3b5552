package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.earshot.domain.Role;
import org.earshot.domain.TaskState;
import org.earshot.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in over HTTP as the page does: the cookie, the CSRF token, throttling, signing out, restarts. */
class SessionApiIT {
    @TempDir
    Path dir;
    private RunningQueue queue;
    private ApiClient api;

    /** A signed-in browser, reduced to what it sends: its cookie and the CSRF token the page was given. */
    private record Browser(String cookie, String csrf) {
    }

    @BeforeEach
    void start() {
        queue = new RunningQueue(dir, List.of());
        api = new ApiClient(queue.baseUrl());
    }

    @AfterEach
    void stop() {
        queue.close();
    }

    private Answer login(String name, String password) throws Exception {
        return api.send(HttpRequest.newBuilder(URI.create(queue.baseUrl() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}")));
    }

    private Browser signIn(String name, Role role) throws Exception {
        String password = queue.addAccount(name, role);
        Answer a = login(name, password);
        assertThat(a.status()).isEqualTo(200);
        String setCookie = a.raw().headers().firstValue("Set-Cookie").orElseThrow();
        return new Browser(setCookie.substring(0, setCookie.indexOf(';')), a.json().get("csrfToken").asText());
    }

    private Answer call(Browser b, String method, String path, String body, boolean withCsrf) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(queue.baseUrl() + path)).header("Cookie", b.cookie())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (withCsrf) {
            r.header(Authentication.CSRF_HEADER, b.csrf());
        }
        return api.send(r);
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteStrictCookieAndNamesTheRoleAndWhatItMayDo() throws Exception {
        String password = queue.addAccount("bea", Role.RESPONDER);

        Answer a = login("bea", password);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.raw().headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith(Authentication.COOKIE + "=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/").doesNotContain("Secure");
        assertThat(a.json().get("name").asText()).isEqualTo("bea");
        assertThat(a.json().get("role").asText()).isEqualTo("responder");
        assertThat(a.json().at("/can/edit").asBoolean()).isTrue();
        assertThat(a.json().at("/can/approve").asBoolean()).isFalse();
        assertThat(a.json().get("csrfToken").asText()).hasSizeGreaterThan(30);
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() throws Exception {
        queue.addAccount("bea", Role.RESPONDER);

        Answer wrong = login("bea", "not her password");
        Answer unknown = login("nobody", "not her password");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo(unknown.json().get("error").asText())
                .contains("wrong name or password");
        assertThat(wrong.raw().headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aChangeFromTheBrowserWithoutItsCsrfTokenIsRefusedAndWithItGoesThrough() throws Exception {
        Browser bea = signIn("bea", Role.APPROVER);
        long id = queue.add("Ana", "Where is my parcel?", 0.8);

        Answer without = call(bea, "POST", "/api/tasks/" + id + "/approve", "{}", false);
        Answer wrong = call(new Browser(bea.cookie(), "not-the-token"), "POST", "/api/tasks/" + id + "/approve", "{}", true);

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.json().get("error").asText()).contains("CSRF");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);

        Answer with = call(bea, "POST", "/api/tasks/" + id + "/approve", "{}", true);
        assertThat(with.status()).isEqualTo(200);
        assertThat(queue.task(id).decision().actor()).isEqualTo("bea");
    }

    @Test
    void readingNeedsNoCsrfTokenAndANewTabLearnsItFromTheSession() throws Exception {
        Browser bea = signIn("bea", Role.VIEWER);

        Answer session = call(bea, "GET", "/api/session", null, false);
        Answer tasks = call(bea, "GET", "/api/tasks", null, false);

        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().get("csrfToken").asText()).isEqualTo(bea.csrf());
        assertThat(tasks.status()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionForEveryTab() throws Exception {
        Browser bea = signIn("bea", Role.VIEWER);

        Answer refused = call(bea, "POST", "/api/logout", null, false);
        Answer out = call(bea, "POST", "/api/logout", null, true);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.raw().headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(call(bea, "GET", "/api/tasks", null, false).status()).isEqualTo(401);
    }

    @Test
    void aSessionHoldsAcrossARestartOfTheServer() throws Exception {
        Browser bea = signIn("bea", Role.VIEWER);

        queue.close();
        queue = new RunningQueue(dir, List.of());
        api = new ApiClient(queue.baseUrl());

        Answer session = call(bea, "GET", "/api/session", null, false);
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().get("name").asText()).isEqualTo("bea");
    }

    @Test
    void aSessionEndsTwelveHoursAfterItWasLastUsed() throws Exception {
        Browser bea = signIn("bea", Role.VIEWER);
        queue.clock.advance(Duration.ofHours(11));
        assertThat(call(bea, "GET", "/api/tasks", null, false).status()).isEqualTo(200);
        queue.clock.advance(Duration.ofHours(11));
        assertThat(call(bea, "GET", "/api/tasks", null, false).status()).isEqualTo(200);

        queue.clock.advance(Duration.ofHours(13));

        Answer ended = call(bea, "GET", "/api/tasks", null, false);
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.json().get("error").asText()).contains("session has ended");
    }

    @Test
    void fiveWrongPasswordsForOneNameHoldOffEvenTheRightOneWithAClearMessage() throws Exception {
        String password = queue.addAccount("bea", Role.VIEWER);
        for (int i = 0; i < 5; i++) {
            assertThat(login("bea", "guess number " + i).status()).isEqualTo(401);
        }

        Answer held = login("bea", password);

        assertThat(held.status()).isEqualTo(429);
        assertThat(held.json().get("error").asText()).isEqualTo("too many failed sign-ins for 'bea': try again in 15 minutes");
        assertThat(held.raw().headers().firstValue("Retry-After")).hasValue("900");

        queue.clock.advance(Duration.ofMinutes(15));
        assertThat(login("bea", password).status()).isEqualTo(200);
    }

    @Test
    void twentyFailuresFromOneAddressHoldOffEveryNameFromIt() throws Exception {
        String password = queue.addAccount("bea", Role.VIEWER);
        for (int i = 0; i < 20; i++) {
            login("name" + i, "guess");
        }

        Answer held = login("bea", password);

        assertThat(held.status()).isEqualTo(429);
        assertThat(held.json().get("error").asText()).startsWith("too many failed sign-ins from this address");
    }

    @Test
    void aDisabledAccountsSessionEnds() throws Exception {
        Browser bea = signIn("bea", Role.APPROVER);

        queue.accounts.disable("bea");

        assertThat(call(bea, "GET", "/api/tasks", null, false).status()).isEqualTo(401);
    }

    @Test
    void theWholeAuditLogIsExportedOldestFirstWithoutATask() throws Exception {
        Browser bea = signIn("bea", Role.APPROVER);
        long first = queue.add("Ana", "Where is my parcel?", 0.8);
        long second = queue.add("Tom", "Charged twice", 0.9);
        call(bea, "POST", "/api/tasks/" + first + "/reject", "{\"reason\": \"spam\"}", true);
        call(bea, "POST", "/api/tasks/" + second + "/reject", "{\"reason\": \"duplicate\"}", true);

        var csv = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(queue.baseUrl() + "/api/audit.csv")).header("Cookie", bea.cookie()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).hasSize(3);
        assertThat(csv.body().indexOf("," + first + ",bea,rejected,spam")).isPositive()
                .isLessThan(csv.body().indexOf("," + second + ",bea,rejected,duplicate"));
    }

    @Test
    void theAuditLogOfATaskIsReadAsJsonAndExportedAsCsvWithFormulasDefused() throws Exception {
        Browser bea = signIn("bea", Role.APPROVER);
        long id = queue.add("Ana", "Where is my parcel?", 0.8);
        call(bea, "POST", "/api/tasks/" + id + "/reject", "{\"reason\": \"=HYPERLINK(\\\"x\\\"), spam\"}", true);

        Answer json = call(bea, "GET", "/api/tasks/" + id + "/audit", null, false);
        var csv = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(queue.baseUrl() + "/api/audit.csv?task=" + id)).header("Cookie", bea.cookie()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(json.json().get("audit").get(0).get("actor").asText()).isEqualTo("bea");
        assertThat(json.json().get("audit").get(0).get("action").asText()).isEqualTo("rejected");
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.body().split("\r\n")).hasSize(2);
        assertThat(csv.body()).startsWith("at,task_id,actor,action,detail\r\n")
                .contains("," + id + ",bea,rejected,\"'=HYPERLINK(\"\"x\"\"), spam\"\r\n");
    }
}
