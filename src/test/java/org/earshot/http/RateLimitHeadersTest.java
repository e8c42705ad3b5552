package org.earshot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
    private static final Instant NOW = Instant.parse("2026-11-19T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static HttpReply reply(Map<String, String> headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new HttpReply(429, h, "");
    }

    private static RateLimitHeaders.Scheme scheme(RateLimitHeaders.ResetFormat format) {
        return new RateLimitHeaders.Scheme("X-RateLimit-Remaining", "X-RateLimit-Reset", format);
    }

    @Test
    void readsAnIsoResetAsMastodonWritesIt() {
        RateLimitHeaders limit = RateLimitHeaders.read(reply(Map.of("x-ratelimit-remaining", "0",
                "X-RateLimit-Reset", "2026-11-19T10:05:00.123456Z")), scheme(RateLimitHeaders.ResetFormat.ISO_TIMESTAMP), CLOCK);

        assertThat(limit.exhausted()).isTrue();
        assertThat(limit.reset()).contains(Instant.parse("2026-11-19T10:05:00.123456Z"));
    }

    @Test
    void readsAnEpochSecondsResetAsXWritesIt() {
        RateLimitHeaders limit = RateLimitHeaders.read(reply(Map.of("X-RateLimit-Reset", "1795514430")),
                scheme(RateLimitHeaders.ResetFormat.EPOCH_SECONDS), CLOCK);

        assertThat(limit.reset()).contains(Instant.ofEpochSecond(1795514430));
        assertThat(limit.remaining()).isEqualTo(RateLimitHeaders.UNKNOWN);
    }

    @Test
    void readsASecondsUntilResetAndAFractionalRemainingAsRedditWritesThem() {
        RateLimitHeaders limit = RateLimitHeaders.read(reply(Map.of("X-RateLimit-Remaining", "598.0",
                "X-RateLimit-Reset", "42")), scheme(RateLimitHeaders.ResetFormat.SECONDS_UNTIL), CLOCK);

        assertThat(limit.remaining()).isEqualTo(598);
        assertThat(limit.waitFrom(NOW)).contains(Duration.ofSeconds(42));
    }

    @Test
    void retryAfterWinsOverTheReset() {
        RateLimitHeaders limit = RateLimitHeaders.read(reply(Map.of("Retry-After", "7",
                "X-RateLimit-Reset", "2026-11-19T10:05:00Z")), scheme(RateLimitHeaders.ResetFormat.ISO_TIMESTAMP), CLOCK);

        assertThat(limit.waitFrom(NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        RateLimitHeaders limit = RateLimitHeaders.read(reply(Map.of("Retry-After", "Thu, 19 Nov 2026 10:00:30 GMT")),
                scheme(RateLimitHeaders.ResetFormat.ISO_TIMESTAMP), CLOCK);

        assertThat(limit.waitFrom(NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void garbledOrPastValuesAreUnknownRatherThanErrors() {
        RateLimitHeaders limit = RateLimitHeaders.read(reply(Map.of("X-RateLimit-Remaining", "lots",
                "X-RateLimit-Reset", "2026-11-19T09:00:00Z", "Retry-After", "soon")),
                scheme(RateLimitHeaders.ResetFormat.ISO_TIMESTAMP), CLOCK);

        assertThat(limit.remaining()).isEqualTo(RateLimitHeaders.UNKNOWN);
        assertThat(limit.retryAt()).isEmpty();
        assertThat(limit.waitFrom(NOW)).isEqualTo(Optional.empty());
    }
}
