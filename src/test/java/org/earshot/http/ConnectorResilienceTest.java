package org.earshot.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.earshot.connector.ConnectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectorResilienceTest {
    private static final RateLimitHeaders.Scheme SCHEME = new RateLimitHeaders.Scheme(
            "X-RateLimit-Remaining", "X-RateLimit-Reset", RateLimitHeaders.ResetFormat.ISO_TIMESTAMP);

    @RegisterExtension
    static WireMockExtension platform = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static ConnectorResilience resilience(String id, int maxAttempts, int requestsPerWindow) {
        return new ConnectorResilience(id, HttpClientFactory.withDefaults().create(),
                new ResilienceSettings(maxAttempts, Duration.ofMillis(1), Duration.ofSeconds(30), requestsPerWindow,
                        Duration.ofMinutes(5), Duration.ofMinutes(1)), SCHEME, Clock.systemUTC());
    }

    @Test
    void eachConnectorHasItsOwnRetryRateLimiterAndCircuitBreakerNamedAfterIt() {
        ConnectorResilience first = resilience("mastodon", 3, 300);
        ConnectorResilience second = resilience("mastodon-eu", 3, 300);

        assertThat(first.retry().getName()).isEqualTo("mastodon");
        assertThat(first.rateLimiter().getName()).isEqualTo("mastodon");
        assertThat(first.circuitBreaker().getName()).isEqualTo("mastodon");
        assertThat(second.retry()).isNotSameAs(first.retry());
        assertThat(second.rateLimiter()).isNotSameAs(first.rateLimiter());
        assertThat(second.circuitBreaker()).isNotSameAs(first.circuitBreaker());
    }

    @Test
    void callsPauseOnceMostRecentCallsFailedAndNothingIsSentMeanwhile() {
        platform.stubFor(get(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(500)));
        ConnectorResilience http = resilience("flaky", 1, 300);
        HttpGet request = new HttpGet(platform.baseUrl() + "/down");
        for (int i = 0; i < 5; i++) {
            catchThrowableOfType(ConnectorException.class, () -> http.read(request));
        }

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> http.read(request));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("connector 'flaky' paused its calls for 1m");
        platform.verify(5, getRequestedFor(urlPathEqualTo("/down")));
    }

    @Test
    void requestsBeyondTheConnectorsOwnBudgetAreNotSent() throws Exception {
        platform.stubFor(get(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("[]")));
        ConnectorResilience http = resilience("small", 1, 1);
        HttpGet request = new HttpGet(platform.baseUrl() + "/ok");
        http.read(request);

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> http.read(request));

        assertThat(e).hasMessageContaining("connector 'small' used its 1 requests per 5m");
        platform.verify(1, getRequestedFor(urlPathEqualTo("/ok")));
    }

    @Test
    void afterThePlatformSaysNoRequestIsLeftNothingIsSentUntilItsWindowResets() throws Exception {
        String reset = java.time.Instant.now().plus(Duration.ofMinutes(10)).toString();
        platform.stubFor(get(urlPathEqualTo("/last")).willReturn(aResponse().withStatus(200).withBody("[]")
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", reset)));
        ConnectorResilience http = resilience("spent", 1, 300);
        HttpGet request = new HttpGet(platform.baseUrl() + "/last");
        http.read(request);

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> http.read(request));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("not sent: the platform said no request is left until " + reset);
        platform.verify(1, getRequestedFor(urlPathEqualTo("/last")));
    }

    @Test
    void aWindowThatStillHasRequestsLeftDoesNotHoldTheNextOne() throws Exception {
        platform.stubFor(get(urlPathEqualTo("/some")).willReturn(aResponse().withStatus(200).withBody("[]")
                .withHeader("X-RateLimit-Remaining", "3")
                .withHeader("X-RateLimit-Reset", java.time.Instant.now().plus(Duration.ofMinutes(10)).toString())));
        ConnectorResilience http = resilience("plenty", 1, 300);
        HttpGet request = new HttpGet(platform.baseUrl() + "/some");
        http.read(request);
        http.read(request);

        platform.verify(2, getRequestedFor(urlPathEqualTo("/some")));
    }

    @Test
    void clientErrorsComeBackToTheCallerWithoutRetry() throws Exception {
        platform.stubFor(get(urlPathEqualTo("/missing")).willReturn(aResponse().withStatus(404).withBody("{}")));

        HttpReply reply = resilience("reader", 3, 300).read(new HttpGet(platform.baseUrl() + "/missing"));

        assertThat(reply.status()).isEqualTo(404);
        platform.verify(1, getRequestedFor(urlPathEqualTo("/missing")));
    }

    @Test
    void theClientSaysWhoItIs() throws Exception {
        platform.stubFor(get(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200)));

        resilience("reader", 1, 300).read(new HttpGet(platform.baseUrl() + "/ok"));

        platform.verify(getRequestedFor(urlPathEqualTo("/ok")).withHeader("User-Agent",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(HttpClientFactory.USER_AGENT)));
    }

    @Test
    void aRequestSentByAPlatformsOwnClientIsRetriedLikeAnyRead() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        ConnectorResilience http = resilience("library", 3, 300);

        HttpReply reply = http.read("GET https://platform.example/search", () -> {
            if (sent.incrementAndGet() == 1) {
                throw new SocketException("Connection reset");
            }
            return new HttpReply(sent.get() == 2 ? 503 : 200, Map.of(), "ok");
        });

        assertThat(reply.status()).isEqualTo(200);
        assertThat(sent).hasValue(3);
    }

    @Test
    void aPostSentByAPlatformsOwnClientIsSentOnceAndNamedInTheFailure() {
        AtomicInteger sent = new AtomicInteger();

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> resilience("library", 3, 300).write("POST https://platform.example/post", () -> {
                    sent.incrementAndGet();
                    throw new SocketException("Connection reset");
                }));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageStartingWith("library: POST https://platform.example/post failed; not sent again here");
        assertThat(sent).hasValue(1);
    }
}
