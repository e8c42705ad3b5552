package org.earshot.connector.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.ReplyPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BlueskyReplyPublisherTest {
    private static final String CREATE_RECORD = "/xrpc/com.atproto.repo.createRecord";
    private static final String GET_RECORD = "/xrpc/com.atproto.repo.getRecord";
    private static final String REFRESH_SESSION = "/xrpc/com.atproto.server.refreshSession";
    private static final String EXISTING_CID = "bafyreiexistingexistingexistingexistingexistingexistingex";

    @RegisterExtension
    static WireMockExtension bluesky = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/bluesky"))
            .build();

    private final ReplyPublisher publisher = newPublisher();

    private static ReplyPublisher newPublisher() {
        return BlueskyFixtures.connector(BlueskyFixtures.settings(bluesky.baseUrl())).publisher();
    }

    private static ReplyBlock toDan(String text) {
        return new ReplyBlock(BlueskyFixtures.dansMention(), text, BlueskyFixtures.DAN_URI, 0, 2, "task-11-block-0");
    }

    private static JsonNode lastCreateRecordBody() throws Exception {
        List<ServeEvent> creates = bluesky.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(CREATE_RECORD)).toList();
        return BlueskyFixtures.JSON.readTree(creates.get(0).getRequest().getBodyAsString());
    }

    @Test
    void aReplyToAPostThatStartsAThreadHasThatPostAsRootAndParent() throws Exception {
        PostedReply posted = publisher.publish(toDan("Dan, we have called the assistance team at FRA gate C14."));

        JsonNode body = lastCreateRecordBody();
        String rkey = body.path("rkey").asText();
        assertThat(rkey).matches("[2-7a-j][2-7a-z]{12}");
        assertThat(body.path("repo").asText()).isEqualTo(BlueskyFixtures.OWN_DID);
        assertThat(body.path("collection").asText()).isEqualTo("app.bsky.feed.post");
        assertThat(body.at("/record/$type").asText()).isEqualTo("app.bsky.feed.post");
        assertThat(body.at("/record/text").asText()).isEqualTo("Dan, we have called the assistance team at FRA gate C14.");
        assertThat(body.at("/record/createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(body.at("/record/reply/root/uri").asText()).isEqualTo(BlueskyFixtures.DAN_URI);
        assertThat(body.at("/record/reply/root/cid").asText()).isEqualTo(BlueskyFixtures.DAN_CID);
        assertThat(body.at("/record/reply/parent/uri").asText()).isEqualTo(BlueskyFixtures.DAN_URI);
        assertThat(body.at("/record/reply/parent/cid").asText()).isEqualTo(BlueskyFixtures.DAN_CID);
        assertThat(posted.externalId()).isEqualTo("at://" + BlueskyFixtures.OWN_DID + "/app.bsky.feed.post/" + rkey);
        assertThat(posted.url()).isEqualTo("https://bsky.app/profile/acmeair.bsky.social/post/" + rkey);
        bluesky.verify(1, postRequestedFor(urlPathEqualTo(CREATE_RECORD))
                .withHeader("Authorization", equalTo("Bearer " + BlueskyFixtures.ACCESS_JWT)));
    }

    @Test
    void aReplyToAReplyStaysInTheThreadOfItsRoot() throws Exception {
        publisher.publish(new ReplyBlock(BlueskyFixtures.lenasMention(), "Lena, sorry: the refund form is fixed now.",
                BlueskyFixtures.LENA_URI, 0, 1, "task-12-block-0"));

        JsonNode body = lastCreateRecordBody();
        assertThat(body.at("/record/reply/root/uri").asText()).isEqualTo(BlueskyFixtures.MAYA_URI);
        assertThat(body.at("/record/reply/root/cid").asText()).isEqualTo(BlueskyFixtures.MAYA_CID);
        assertThat(body.at("/record/reply/parent/uri").asText()).isEqualTo(BlueskyFixtures.LENA_URI);
        assertThat(body.at("/record/reply/parent/cid").asText()).isEqualTo(BlueskyFixtures.LENA_CID);
    }

    @Test
    void theNextBlockThreadsUnderThePreviousBlockWithTheCidBlueskyGaveIt() throws Exception {
        PostedReply first = publisher.publish(toDan("Dan, we have called the assistance team."));
        String firstCid = BlueskyFixtures.JSON.readTree(bluesky.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(CREATE_RECORD)).findFirst().orElseThrow()
                .getResponse().getBodyAsString()).path("cid").asText();
        bluesky.resetRequests();

        publisher.publish(new ReplyBlock(BlueskyFixtures.dansMention(), "They will be at C14 in five minutes.",
                first.externalId(), 1, 2, "task-11-block-1"));

        JsonNode body = lastCreateRecordBody();
        assertThat(body.at("/record/reply/root/uri").asText()).isEqualTo(BlueskyFixtures.DAN_URI);
        assertThat(body.at("/record/reply/parent/uri").asText()).isEqualTo(first.externalId());
        assertThat(body.at("/record/reply/parent/cid").asText()).isEqualTo(firstCid).startsWith("bafyrei");
        assertThat(body.path("rkey").asText()).isNotEqualTo(BlueskyPosts.recordKey(first.externalId()));
    }

    @Test
    void afterARestartThePreviousBlocksCidIsAskedOfBluesky() throws Exception {
        String previous = "at://" + BlueskyFixtures.OWN_DID + "/app.bsky.feed.post/3n2nrbbbbbbbb";
        stubExistingRecord("3n2nrbbbbbbbb");

        newPublisher().publish(new ReplyBlock(BlueskyFixtures.dansMention(), "They will be at C14 in five minutes.",
                previous, 1, 2, "task-11-block-1"));

        JsonNode body = lastCreateRecordBody();
        assertThat(body.at("/record/reply/parent/uri").asText()).isEqualTo(previous);
        assertThat(body.at("/record/reply/parent/cid").asText()).isEqualTo(EXISTING_CID);
    }

    @Test
    void everyTryOfABlockUsesTheSameRecordKey() throws Exception {
        newPublisher().publish(toDan("Dan, we are on it."));
        String firstKey = lastCreateRecordBody().path("rkey").asText();
        bluesky.resetRequests();

        newPublisher().publish(toDan("Dan, we are on it."));

        assertThat(lastCreateRecordBody().path("rkey").asText()).isEqualTo(firstKey);
    }

    @Test
    void aBlockWhosePostAlreadyExistsIsReturnedWithoutPostingAgain() throws Exception {
        bluesky.stubFor(get(urlPathEqualTo(GET_RECORD)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withTransformers("response-template").withBody("{\"uri\":\"at://{{request.query.repo}}/"
                        + "{{request.query.collection}}/{{request.query.rkey}}\",\"cid\":\"" + EXISTING_CID
                        + "\",\"value\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"Dan, we are on it.\"}}")));

        PostedReply posted = publisher.publish(toDan("Dan, we are on it."));

        assertThat(posted.externalId()).startsWith("at://" + BlueskyFixtures.OWN_DID + "/app.bsky.feed.post/");
        bluesky.verify(0, postRequestedFor(urlPathEqualTo(CREATE_RECORD)));
    }

    @Test
    void aCreateRefusedBecauseTheRecordExistsCountsAsPosted() throws Exception {
        bluesky.stubFor(get(urlPathEqualTo(GET_RECORD)).atPriority(1).inScenario("race").whenScenarioStateIs("posted")
                .willReturn(aResponse().withStatus(200).withTransformers("response-template")
                        .withBody("{\"uri\":\"at://{{request.query.repo}}/{{request.query.collection}}/"
                                + "{{request.query.rkey}}\",\"cid\":\"" + EXISTING_CID + "\",\"value\":{}}")));
        bluesky.stubFor(post(urlPathEqualTo(CREATE_RECORD)).atPriority(1).inScenario("race")
                .whenScenarioStateIs(STARTED).willSetStateTo("posted").willReturn(aResponse().withStatus(400)
                        .withBody("{\"error\":\"InvalidSwap\",\"message\":\"Record already exists\"}")));

        PostedReply posted = publisher.publish(toDan("Dan, we are on it."));

        assertThat(posted.externalId()).isEqualTo("at://" + BlueskyFixtures.OWN_DID + "/app.bsky.feed.post/"
                + lastCreateRecordBody().path("rkey").asText());
        bluesky.verify(1, postRequestedFor(urlPathEqualTo(CREATE_RECORD)));
        bluesky.verify(2, getRequestedFor(urlPathEqualTo(GET_RECORD)));
    }

    @Test
    void aPostWhoseAnswerIsLostIsNotRepeatedByTheClient() {
        bluesky.stubFor(post(urlPathEqualTo(CREATE_RECORD)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(toDan("Dan, we are on it.")));

        assertThat(e.isPermanent()).isFalse();
        bluesky.verify(1, postRequestedFor(urlPathEqualTo(CREATE_RECORD)));
    }

    @Test
    void aServerErrorOnPostIsTransientAndNotRepeated() {
        bluesky.stubFor(post(urlPathEqualTo(CREATE_RECORD)).atPriority(1).willReturn(aResponse().withStatus(502)
                .withBody("<html>Bad Gateway</html>")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(toDan("Dan, we are on it.")));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("HTTP 502").hasMessageContaining("not sent again here");
        bluesky.verify(1, postRequestedFor(urlPathEqualTo(CREATE_RECORD)));
    }

    @Test
    void aRateLimitedPostIsTransientAndNamesTheReset() {
        bluesky.stubFor(post(urlPathEqualTo(CREATE_RECORD)).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("ratelimit-remaining", "0").withHeader("ratelimit-reset", "1795601100")
                .withBody("{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(toDan("Dan, we are on it.")));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("rate limited until 2026-11-25T10:05:00Z");
        bluesky.verify(1, postRequestedFor(urlPathEqualTo(CREATE_RECORD)));
    }

    @Test
    void anExpiredTokenOnPostIsRefreshedAndThePostSentOnceMore() throws Exception {
        bluesky.stubFor(post(urlPathEqualTo(CREATE_RECORD)).atPriority(1).inScenario("expired")
                .whenScenarioStateIs(STARTED).willSetStateTo("refreshed").willReturn(aResponse().withStatus(400)
                        .withBody("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")));

        publisher.publish(toDan("Dan, we are on it."));

        bluesky.verify(1, postRequestedFor(urlPathEqualTo(REFRESH_SESSION)));
        bluesky.verify(2, postRequestedFor(urlPathEqualTo(CREATE_RECORD)));
        bluesky.verify(1, postRequestedFor(urlPathEqualTo(CREATE_RECORD))
                .withHeader("Authorization", equalTo("Bearer " + BlueskyFixtures.REFRESHED_ACCESS_JWT)));
    }

    @Test
    void aPostRefusedForTheSessionAfterANewOneIsPermanent() {
        bluesky.stubFor(post(urlPathEqualTo(CREATE_RECORD)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"AuthenticationRequired\",\"message\":\"Authentication Required\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(toDan("Dan, we are on it.")));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("Bluesky rejected the session of acmeair.bsky.social (401)")
                .hasMessageContaining("check connectors.bluesky.identifier and connectors.bluesky.appPassword");
        bluesky.verify(2, postRequestedFor(urlPathEqualTo(CREATE_RECORD)));
    }

    @Test
    void aRefusedPostIsPermanentWithBlueskysOwnReason() {
        bluesky.stubFor(post(urlPathEqualTo(CREATE_RECORD)).atPriority(1).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"InvalidRequest\",\"message\":\"Invalid app.bsky.feed.post record:"
                        + " Record/reply/parent must be a valid strongRef\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(toDan("Dan, we are on it.")));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("(400): InvalidRequest: Invalid app.bsky.feed.post record");
    }

    @Test
    void aBlockLongerThanABlueskyPostIsRefusedBeforeAnythingIsSent() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(toDan("a".repeat(301))));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessage("reply block 1 of 2 is 301 characters; a Bluesky post allows 300");
        bluesky.verify(0, postRequestedFor(urlPathEqualTo(CREATE_RECORD)));
    }

    @Test
    void emojiCountAsOneCharacterEachAsBlueskyCountsThem() throws Exception {
        publisher.publish(toDan("👍🏽".repeat(300)));

        bluesky.verify(1, postRequestedFor(urlPathEqualTo(CREATE_RECORD)));
    }

    @Test
    void linksBecomeClickableAndTheLanguageIsTagged() throws Exception {
        var settings = BlueskyFixtures.settings(bluesky.baseUrl());
        settings.put("language", "en");
        ReplyPublisher english = BlueskyFixtures.connector(settings).publisher();

        english.publish(toDan("Café help: https://acmeair.example/assist."));

        bluesky.verify(postRequestedFor(urlPathEqualTo(CREATE_RECORD))
                .withRequestBody(matchingJsonPath("$.record.langs[0]", equalTo("en")))
                .withRequestBody(matchingJsonPath("$.record.facets[0].index.byteStart", equalTo("12")))
                .withRequestBody(matchingJsonPath("$.record.facets[0].index.byteEnd", equalTo("42")))
                .withRequestBody(matchingJsonPath("$.record.facets[0].features[0].uri",
                        equalTo("https://acmeair.example/assist")))
                .withRequestBody(matchingJsonPath("$.record.facets[0].features[0].$type",
                        matching("app\\.bsky\\.richtext\\.facet#link"))));
    }

    @Test
    void aBlockWithoutAnIdempotencyKeyIsRefused() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> publisher.publish(
                new ReplyBlock(BlueskyFixtures.dansMention(), "Hi", BlueskyFixtures.DAN_URI, 0, 1, " ")));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("needs an idempotency key");
    }

    private static void stubExistingRecord(String rkey) {
        bluesky.stubFor(get(urlPathEqualTo(GET_RECORD)).withQueryParam("rkey", equalTo(rkey)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("{\"uri\":\"at://" + BlueskyFixtures.OWN_DID
                        + "/app.bsky.feed.post/" + rkey + "\",\"cid\":\"" + EXISTING_CID
                        + "\",\"value\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"Dan, we have called them.\"}}")));
    }
}
