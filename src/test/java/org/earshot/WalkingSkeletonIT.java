package org.earshot;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.earshot.demo.DemoEnvironment;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on the demo's embedded defaults: WireMock as Mastodon, GreenMail as the mailbox, H2
 * in a file, the REST API over real HTTP. A mention in, an approved reply out, exactly once.
 */
class WalkingSkeletonIT {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private DemoEnvironment demo;
    private Wiring earshot;

    @BeforeEach
    void start() {
        demo = DemoEnvironment.start(Path.of("config/demo.yaml"), Path.of("wiremock"), dir.resolve("data"), false, 0);
        earshot = open();
    }

    @AfterEach
    void stop() {
        earshot.close();
        demo.close();
    }

    private Wiring open() {
        Wiring w = new Wiring(demo.config(), Wiring.CONNECTOR_FACTORIES, clock,
                Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)));
        w.startWeb();
        return w;
    }

    private void pollEverything() {
        earshot.pollAll();
    }

    private List<ResponseTask> newTasks() {
        return earshot.queries().list(EnumSet.of(TaskState.NEW), 500);
    }

    private ResponseTask first(Platform platform) {
        return newTasks().stream().filter(t -> t.mention().platform().equals(platform)).findFirst().orElseThrow();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + earshot.webPort() + path))
                .header("Authorization", "Bearer " + demo.apiToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<LoggedRequest> statusPosts() {
        return demo.mastodon().findAll(postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    @Test
    void mentionsFromMastodonAndTheMailboxBecomeTasksWithScoresAndDrafts() {
        pollEverything();

        List<ResponseTask> tasks = newTasks();
        assertThat(tasks).extracting(t -> t.mention().platform()).contains(Platform.MASTODON, Platform.EMAIL);
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.mention().text()).doesNotContain("<p>");
            assertThat(t.score().urgencyLevel()).isNotNull();
        });
        assertThat(tasks).extracting(ResponseTask::score).isSortedAccordingTo(
                (a, b) -> Double.compare(b.priority(), a.priority()));
    }

    @Test
    void anApprovedMastodonReplyIsPostedExactlyOnceThreadedWithAnIdempotencyKey() throws Exception {
        pollEverything();
        ResponseTask task = first(Platform.MASTODON);

        HttpResponse<String> approved = post("/api/tasks/" + task.id() + "/approve", "{\"actor\":\"sam\"}");
        assertThat(approved.statusCode()).isEqualTo(200);
        earshot.dispatchDue();
        HttpResponse<String> again = post("/api/tasks/" + task.id() + "/approve", "{}");
        earshot.dispatchDue();

        assertThat(again.statusCode()).isEqualTo(409);
        // One POST per block of the reply (blocks of about 30 words), the first threaded under the mention.
        assertThat(statusPosts()).hasSize(task.draft().blocks().size());
        demo.mastodon().verify(1, postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.matching("earshot-.+"))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo(task.mention().externalId()))));
        assertThat(earshot.queries().get(task.id()).state()).isEqualTo(TaskState.POSTED);
    }

    @Test
    void theDemoHearsEveryPlatform() {
        pollEverything();

        assertThat(newTasks()).extracting(t -> t.mention().platform()).containsAll(Wiring.CHANNELS.platforms());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "X, x, /2/tweets",
        "REDDIT, reddit, /api/comment",
        "BLUESKY, bluesky, /xrpc/com.atproto.repo.createRecord"})
    void anApprovedReplyIsPostedExactlyOnceOnTheMentionsOwnPlatform(Platform platform, String stubs, String path)
            throws Exception {
        pollEverything();
        ResponseTask task = first(platform);

        assertThat(post("/api/tasks/" + task.id() + "/approve", "{\"text\":\"Hi, I'm sorry about this. "
                + "I'm looking into it now and you'll hear back from me within 24 hours.\"}").statusCode()).isEqualTo(200);
        earshot.dispatchDue();
        earshot.dispatchDue();

        assertThat(demo.platforms().get(stubs).findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1);
        assertThat(earshot.queries().get(task.id()).state()).isEqualTo(TaskState.POSTED);
    }

    @Test
    void aRejectedTaskCannotBeApprovedAndNothingIsPosted() throws Exception {
        pollEverything();
        ResponseTask task = first(Platform.MASTODON);

        assertThat(post("/api/tasks/" + task.id() + "/reject", "{\"reason\":\"spam\"}").statusCode()).isEqualTo(200);
        assertThat(post("/api/tasks/" + task.id() + "/approve", "{}").statusCode()).isEqualTo(409);
        earshot.dispatchDue();

        assertThat(statusPosts()).isEmpty();
    }

    @Test
    void anApprovedEmailReplyArrivesInTheCustomersMailboxThreadedToTheirMail() throws Exception {
        pollEverything();
        ResponseTask task = first(Platform.EMAIL);
        String customer = task.mention().author().handle();

        assertThat(post("/api/tasks/" + task.id() + "/approve",
                "{\"text\":\"Hi, I'm sorry about this. I'm looking into it now and you'll hear back from me within 24 hours.\"}")
                .statusCode()).isEqualTo(200);
        earshot.dispatchDue();
        earshot.dispatchDue();

        List<MimeMessage> received = demo.mail().receivedBy(customer);
        assertThat(received).hasSize(1);
        MimeMessage reply = received.get(0);
        assertThat(reply.getSubject()).startsWith("Re: ");
        String customersMessageId = task.mention().replyContext().get("messageId");
        assertThat(task.mention().externalId()).startsWith(customersMessageId + "#");
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo(customersMessageId);
        assertThat(reply.getHeader("References")[0]).contains(customersMessageId);
        assertThat(earshot.queries().get(task.id()).state()).isEqualTo(TaskState.POSTED);
    }

    @Test
    void aRestartReadsNothingTwice() {
        pollEverything();
        int before = newTasks().size();

        earshot.close();
        earshot = open();
        pollEverything();

        assertThat(newTasks()).hasSize(before);
    }

    @Test
    void anApprovalMadeBeforeACrashIsPostedOnceAfterTheRestart() throws Exception {
        pollEverything();
        ResponseTask task = first(Platform.MASTODON);
        assertThat(post("/api/tasks/" + task.id() + "/approve", "{}").statusCode()).isEqualTo(200);

        earshot.close();
        earshot = open();
        earshot.dispatchDue();
        earshot.dispatchDue();

        assertThat(statusPosts()).hasSize(task.draft().blocks().size());
    }

    @Test
    void aPlatformAnsweringGarbageLosesNothingAndShowsOnHealth() {
        var broken = demo.mastodon().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/notifications"))
                .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"oops\": [")));

        var outcome = earshot.pollOnce("mastodon");
        assertThat(outcome.failed()).isTrue();
        assertThat(earshot.connectorHealth()).filteredOn(h -> h.connectorId().equals("mastodon"))
                .singleElement().satisfies(h -> assertThat(h.lastError()).isNotBlank());

        demo.mastodon().removeStub(broken);
        earshot.pollOnce("mastodon");
        assertThat(newTasks()).filteredOn(t -> t.mention().platform().equals(Platform.MASTODON)).hasSizeGreaterThan(10);
    }

    @Test
    void theScheduleOpensTasksWithoutAnyoneAsking() throws Exception {
        earshot.close();
        earshot = new Wiring(demo.config(), Wiring.CONNECTOR_FACTORIES, java.time.Clock.systemUTC(),
                Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)));
        earshot.startScheduler();

        // A wait for the first scheduled polls, not a timing assertion: the demo polls at once on start.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // The demo's revoked account never hears anything: it is there to be unhealthy.
        java.util.Set<String> connectors = new java.util.HashSet<>(earshot.connectorIds());
        connectors.remove(org.earshot.demo.DemoHistory.REVOKED_CONNECTOR);
        while (!newTasks().stream().map(t -> t.mention().connectorId()).collect(java.util.stream.Collectors.toSet())
                .containsAll(connectors) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(newTasks()).extracting(t -> t.mention().connectorId()).containsAll(connectors);
    }
}
