package org.earshot.connector.reddit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
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

class RedditReplyPublisherTest {
    private static final String COMMENT = "/api/comment";
    private static final String OWN_COMMENTS = "/user/acmeair/comments";
    private static final String SORRY = "We're sorry about tonight. Our ORD duty manager is booking you a hotel now:"
            + " please send us a chat message with your booking reference.";

    @RegisterExtension
    static WireMockExtension reddit = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/reddit"))
            .build();

    private final ReplyPublisher publisher =
            RedditFixtures.connector(RedditFixtures.settings(reddit.baseUrl())).publisher();

    private static ReplyBlock firstBlock(String text) {
        return new ReplyBlock(RedditFixtures.strandedPost(), text, RedditFixtures.STRANDED_POST, 0, 2,
                "task-11-block-0");
    }

    @Test
    void publishSendsExactlyOneCommentUnderTheThingAndReturnsItsFullname() throws Exception {
        PostedReply posted = publisher.publish(firstBlock(SORRY));

        assertThat(posted.externalId()).matches("t1_[a-z0-9]+");
        assertThat(posted.url()).isEqualTo("https://www.reddit.com/r/travel/comments/1pq2e4m/_/"
                + posted.externalId().substring(3) + "/");
        reddit.verify(1, postRequestedFor(urlPathEqualTo(COMMENT)));
        reddit.verify(postRequestedFor(urlPathEqualTo(COMMENT))
                .withFormParam("api_type", equalTo("json"))
                .withFormParam("thing_id", equalTo(RedditFixtures.STRANDED_POST))
                .withFormParam("text", equalTo(SORRY))
                .withHeader("Authorization", equalTo("bearer " + RedditFixtures.TOKEN))
                .withHeader("User-Agent", equalTo(RedditFixtures.USER_AGENT)));
    }

    @Test
    void publishLooksAmongTheBrandsRecentCommentsFirst() throws Exception {
        publisher.publish(firstBlock(SORRY));

        reddit.verify(1, getRequestedFor(urlPathEqualTo(OWN_COMMENTS)));
        reddit.verify(getRequestedFor(urlPathEqualTo(OWN_COMMENTS)).withQueryParam("limit", equalTo("25"))
                .withQueryParam("sort", equalTo("new")));
    }

    @Test
    void laterBlocksReplyToThePreviousBlock() throws Exception {
        publisher.publish(new ReplyBlock(RedditFixtures.strandedPost(), "We will write again by 23:00.",
                "t1_m8k9zz1", 1, 2, "task-11-block-1"));

        reddit.verify(postRequestedFor(urlPathEqualTo(COMMENT)).withFormParam("thing_id", equalTo("t1_m8k9zz1"))
                .withFormParam("text", equalTo("We will write again by 23:00.")));
    }

    @Test
    void aReplyAlreadyOnRedditIsReturnedInsteadOfPostedAgain() throws Exception {
        PostedReply posted = publisher.publish(firstBlock("We're so sorry. Please send us a chat message with your"
                + " booking reference: our ORD duty manager can book you a hotel tonight.\n"));

        assertThat(posted.externalId()).isEqualTo(RedditFixtures.OWN_COMMENT);
        assertThat(posted.url()).isEqualTo("https://www.reddit.com/r/travel/comments/1pq2e4m/"
                + "stranded_at_ord_after_acme_air_cancelled_our/m8k2q7d/");
        reddit.verify(0, postRequestedFor(urlPathEqualTo(COMMENT)));
    }

    @Test
    void theSameTextUnderAnotherParentIsStillPosted() throws Exception {
        publisher.publish(new ReplyBlock(RedditFixtures.strandedPost(), "Thanks for the details! Version 6.4.1 of"
                + " the app fixes the log-outs; it's rolling out in the stores today.", RedditFixtures.STRANDED_POST,
                0, 1, "task-11-block-0"));

        reddit.verify(1, postRequestedFor(urlPathEqualTo(COMMENT)));
    }

