package org.earshot.connector.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.earshot.connector.x.XFixtures.BRAND_TIMELINE;
import static org.earshot.connector.x.XFixtures.DANA;
import static org.earshot.connector.x.XFixtures.POST;
import static org.earshot.connector.x.XFixtures.firstBlock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.ReplyPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class XReplyPublisherTest {
    private static final String SORRY = "Sorry about your bag, Dana. We are tracing LHR-88213 now and will write by 18:00.";
    private static final String EARLIER_REPLY = "2123359375979474944";

    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/x"))
            .build();

    private static ReplyPublisher publisher(ObjectNode settings) {
        return XFixtures.connector(settings).publisher();
    }

    private static ReplyPublisher publisher() {
        return publisher(XFixtures.settings(x.baseUrl()));
    }

    @Test
    void publishSendsOnePostThreadedUnderTheMentionWithTheBrandsUserToken() throws Exception {
        PostedReply posted = publisher().publish(firstBlock(SORRY));

        assertThat(posted.externalId()).hasSize(19).containsOnlyDigits();
        assertThat(posted.url()).isEqualTo("https://x.com/acmeair/status/" + posted.externalId());
        x.verify(1, postRequestedFor(urlPathEqualTo(POST)));
        x.verify(postRequestedFor(urlPathEqualTo(POST))
                .withHeader("Authorization", equalTo("Bearer test-user-token"))
                .withRequestBody(matchingJsonPath("$.text", equalTo(SORRY)))
                .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo(DANA))));
    }

    @Test
    void anIncidentStatementIsOnePostOfTheBrandsOwnWithNoReply() throws Exception {
        ReplyPublisher publisher = publisher();
        PostedReply posted = publisher.postTopLevel(new org.earshot.connector.TopLevelPost("acme",
                "We know some of you are having trouble. We're on it. Sam", "earshot-incident-3-x",
                java.time.Instant.parse("2026-11-23T12:00:00Z")));

        assertThat(publisher.postsTopLevel()).isTrue();
        assertThat(posted.externalId()).containsOnlyDigits();
        x.verify(1, postRequestedFor(urlPathEqualTo(POST)));
        x.verify(postRequestedFor(urlPathEqualTo(POST))
                .withRequestBody(matchingJsonPath("$.text", equalTo("We know some of you are having trouble. We're on it. Sam")))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("in_reply_to")));
    }

    @Test
    void beforePostingItLooksAtWhatTheBrandAccountPostedAfterTheMention() throws Exception {
        publisher().publish(firstBlock(SORRY));

        x.verify(getRequestedFor(urlPathEqualTo("/2/users/me")).withHeader("Authorization", equalTo("Bearer test-user-token")));
        x.verify(getRequestedFor(urlPathEqualTo(BRAND_TIMELINE)).withQueryParam("since_id", equalTo(DANA))
                .withQueryParam("max_results", equalTo("100")));
    }

    @Test
    void laterBlocksThreadUnderThePreviousBlock() throws Exception {
        publisher().publish(new ReplyBlock(XFixtures.danasMention(), "We will write again by 18:00.", EARLIER_REPLY,
                1, 2, "task-7-1"));

        x.verify(postRequestedFor(urlPathEqualTo(POST))
                .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo(EARLIER_REPLY)))
                .withRequestBody(matchingJsonPath("$.text", equalTo("We will write again by 18:00."))));
    }

    @Test
    void aReplyThatIsAlreadyThereIsReturnedInsteadOfPostingACopy() throws Exception {
        x.stubFor(timeline().atPriority(1).willReturn(timelineWith(EARLIER_REPLY, DANA, "@dana_okafor " + SORRY)));

        PostedReply posted = publisher().publish(firstBlock(SORRY));

        assertThat(posted.externalId()).isEqualTo(EARLIER_REPLY);
        x.verify(0, postRequestedFor(urlPathEqualTo(POST)));
    }

    @Test
    void anotherReplyToTheSamePostIsNotTakenForThisOne() throws Exception {
        x.stubFor(timeline().atPriority(1).willReturn(timelineWith(EARLIER_REPLY, DANA, "@dana_okafor Hi Dana, DM us?")));

        PostedReply posted = publisher().publish(firstBlock(SORRY));

        assertThat(posted.externalId()).isNotEqualTo(EARLIER_REPLY);
        x.verify(1, postRequestedFor(urlPathEqualTo(POST)));
    }

    @Test
    void aPostWhoseAnswerIsLostIsNotSentAgainAndTheOutboxsNextTryFindsItInsteadOfPostingTwice() throws Exception {
        x.stubFor(post(urlPathEqualTo(POST)).atPriority(1).inScenario("lost answer").whenScenarioStateIs(STARTED)
                .willSetStateTo("posted").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        x.stubFor(timeline().atPriority(1).inScenario("lost answer").whenScenarioStateIs("posted")
                .willReturn(timelineWith(EARLIER_REPLY, DANA, "@dana_okafor " + SORRY)));
        ReplyPublisher publisher = publisher();

        ConnectorException lost = catchThrowableOfType(ConnectorException.class, () -> publisher.publish(firstBlock(SORRY)));
        PostedReply again = publisher.publish(firstBlock(SORRY));

        assertThat(lost.isPermanent()).isFalse();
        assertThat(lost).hasMessageContaining("not sent again here");
        assertThat(again.externalId()).isEqualTo(EARLIER_REPLY);
        x.verify(1, postRequestedFor(urlPathEqualTo(POST)));
    }

    @Test
    void aPostThatTimesOutIsNotSentAgainByTheClient() {
        ObjectNode settings = XFixtures.settings(x.baseUrl());
        settings.put("responseTimeout", "300ms");
        x.stubFor(post(urlPathEqualTo(POST)).atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(2_000).withBody("{\"data\":{\"id\":\"1\"}}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher(settings).publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isFalse();
        x.verify(1, postRequestedFor(urlPathEqualTo(POST)));
    }

    @Test
    void aServerErrorOnPostIsTransientAndNotRepeated() {
        x.stubFor(post(urlPathEqualTo(POST)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("{\"title\":\"Service Unavailable\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> publisher().publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("HTTP 503");
        x.verify(1, postRequestedFor(urlPathEqualTo(POST)));
    }

    @Test
    void aRateLimitedPostIsTransientAndSaysUntilWhen() {
        x.stubFor(post(urlPathEqualTo(POST)).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", "1795470300")
                .withBody("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"status\":429}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> publisher().publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("rate limited until 2026-11-23T21:45:00Z");
        x.verify(1, postRequestedFor(urlPathEqualTo(POST)));
    }

    @Test
    void whenXRefusesTheTextAsADuplicateTheReplyAlreadyThereIsReturned() throws Exception {
        x.stubFor(post(urlPathEqualTo(POST)).atPriority(1).inScenario("late").whenScenarioStateIs(STARTED)
                .willSetStateTo("visible").willReturn(duplicate()));
        x.stubFor(timeline().atPriority(1).inScenario("late").whenScenarioStateIs("visible")
                .willReturn(timelineWith(EARLIER_REPLY, DANA, "@dana_okafor " + SORRY)));

        PostedReply posted = publisher().publish(firstBlock(SORRY));

        assertThat(posted.externalId()).isEqualTo(EARLIER_REPLY);
        x.verify(1, postRequestedFor(urlPathEqualTo(POST)));
    }

    @Test
    void aDuplicateRefusalWithoutSuchAReplyFailsForGood() {
        x.stubFor(post(urlPathEqualTo(POST)).atPriority(1).willReturn(duplicate()));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> publisher().publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("as a duplicate of a post @acmeair already made")
                .hasMessageContaining("edit the reply so that its text differs");
    }

    @Test
    void aReplyToAPostThatIsGoneIsPermanentWithXsReason() {
        x.stubFor(post(urlPathEqualTo(POST)).atPriority(1).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"detail":"You attempted to reply to a Tweet that is deleted or not visible to you.","type":"about:blank","title":"Forbidden","status":403}""")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> publisher().publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("(403): You attempted to reply to a Tweet that is deleted or not visible to you.");
    }

    @Test
    void aRejectedUserTokenIsPermanentAndNamesTheSetting() {
        x.stubFor(post(urlPathEqualTo(POST)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> publisher().publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageStartingWith("X rejected the token (401): check connectors.x.userAccessToken");
    }

    @Test
    void postingWithoutAUserAccessTokenFailsForGoodAndSaysWhatIsNeeded() {
        ObjectNode settings = XFixtures.settings(x.baseUrl());
        settings.remove("userAccessToken");

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher(settings).publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("needs user context: set connectors.x.userAccessToken")
                .hasMessageContaining("tweet.write");
        x.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aUserTokenOfAnotherAccountIsRefusedBeforeAnythingIsPosted() {
        x.stubFor(get(urlPathEqualTo("/2/users/me")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":{\"id\":\"44196397\",\"name\":\"Someone\",\"username\":\"someone_else\"}}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> publisher().publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessage("connectors.x.userAccessToken belongs to @someone_else, but connectors.x.brandAccount"
                + " is @acmeair; replies must come from the brand account");
        x.verify(0, postRequestedFor(urlPathEqualTo(POST)));
    }

    @Test
    void aBlockLongerThanAnXPostIsRefusedBeforeAnythingIsSent() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher().publish(firstBlock("a".repeat(281))));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageStartingWith("reply block 1 of 2 is 281 characters as X counts them")
                .hasMessageEndingWith("an X post allows 280");
        x.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void linksCountAsTwentyThreeCharactersTowardsTheLimit() throws Exception {
        publisher().publish(firstBlock("a".repeat(250) + " https://help.example/" + "x".repeat(300)));

        x.verify(1, postRequestedFor(urlPathEqualTo(POST)));
    }

    @Test
    void charactersOutsideLatinScriptsCountTwiceTowardsTheLimit() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher().publish(firstBlock("荷".repeat(141))));

        assertThat(e).hasMessageContaining("is 282 characters");
    }

    private static MappingBuilder timeline() {
        return get(urlPathEqualTo(BRAND_TIMELINE));
    }

    private static ResponseDefinitionBuilder timelineWith(String id, String inReplyTo, String text) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"data":[
                  {"id":"2123359999999999999","edit_history_tweet_ids":["2123359999999999999"],
                   "text":"Flights to Lisbon from €49 this winter ✈️ https://t.co/abc","created_at":"2026-11-19T10:30:00.000Z"},
                  {"id":"%s","edit_history_tweet_ids":["%s"],"text":%s,"created_at":"2026-11-19T10:15:00.000Z",
                   "referenced_tweets":[{"type":"replied_to","id":"%s"}]}],
                 "meta":{"result_count":2,"newest_id":"2123359999999999999","oldest_id":"%s"}}"""
                .formatted(id, id, XFixtures.JSON.valueToTree(text).toString(), inReplyTo, id));
    }

    private static ResponseDefinitionBuilder duplicate() {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json").withBody("""
                {"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""");
    }
}
