package org.earshot.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What one reply says about the platform's rate limit: requests left in the window, when the window
 * resets, and when a {@code Retry-After} allows the next request. Values a platform leaves out or
 * garbles are unknown rather than errors: a rate-limit header must never fail a poll.
 *
 * @param remaining requests left, or {@link #UNKNOWN}
 * @param reset     when the window starts over
 * @param retryAt   when {@code Retry-After} allows the next request
 */
public record RateLimitHeaders(long remaining, Optional<Instant> reset, Optional<Instant> retryAt) {
    public static final long UNKNOWN = -1;

    /** How a platform writes the reset time. */
    public enum ResetFormat {
        /** An ISO-8601 timestamp (Mastodon). */
        ISO_TIMESTAMP,
        /** Seconds since the epoch (X). */
        EPOCH_SECONDS,
        /** Seconds from now (Reddit). */
        SECONDS_UNTIL
    }

    /** The header names and reset format of one platform. */
    public record Scheme(String remainingHeader, String resetHeader, ResetFormat resetFormat) {
    }

    public static RateLimitHeaders read(HttpReply reply, Scheme scheme, Clock clock) {
        Instant now = clock.instant();
        long remaining = reply.header(scheme.remainingHeader()).flatMap(RateLimitHeaders::number)
                .map(d -> (long) Math.max(0, Math.floor(d))).orElse(UNKNOWN);
        Optional<Instant> reset = reply.header(scheme.resetHeader())
                .flatMap(raw -> instant(raw, scheme.resetFormat(), now));
        Optional<Instant> retryAt = reply.header("Retry-After").flatMap(raw -> retryAfter(raw, now));
        return new RateLimitHeaders(remaining, reset, retryAt);
    }

    /** True when the platform said no request is left in this window. */
    public boolean exhausted() {
        return remaining == 0;
    }

    /** The earliest time the platform allows the next request: Retry-After first, else the reset. */
    public Optional<Instant> notBefore() {
        return retryAt.or(() -> reset);
    }

    /** How long from {@code now} until {@link #notBefore()}; empty when unknown or already past. */
    public Optional<Duration> waitFrom(Instant now) {
        return notBefore().map(at -> Duration.between(now, at)).filter(d -> !d.isNegative() && !d.isZero());
    }

    private static Optional<Instant> instant(String raw, ResetFormat format, Instant now) {
        String value = raw.strip();
        return switch (format) {
            case ISO_TIMESTAMP -> isoTimestamp(value);
            case EPOCH_SECONDS -> number(value).map(s -> Instant.ofEpochMilli((long) (s * 1000)));
            case SECONDS_UNTIL -> number(value).map(s -> now.plusMillis((long) (s * 1000)));
        };
    }

    private static Optional<Instant> isoTimestamp(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> retryAfter(String raw, Instant now) {
        String value = raw.strip();
        Optional<Double> seconds = number(value);
        if (seconds.isPresent()) {
            return Optional.of(now.plusMillis((long) (seconds.get() * 1000)));
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String raw) {
        try {
            double value = Double.parseDouble(raw.strip());
            return Double.isFinite(value) && value >= 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
