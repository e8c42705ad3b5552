package org.earshot.http;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.earshot.config.Durations;
import org.earshot.connector.ConnectorException;

/**
 * One connector's way to its platform: its HTTP client and its own Retry, RateLimiter and
 * CircuitBreaker, all named after the connector and never shared with another.
 *
 * <p>{@link #read} is for requests that are safe to repeat (GETs): it retries server errors, broken
 * connections and 429s, waiting as long as the platform's {@code Retry-After} or reset time says,
 * up to {@link ResilienceSettings#maxRateLimitWait()}. {@link #write} is never retried here: the
 * outbox repeats a post later with the same idempotency key.
 *
 * <p>Both return the reply for every other status (2xx, and 4xx but 429), so the platform's package
 * can explain it; they throw a transient {@link ConnectorException} when the platform could not be
 * used now. Both also take an {@link Exchange}: a request that a platform's own client library
 * sends, reported as the reply it got, so that library's calls get the same retry, pacing and pause.
 */
public final class ConnectorResilience {
    private final String connectorId;
    private final CloseableHttpClient client;
    private final ResilienceSettings settings;
    private final RateLimitHeaders.Scheme scheme;
    private final Clock clock;
    private final Retry retry;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    /** Until when the platform's headers said no read is left in its window; null when some are. */
    private volatile Instant quietUntil;

