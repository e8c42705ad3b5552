package org.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.earshot.Wiring;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.domain.Warning;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees first: every draft the demo opens, its seeded history included, passes every reply rule. */
class DemoDraftsIT {
    @TempDir
    Path dir;

    @Test
    void everyDraftTheDemoOpensPassesEveryReplyRule() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        try (DemoEnvironment demo = DemoEnvironment.start(Path.of("config/demo.yaml"), Path.of("wiremock"),
                dir.resolve("data"), false, 0);
             Wiring earshot = new Wiring(demo.config(), Wiring.CONNECTOR_FACTORIES, clock,
                     Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)))) {
            DemoHistory.seed(earshot.database(), earshot.config(), clock.instant());
            earshot.pollAll();

            List<ResponseTask> open = earshot.queries().list(EnumSet.of(TaskState.NEW), 500);

            assertThat(open).hasSizeGreaterThan(40);
            assertThat(open).allSatisfy(t -> assertThat(t.draft().warnings())
                    .as("task %d: %s%n  draft: %s", t.id(), t.mention().text(), t.draft().text())
                    .allMatch(Warning::isNotice));
        }
    }
}
