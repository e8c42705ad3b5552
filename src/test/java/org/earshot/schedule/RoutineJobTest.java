package org.earshot.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.atomic.AtomicInteger;
import org.earshot.testing.CapturedLog;
import org.junit.jupiter.api.Test;

class RoutineJobTest {

    @Test
    void aCrashingRoutineIsLoggedWithItsNameAndCauseAndRunsAgainAtItsNextTurn() {
        AtomicInteger runs = new AtomicInteger();
        RoutineJob job = new RoutineJob("poll-mastodon", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("database is closed");
        });

        try (CapturedLog log = new CapturedLog()) {
            assertThatCode(() -> job.execute(null)).doesNotThrowAnyException();
            assertThatCode(() -> job.execute(null)).doesNotThrowAnyException();

            assertThat(runs).hasValue(2);
            assertThat(log.text()).contains("poll-mastodon crashed: database is closed");
        }
    }
}