    public ConnectorResilience(String connectorId, CloseableHttpClient client, ResilienceSettings settings,
                               RateLimitHeaders.Scheme scheme, Clock clock) {
        this.connectorId = connectorId;
        this.client = client;
        this.settings = settings;
        this.scheme = scheme;
        this.clock = clock;
        this.retry = Retry.of(connectorId, RetryConfig.<HttpReply>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnResult(ConnectorResilience::worthRetrying)
                .retryOnException(e -> e instanceof IOException)
                .intervalBiFunction(interval())
                .failAfterMaxAttempts(false)
                .build());
        this.rateLimiter = RateLimiter.of(connectorId, RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerWindow())
                .limitRefreshPeriod(settings.window())
                .timeoutDuration(Duration.ZERO)
                .build());
        this.circuitBreaker = CircuitBreaker.of(connectorId, CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.pauseAfterFailures())
                .recordException(e -> e instanceof IOException)
                .recordResult(r -> r instanceof HttpReply reply && reply.isServerError())
                .build());
    }

    /**
     * One request sent by something other than this class's HTTP client (a platform's own client
     * library), reported as the reply it got. A broken connection is an {@link IOException}.
     */
    @FunctionalInterface
    public interface Exchange {
        HttpReply send() throws IOException;
    }

    /** Sends a request that is safe to repeat, retrying what a retry can fix. */
    public HttpReply read(ClassicHttpRequest request) throws ConnectorException {
        return read(request, HttpReply::read);
    }

    /**
     * As {@link #read(ClassicHttpRequest)}, with each response turned into a reply by {@code handler}:
     * for bodies the caller decodes itself, such as XML that names its own encoding.
     */
    public HttpReply read(ClassicHttpRequest request, HttpClientResponseHandler<HttpReply> handler)
            throws ConnectorException {
        return read(target(request), () -> client.execute(request, handler));
    }

    /**
     * Like {@link #read(ClassicHttpRequest)} for a request another client sends.
     *
     * @param target how messages name the request: method and URL ("GET https://…")
     */
    public HttpReply read(String target, Exchange exchange) throws ConnectorException {
        String request = describe(target);
        Instant quiet = quietUntil;
        if (quiet != null && clock.instant().isBefore(quiet)) {
            // Asking now would only earn a 429: the platform's own count says none is left.
            throw ConnectorException.transientFailure(request + " not sent: the platform said no request is left"
                    + " until " + quiet + " (its rate-limit headers); the next poll after that goes ahead", null);
        }
        CheckedSupplier<HttpReply> attempt = () -> {
            HttpReply reply = exchange.send();
            if (reply.isTooManyRequests()) {
                failIfTheWaitIsTooLong(reply);
            }
            return reply;
        };
        HttpReply reply = run(request, Retry.decorateCheckedSupplier(retry, guarded(attempt)),
                " after " + settings.maxAttempts() + " attempts");
        if (reply.isTooManyRequests() || reply.isServerError()) {
            throw ConnectorException.transientFailure(request + " answered HTTP " + reply.status()
                    + " after " + settings.maxAttempts() + " attempts" + snippet(reply), null);
        }
        RateLimitHeaders limit = rateLimit(reply);
        quietUntil = limit.exhausted() ? limit.reset().filter(at -> at.isAfter(clock.instant())).orElse(null) : null;
        return reply;
    }

    /** Sends a request once, whatever happens: posts are repeated by the outbox, not here. */
    public HttpReply write(ClassicHttpRequest request) throws ConnectorException {
        return write(target(request), () -> client.execute(request, HttpReply::read));
    }

    /** Like {@link #write(ClassicHttpRequest)} for a request another client sends; sent once. */
    public HttpReply write(String target, Exchange exchange) throws ConnectorException {
        String request = describe(target);
        HttpReply reply = run(request, guarded(exchange::send), "; not sent again here");
        if (reply.isTooManyRequests()) {
            String until = rateLimit(reply).notBefore().map(at -> " until " + at).orElse("");
            throw ConnectorException.transientFailure(request + " was rate limited" + until
                    + " (HTTP 429); not sent again here", null);
        }
        if (reply.isServerError()) {
            throw ConnectorException.transientFailure(request + " answered HTTP " + reply.status()
                    + snippet(reply) + "; not sent again here", null);
        }
        return reply;
    }

    /** The rate-limit headers of a reply, read with this connector's platform scheme and clock. */
    public RateLimitHeaders rateLimit(HttpReply reply) {
        return RateLimitHeaders.read(reply, scheme, clock);
    }

    public Retry retry() {
        return retry;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    private CheckedSupplier<HttpReply> guarded(CheckedSupplier<HttpReply> call) {
        return CircuitBreaker.decorateCheckedSupplier(circuitBreaker,
                RateLimiter.decorateCheckedSupplier(rateLimiter, call));
    }

    private HttpReply run(String request, CheckedSupplier<HttpReply> call, String howOften)
            throws ConnectorException {
        try {
            return call.get();
        } catch (RateLimitedUntil e) {
            throw ConnectorException.transientFailure(request + " was rate limited until " + e.until
                    + " (HTTP 429), more than the " + Durations.format(settings.maxRateLimitWait())
                    + " a poll waits; the next poll will try again", null);
        } catch (CallNotPermittedException e) {
            throw ConnectorException.transientFailure("connector '" + connectorId + "' paused its calls for "
                    + Durations.format(settings.pauseAfterFailures()) + " after most recent calls failed;"
                    + " did not send " + request, e);
        } catch (RequestNotPermitted e) {
            throw ConnectorException.transientFailure("connector '" + connectorId + "' used its "
                    + settings.requestsPerWindow() + " requests per " + Durations.format(settings.window())
                    + "; did not send " + request, e);
        } catch (IOException e) {
            throw ConnectorException.transientFailure(request + " failed" + howOften + ": " + e, e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw ConnectorException.transientFailure(request + " failed: " + e, e);
        }
    }

    private void failIfTheWaitIsTooLong(HttpReply reply) throws RateLimitedUntil {
        Instant now = clock.instant();
        Optional<Instant> notBefore = rateLimit(reply).notBefore();
        if (notBefore.isPresent() && Duration.between(now, notBefore.get()).compareTo(settings.maxRateLimitWait()) > 0) {
            throw new RateLimitedUntil(notBefore.get());
        }
    }

    private IntervalBiFunction<HttpReply> interval() {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                settings.backoff(), 2.0, 0.5, settings.maxRateLimitWait().plus(settings.backoff()));
        return (attempt, outcome) -> platformWait(outcome).orElseGet(() -> backoff.apply(attempt));
    }

    /** The wait the platform asked for, capped; a 429 only gets here when it fits under the cap. */
    private Optional<Long> platformWait(Either<Throwable, HttpReply> outcome) {
        if (outcome.isLeft()) {
            return Optional.empty();
        }
        HttpReply reply = outcome.get();
        RateLimitHeaders limit = rateLimit(reply);
        // A server error's reset time only says when the window ends, not that a retry must wait for it.
        RateLimitHeaders asked = reply.isTooManyRequests() ? limit
                : new RateLimitHeaders(limit.remaining(), Optional.empty(), limit.retryAt());
        return asked.waitFrom(clock.instant())
                .map(wait -> wait.compareTo(settings.maxRateLimitWait()) > 0 ? settings.maxRateLimitWait() : wait)
                .map(wait -> Math.max(1, wait.toMillis()));
    }

    private static boolean worthRetrying(HttpReply reply) {
        return reply.isTooManyRequests() || reply.isServerError();
    }

    private String describe(String target) {
        return connectorId + ": " + target;
    }

    private static String target(ClassicHttpRequest request) {
        String uri;
        try {
            uri = request.getUri().toString();
        } catch (URISyntaxException e) {
            uri = request.getRequestUri();
        }
        return request.getMethod() + " " + uri;
    }

    private static String snippet(HttpReply reply) {
        String body = reply.bodySnippet();
        return body.isEmpty() ? "" : ": " + body;
    }

    /** A 429 whose reset is further away than a poll should wait; not retried. */
    private static final class RateLimitedUntil extends Exception {
        private final Instant until;

        RateLimitedUntil(Instant until) {
            super("rate limited until " + until, null, false, false);
            this.until = until;
        }
    }
}
