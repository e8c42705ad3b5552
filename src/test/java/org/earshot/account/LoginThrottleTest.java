package org.earshot.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), clock);

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
    void aWaitUnderAMinuteIsSaidAsOneMinute() {
        assertThat(new LoginThrottle.Refusal("held", Duration.ofSeconds(5)).message()).isEqualTo("held: try again in 1 minute");
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThatThrownBy(() -> new LoginThrottle(0, 5, Duration.ofMinutes(1), clock))
                .hasMessage("login limits must be at least 1, but were 0 per name and 5 per address");
    }
}
