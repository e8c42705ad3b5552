package org.earshot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import org.earshot.demo.DemoEnvironment;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the daemon (what a SIGTERM runs) while Mastodon still holds a reply's POST open: the post
 * finishes, is recorded as posted, and a start afterwards posts nothing again.
 */
class GracefulShutdownIT {
    @TempDir
    Path dir;

    @Test
    void aStopWhileAPostIsHeldOpenFinishesThatPostExactlyOnce() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(Path.of("config/demo.yaml"), Path.of("wiremock"),
                dir.resolve("data"), false, 0)) {
            Wiring.Timings fast = Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofMillis(200));
            Wiring earshot = new Wiring(demo.config(), Wiring.CONNECTOR_FACTORIES, Clock.systemUTC(), fast);
            long taskId;
            try {
                earshot.pollOnce("mastodon");
                ResponseTask task = earshot.queries().list(EnumSet.of(TaskState.NEW), 500).stream()
                        .filter(t -> t.mention().platform().equals(Platform.MASTODON)).findFirst().orElseThrow();
                taskId = task.id();
                demo.mastodon().stubFor(post(urlEqualTo("/api/v1/statuses")).atPriority(1).willReturn(aResponse()
                        .withStatus(200).withHeader("Content-Type", "application/json").withFixedDelay(3_000)
                        .withBody("{\"id\":\"109999\",\"url\":\"https://mastodon.example/@acmeair/109999\"}")));
                earshot.approvals().approve(taskId, null, "sam", true);
                earshot.startScheduler();
                // Waits (not a timing assertion) until the outbox's POST has reached Mastodon and is held there.
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (demo.mastodon().findAll(postRequestedFor(urlEqualTo("/api/v1/statuses"))).isEmpty()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(demo.mastodon().findAll(postRequestedFor(urlEqualTo("/api/v1/statuses")))).hasSize(1);
            } finally {
                earshot.close();
            }

            int blocks;
            try (Wiring after = new Wiring(demo.config(), Wiring.CONNECTOR_FACTORIES, Clock.systemUTC(), fast)) {
                blocks = after.queries().get(taskId).draft().blocks().size();
                after.dispatchDue();
                after.dispatchDue();
                assertThat(after.queries().get(taskId).state()).isEqualTo(TaskState.POSTED);
            }
            // The held block finished once; the reply's other blocks (if any) follow it after the restart.
            demo.mastodon().verify(blocks, postRequestedFor(urlEqualTo("/api/v1/statuses")));
        }
    }
}
