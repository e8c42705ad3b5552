package org.earshot.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void theFirstFailureWaitsTheFirstBackoff() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void theWaitNeverPassesTheMaximumHoweverManyFailures() {
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aShorterStartKeepsTheCeiling() {
        assertThat(Backoff.DELIVERY.startingAt(Duration.ofMillis(1)).after(3)).isEqualTo(Duration.ofMillis(4));
        assertThat(Backoff.DELIVERY.startingAt(Duration.ofHours(1)).max()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aFirstWaitUnderOneMillisecondIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)))
                .hasMessage("first must be at least 1ms, but was PT0S");
    }

    @Test
    void aMaximumBelowTheFirstWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofSeconds(1)))
                .hasMessage("max must not be shorter than first (PT1M), but was PT1S");
    }
}
