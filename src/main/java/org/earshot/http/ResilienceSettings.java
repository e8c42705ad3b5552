package org.earshot.http;

import java.time.Duration;

/**
 * How one connector retries, paces and pauses its calls.
 *
 * @param maxAttempts       tries per read, the first included (1 means no retry)
 * @param backoff           the first wait between tries when the platform gives no time; it doubles
 * @param maxRateLimitWait  the longest a read waits for a rate limit to reset; further away, it fails
 * @param requestsPerWindow requests allowed per window, kept below the platform's own limit
 * @param window            the platform's rate-limit window
 * @param pauseAfterFailures how long calls stop once most recent calls failed (circuit breaker open)
 */
public record ResilienceSettings(int maxAttempts, Duration backoff, Duration maxRateLimitWait,
                                 int requestsPerWindow, Duration window, Duration pauseAfterFailures) {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PAUSE_AFTER_FAILURES = Duration.ofMinutes(1);

    public ResilienceSettings {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 10, but was " + maxAttempts);
        }
        if (backoff.toMillis() < 1) {
            throw new IllegalArgumentException("backoff must be at least 1ms, but was " + backoff);
        }
        if (maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("maxRateLimitWait must not be negative, but was " + maxRateLimitWait);
        }
        if (requestsPerWindow < 1) {
            throw new IllegalArgumentException("requestsPerWindow must be at least 1, but was " + requestsPerWindow);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1ms, but was " + window);
        }
        if (pauseAfterFailures.toMillis() < 1) {
            throw new IllegalArgumentException("pauseAfterFailures must be at least 1ms, but was " + pauseAfterFailures);
        }
    }

    /**
     * Reads a connector's {@code maxAttempts}, {@code retryBackoff}, {@code maxRateLimitWait} and
     * {@code pauseAfterFailures}, for a platform that allows {@code requestsPerWindow} per {@code window}.
     */
    public static ResilienceSettings from(org.earshot.config.ConfigNode node, int requestsPerWindow, Duration window) {
        return new ResilienceSettings(
                node.integer("maxAttempts", DEFAULT_MAX_ATTEMPTS, 1, 10),
                node.positiveDuration("retryBackoff", DEFAULT_BACKOFF),
                node.duration("maxRateLimitWait", DEFAULT_MAX_RATE_LIMIT_WAIT),
                requestsPerWindow, window,
                node.positiveDuration("pauseAfterFailures", DEFAULT_PAUSE_AFTER_FAILURES));
    }

    /** The defaults for a platform that allows {@code requestsPerWindow} requests per {@code window}. */
    public static ResilienceSettings defaults(int requestsPerWindow, Duration window) {
        return new ResilienceSettings(DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_MAX_RATE_LIMIT_WAIT,
                requestsPerWindow, window, DEFAULT_PAUSE_AFTER_FAILURES);
    }
}