    @Test
    void aPostWhoseAnswerIsLostIsNotRepeatedAndTheOutboxRetryFindsIt() throws Exception {
        reddit.stubFor(post(urlPathEqualTo(COMMENT)).atPriority(1)
                .inScenario("lost answer").whenScenarioStateIs(STARTED).willSetStateTo("posted")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        reddit.stubFor(get(urlPathEqualTo(OWN_COMMENTS)).atPriority(1)
                .inScenario("lost answer").whenScenarioStateIs("posted")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(ownComments("t1_m8kbb07", RedditFixtures.STRANDED_POST, SORRY))));

        ConnectorException lost = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock(SORRY)));
        PostedReply found = publisher.publish(firstBlock(SORRY));

        assertThat(lost.isPermanent()).isFalse();
        assertThat(lost).hasMessageContaining("not sent again here");
        assertThat(found.externalId()).isEqualTo("t1_m8kbb07");
        reddit.verify(1, postRequestedFor(urlPathEqualTo(COMMENT)));
        reddit.verify(2, getRequestedFor(urlPathEqualTo(OWN_COMMENTS)));
    }

    @Test
    void anAnswerThatCannotBeReadIsTransientAndSaysTheNextTryChecksFirst() {
        reddit.stubFor(post(urlPathEqualTo(COMMENT)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("{\"json\": {\"errors\": [], \"data\": {\"thi")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("answer cannot be read")
                .hasMessageContaining("looks for the reply among u/acmeair's recent comments");
        reddit.verify(1, postRequestedFor(urlPathEqualTo(COMMENT)));
    }

    @Test
    void redditsRateLimitInsideA200IsTransientWithRedditsMessage() {
        refuseInside("[[\"RATELIMIT\", \"Looks like you've been doing that a lot. Take a break for 4 minutes"
                + " before trying again.\", \"ratelimit\"]], \"ratelimit\": 236.4");

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("(RATELIMIT: Looks like you've been doing that a lot. Take a break for 4"
                + " minutes before trying again.)");
        reddit.verify(1, postRequestedFor(urlPathEqualTo(COMMENT)));
    }

    @Test
    void aLockedThreadIsPermanentWithRedditsMessage() {
        refuseInside("[[\"THREAD_LOCKED\", \"Comments are locked.\", \"parent\"]]");

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessage("Reddit refused the reply to t3_1pq2e4m (THREAD_LOCKED: Comments are locked.)");
    }

    @Test
    void aThreadTooOldIsPermanentWithRedditsMessage() {
        refuseInside("[[\"TOO_OLD\", \"that's a piece of history now; it's too late to reply to it\", \"parent\"]]");

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("(TOO_OLD: that's a piece of history now; it's too late to reply to it)");
    }

    @Test
    void aServerErrorOnPostIsTransientAndNotRepeated() {
        reddit.stubFor(post(urlPathEqualTo(COMMENT)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("<html>all our servers are busy</html>")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("HTTP 503");
        reddit.verify(1, postRequestedFor(urlPathEqualTo(COMMENT)));
    }

    @Test
    void aForbiddenPostIsPermanent() {
        reddit.stubFor(post(urlPathEqualTo(COMMENT)).atPriority(1).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\": \"Forbidden\", \"error\": 403}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("(403): Forbidden");
        reddit.verify(1, postRequestedFor(urlPathEqualTo(COMMENT)));
    }

    @Test
    void aRefusedTokenOnPostLogsInAgainAndPostsOnceMore() throws Exception {
        reddit.stubFor(post(urlPathEqualTo(COMMENT)).atPriority(1)
                .inScenario("expired").whenScenarioStateIs(STARTED).willSetStateTo("renewed")
                .willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Unauthorized\", \"error\": 401}")));

        PostedReply posted = publisher.publish(firstBlock(SORRY));

        assertThat(posted.externalId()).startsWith("t1_");
        reddit.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/access_token")));
        reddit.verify(2, postRequestedFor(urlPathEqualTo(COMMENT)));
    }

    @Test
    void whenTheCheckForAnEarlierReplyFailsNothingIsPosted() {
        reddit.stubFor(get(urlPathEqualTo(OWN_COMMENTS)).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("<html>500</html>")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining(OWN_COMMENTS).hasMessageContaining("HTTP 500 after 3 attempts");
        reddit.verify(0, postRequestedFor(urlPathEqualTo(COMMENT)));
    }

    @Test
    void aBlockLongerThanARedditCommentIsRefusedBeforeAnythingIsSent() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> publisher.publish(firstBlock("a".repeat(10_001))));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("is 10001 characters").hasMessageContaining("allows 10000");
        reddit.verify(0, postRequestedFor(urlPathEqualTo(COMMENT)));
        reddit.verify(0, getRequestedFor(urlPathEqualTo(OWN_COMMENTS)));
    }

    @Test
    void aTargetThatIsNoPostOrCommentFullnameIsRefusedBeforeAnythingIsSent() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> publisher.publish(
                new ReplyBlock(RedditFixtures.strandedPost(), SORRY, "1pq2e4m", 0, 1, "task-11-block-0")));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("cannot reply on Reddit to '1pq2e4m'");
        reddit.verify(0, postRequestedFor(urlPathEqualTo(COMMENT)));
    }

    private static void refuseInside(String errors) {
        reddit.stubFor(post(urlPathEqualTo(COMMENT)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"json\": {\"errors\": " + errors + "}}")));
    }

    private static String ownComments(String fullname, String parent, String body) throws Exception {
        var child = RedditFixtures.JSON.createObjectNode();
        child.put("kind", "t1");
        child.putObject("data").put("name", fullname).put("id", fullname.substring(3)).put("author", "acmeair")
                .put("parent_id", parent).put("link_id", parent).put("body", body)
                .put("created_utc", 1795078000.0)
                .put("permalink", "/r/travel/comments/1pq2e4m/_/" + fullname.substring(3) + "/");
        var listing = RedditFixtures.JSON.createObjectNode();
        listing.put("kind", "Listing");
        listing.putObject("data").put("after", (String) null).putArray("children").add(child);
        return RedditFixtures.JSON.writeValueAsString(listing);
    }
}
