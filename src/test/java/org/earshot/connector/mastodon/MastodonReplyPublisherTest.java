package org.earshot.connector.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.ReplyPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MastodonReplyPublisherTest {
    @RegisterExtension
    static WireMockExtension mastodon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/mastodon"))
            .build();

    private final ReplyPublisher publisher =
            MastodonFixtures.connector(MastodonFixtures.settings(mastodon.baseUrl())).publisher();

    private static ReplyBlock firstBlock(String text) {
        return new ReplyBlock(MastodonFixtures.mariasMention(), text, MastodonFixtures.MARIA_STATUS, 0, 2, "task-7-block-0");
    }

    @Test
    void publishSendsOnePostWithTheIdempotencyKeyTheThreadAndTheAuthorsHandle() throws Exception {
        PostedReply posted = publisher.publish(firstBlock("Sorry about your bag, Maria. We are tracing it now."));

        assertThat(posted.externalId()).isNotBlank().containsOnlyDigits();
        assertThat(posted.url()).isEqualTo("https://mastodon.example/@acmeair/" + posted.externalId());
        mastodon.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/statuses")));
        mastodon.verify(postRequestedFor(urlPathEqualTo("/api/v1/statuses"))
                .withHeader("Idempotency-Key", equalTo("task-7-block-0"))
                .withHeader("Authorization", equalTo("Bearer test-token"))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo(MastodonFixtures.MARIA_STATUS)))
                .withRequestBody(matchingJsonPath("$.visibility", equalTo("public")))
                .withRequestBody(matchingJsonPath("$.status",
                        equalTo("@maria_k@toot.example Sorry about your bag, Maria. We are tracing it now."))));
    }

    @Test
    void aFirstBlockThatAlreadyMentionsTheAuthorGetsNoSecondHandle() throws Exception {
        publisher.publish(firstBlock("Hi @Maria_K@toot.example, we are tracing your bag now."));

        mastodon.verify(postRequestedFor(urlPathEqualTo("/api/v1/statuses")).withRequestBody(
                matchingJsonPath("$.status", equalTo("Hi @Maria_K@toot.example, we are tracing your bag now."))));
    }

    @Test
    void laterBlocksThreadUnderThePreviousBlockWithoutAHandle() throws Exception {
        publisher.publish(new ReplyBlock(MastodonFixtures.mariasMention(), "We will write again by 18:00.",
                "117642999999999999", 1, 2, "task-7-block-1"));

        mastodon.verify(postRequestedFor(urlPathEqualTo("/api/v1/statuses"))
                .withHeader("Idempotency-Key", equalTo("task-7-block-1"))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo("117642999999999999")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("We will write again by 18:00."))));
    }

    @Test
    void aPostWhoseAnswerIsLostIsNotRepeatedByTheClient() {
        mastodon.stubFor(post(urlPathEqualTo("/api/v1/statuses")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock("Sorry about your bag.")));

        assertThat(e.isPermanent()).isFalse();
        mastodon.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/statuses")));
    }

    @Test
    void aServerErrorOnPostIsTransientAndNotRepeated() {
        mastodon.stubFor(post(urlPathEqualTo("/api/v1/statuses")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock("Sorry about your bag.")));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("HTTP 503");
        mastodon.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/statuses")));
    }

    @Test
    void aRateLimitedPostIsTransient() {
        mastodon.stubFor(post(urlPathEqualTo("/api/v1/statuses")).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", "2026-11-19T10:05:00.000Z")
                        .withBody("{\"error\":\"Too many requests\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock("Sorry about your bag.")));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("rate limited until 2026-11-19T10:05:00Z");
        mastodon.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/statuses")));
    }

    @Test
    void aRefusedPostIsPermanentWithMastodonsOwnReason() {
        mastodon.stubFor(post(urlPathEqualTo("/api/v1/statuses")).atPriority(1)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock("Sorry about your bag.")));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("(422): Validation failed: Text character limit of 500 exceeded");
    }

    @Test
    void aRejectedTokenOnPostIsPermanentAndNamesTheSetting() {
        mastodon.stubFor(post(urlPathEqualTo("/api/v1/statuses")).atPriority(1)
                .willReturn(aResponse().withStatus(403)
                        .withBody("{\"error\":\"This action is outside the authorized scopes\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock("Sorry about your bag.")));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("Mastodon rejected the access token (403)")
                .hasMessageContaining("check connectors.mastodon.accessToken");
    }

    @Test
    void aBlockLongerThanAMastodonPostIsRefusedBeforeAnythingIsSent() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock("a".repeat(495))));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("is 504 characters").hasMessageContaining("allows 500");
        mastodon.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/statuses")));
    }

    @Test
    void linksCountAsTwentyThreeCharactersTowardsTheLimit() throws Exception {
        String longLink = "https://help.example/" + "x".repeat(600);
        publisher.publish(firstBlock("Details: " + longLink));

        mastodon.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/statuses")));
    }
}
