package org.earshot.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.earshot.store.Database;
import org.earshot.testing.MutableClock;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throttle on a real H2 file, where it keeps its count (ClusterStateIT shares one between two nodes). */
class LoginThrottleTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private Database db;
    private LoginThrottle throttle;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        throttle = new LoginThrottle(db, 3, 5, Duration.ofMinutes(15), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNameMayFailUpToItsLimitAndIsThenHeldOffUntilTheOldestFailureLeavesTheWindow() {
        throttle.failed("bea", "10.0.0.1");
        clock.advance(Duration.ofMinutes(5));
        throttle.failed("bea", "10.0.0.1");
        assertThat(throttle.refusal("bea", "10.0.0.1")).isEmpty();
        throttle.failed("bea", "10.0.0.1");

        assertThat(throttle.refusal("bea", "10.0.0.2")).get()
                .satisfies(r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(10)))
                .satisfies(r -> assertThat(r.message()).isEqualTo("too many failed sign-ins for 'bea': try again in 10 minutes"));

        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.refusal("bea", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressIsHeldOffAfterItsLimitWhateverTheNames() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("name" + i, "10.0.0.9");
        }

        assertThat(throttle.refusal("someone-new", "10.0.0.9")).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("too many failed sign-ins from this address"));
        assertThat(throttle.refusal("someone-new", "10.0.0.8")).isEmpty();
    }

    @Test
    void aSuccessClearsTheNamesFailures() {
        throttle.failed("bea", "10.0.0.1");
        throttle.failed("bea", "10.0.0.1");
        throttle.succeeded("bea");
        throttle.failed("bea", "10.0.0.1");
        throttle.failed("bea", "10.0.0.1");

        assertThat(throttle.refusal("bea", "10.0.0.1")).isEmpty();
    }

    @Test
    void theCountOutlivesARestartOfTheThrottleOnTheSameDatabase() {
        throttle.failed("bea", "10.0.0.1");
        throttle.failed("bea", "10.0.0.1");
        throttle.failed("bea", "10.0.0.1");

        LoginThrottle afterRestart = new LoginThrottle(db, 3, 5, Duration.ofMinutes(15), clock);

        assertThat(afterRestart.refusal("bea", "10.0.0.3")).isPresent();
    }

    @Test
    void aVeryLongNameIsCountedByItsHash() {
        String essay = "b".repeat(2000);
        for (int i = 0; i < 3; i++) {
            throttle.failed(essay, "10.0.0.1");
        }

        assertThat(throttle.refusal(essay, "10.0.0.2")).isPresent();
        assertThat(throttle.refusal("b".repeat(1999), "10.0.0.2")).isEmpty();
    }

    @Test
    void aWaitUnderAMinuteIsSaidAsOneMinute() {
        assertThat(new LoginThrottle.Refusal("held", Duration.ofSeconds(5)).message()).isEqualTo("held: try again in 1 minute");
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThatThrownBy(() -> new LoginThrottle(db, 0, 5, Duration.ofMinutes(1), clock))
                .hasMessage("login limits must be at least 1, but were 0 per name and 5 per address");
    }
}
