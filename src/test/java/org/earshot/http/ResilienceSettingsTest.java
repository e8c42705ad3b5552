package org.earshot.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResilienceSettingsTest {
    private static final Duration S = Duration.ofSeconds(1);

    @Test
    void maxAttemptsIsBetweenOneAndTen() {
        assertThatThrownBy(() -> new ResilienceSettings(0, S, S, 1, S, S))
                .hasMessage("maxAttempts must be between 1 and 10, but was 0");
    }

    @Test
    void backoffIsAtLeastOneMillisecond() {
        assertThatThrownBy(() -> new ResilienceSettings(3, Duration.ZERO, S, 1, S, S))
                .hasMessage("backoff must be at least 1ms, but was PT0S");
    }

    @Test
    void maxRateLimitWaitIsNotNegative() {
        assertThatThrownBy(() -> new ResilienceSettings(3, S, S.negated(), 1, S, S))
                .hasMessage("maxRateLimitWait must not be negative, but was PT-1S");
    }

    @Test
    void requestsPerWindowIsAtLeastOne() {
        assertThatThrownBy(() -> new ResilienceSettings(3, S, S, 0, S, S))
                .hasMessage("requestsPerWindow must be at least 1, but was 0");
    }

    @Test
    void windowIsAtLeastOneMillisecond() {
        assertThatThrownBy(() -> new ResilienceSettings(3, S, S, 1, Duration.ZERO, S))
                .hasMessage("window must be at least 1ms, but was PT0S");
    }

    @Test
    void pauseAfterFailuresIsAtLeastOneMillisecond() {
        assertThatThrownBy(() -> new ResilienceSettings(3, S, S, 1, S, Duration.ZERO))
                .hasMessage("pauseAfterFailures must be at least 1ms, but was PT0S");
    }
}
