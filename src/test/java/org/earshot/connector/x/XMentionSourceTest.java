package org.earshot.connector.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.earshot.connector.x.XFixtures.SEARCH;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.domain.IncomingMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class XMentionSourceTest {
    private static final String CURSOR = "2123400000000000100";

    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/x"))
            .build();

    private final List<String> gaps = new ArrayList<>();

    private MentionSource source(ObjectNode settings) {
        return XFixtures.connector(settings, gaps).source();
    }

    private MentionSource demoSource() {
        return source(XFixtures.settings(x.baseUrl()));
    }

    private static IncomingMention byId(List<IncomingMention> mentions, String id) {
        return mentions.stream().filter(m -> m.externalId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void firstPollReturnsTheDemoMentionsOldestFirstWithTheNewestIdAsCursor() throws Exception {
        PollResult result = demoSource().poll(null);

        assertThat(result.mentions()).hasSize(6);
        assertThat(result.mentions()).extracting(IncomingMention::createdAt).isSorted();
        assertThat(result.mentions().get(0).externalId()).isEqualTo(XFixtures.DANA);
        assertThat(result.nextCursor()).isEqualTo(XFixtures.NEWEST);
        assertThat(result.quotaLeft()).isEqualTo(449);
        assertThat(byId(result.mentions(), XFixtures.CONVERSATION_REPLY).text())
                .endsWith("Still waiting on the refund & nobody replies");
        assertThat(gaps).isEmpty();
    }

    @Test
    void firstPollSearchesForTheBrandWithTheBearerTokenAndTakesOnlyTheNewestPage() throws Exception {
        demoSource().poll(null);

        x.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
        x.verify(getRequestedFor(urlPathEqualTo(SEARCH))
                .withQueryParam("query", equalTo("(\"acme air\" OR \"acmeair\" OR @acmeair OR #acmeair)"
                        + " -from:acmeair -from:AcmeAirHelp -from:FlyFree_Deals -\"acme anvil\" -is:retweet"))
                .withQueryParam("max_results", equalTo("100"))
                .withQueryParam("expansions", equalTo("author_id"))
                .withQueryParam("tweet.fields", containing("conversation_id,public_metrics,referenced_tweets"))
                .withQueryParam("user.fields", equalTo("username,name,public_metrics"))
                .withQueryParam("since_id", absent())
                .withHeader("Authorization", equalTo("Bearer test-bearer")));
    }

    @Test
    void aMentionKeepsItsAuthorTheirFollowersAndTheCountsOfItsSpread() throws Exception {
        IncomingMention urgent = byId(demoSource().poll(null).mentions(), XFixtures.URGENT);

        assertThat(urgent.author().handle()).isEqualTo("heidi_klein");
        assertThat(urgent.author().name()).isEqualTo("Heidi Klein");
        assertThat(urgent.author().followers()).isEqualTo(87);
        assertThat(urgent.createdAt()).isEqualTo(Instant.parse("2026-11-19T09:47:55Z"));
        assertThat(urgent.url()).isEqualTo("https://x.com/heidi_klein/status/" + XFixtures.URGENT);
        assertThat(urgent.threadKey()).isEmpty();
        assertThat(urgent.replyContext()).containsEntry("tweetId", XFixtures.URGENT)
                .containsEntry("username", "heidi_klein").containsEntry("likes", "41")
                .containsEntry("reposts", "14").containsEntry("replies", "6").containsEntry("quotes", "3");
    }

    @Test
    void aReplyInSomeoneElsesConversationFoldsIntoTheConversationsRoot() throws Exception {
        IncomingMention reply = byId(demoSource().poll(null).mentions(), XFixtures.CONVERSATION_REPLY);

        assertThat(reply.threadKey()).isEqualTo(XFixtures.CONVERSATION_ROOT);
    }

    @Test
    void aQuoteFoldsIntoThePostItQuotes() throws Exception {
        IncomingMention quote = byId(demoSource().poll(null).mentions(), XFixtures.QUOTE);

        assertThat(quote.threadKey()).isEqualTo(XFixtures.QUOTED_BRAND_POST);
    }

    @Test
    void incrementalPollWithNothingNewReturnsNothingAndKeepsTheCursor() throws Exception {
        PollResult result = demoSource().poll(XFixtures.NEWEST);

        assertThat(result.mentions()).isEmpty();
        assertThat(result.nextCursor()).isEqualTo(XFixtures.NEWEST);
        assertThat(result.quotaLeft()).isEqualTo(448);
        x.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("since_id", equalTo(XFixtures.NEWEST)));
    }

    @Test
    void pagesBackWithNextTokenUntilXHasNoMoreAndTheCursorIsTheNewestOfTheFirstPage() throws Exception {
        stubPage(CURSOR, null, "p2", 5, "105", "104");
        stubPage(CURSOR, "p2", "p3", 4, "103", "102");
        stubPage(CURSOR, "p3", null, 3, "101");

        PollResult result = demoSource().poll(CURSOR);

        assertThat(result.mentions()).extracting(IncomingMention::externalId)
                .containsExactly(id("101"), id("102"), id("103"), id("104"), id("105"));
        assertThat(result.nextCursor()).isEqualTo(id("105"));
        assertThat(result.quotaLeft()).isEqualTo(3);
        assertThat(gaps).isEmpty();
        x.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("since_id", equalTo(CURSOR)));
    }

    @Test
    void stopsAfterMaxPagesPerPollAndReportsThePostsItSkipped() throws Exception {
        stubPage(CURSOR, null, "p2", 5, "105", "104");
        stubPage(CURSOR, "p2", "p3", 4, "103", "102");
        ObjectNode settings = XFixtures.settings(x.baseUrl());
        settings.put("maxPagesPerPoll", 2);

        PollResult result = source(settings).poll(CURSOR);

        assertThat(result.mentions()).hasSize(4);
        assertThat(result.nextCursor()).isEqualTo(id("105"));
        assertThat(gaps).singleElement().asString().contains("maxPagesPerPoll (2)")
                .contains("newer than " + CURSOR + " and older than " + id("102"));
        x.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void stopsPagingWhenNoRequestIsLeftAndReportsTheGap() throws Exception {
        stubPage(CURSOR, null, "p2", 0, "105", "104");

        PollResult result = demoSource().poll(CURSOR);

        assertThat(result.mentions()).hasSize(2);
        assertThat(result.quotaLeft()).isZero();
        assertThat(result.nextCursor()).isEqualTo(id("105"));
        assertThat(gaps).singleElement().asString().contains("no request was left");
        x.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aCursorOlderThanXSearchesIsReportedAsAGapAndReadingGoesOnFromWhatXHas() throws Exception {
        String old = "2120094110315474944";
        x.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("since_id", equalTo(old)).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"errors":[{"parameters":{"since_id":["%s"]},"message":"Invalid 'since_id':'%s'. 'since_id' must be a tweet id created after 2026-11-16T21:33:43Z. Please use a 'since_id' that is larger than 2121940000000000000"}],
                         "title":"Invalid Request","detail":"One or more parameters to your request was invalid.",
                         "type":"https://api.twitter.com/2/problems/invalid-request"}""".formatted(old, old))));

        PollResult result = demoSource().poll(old);

        assertThat(result.mentions()).hasSize(6);
        assertThat(result.nextCursor()).isEqualTo(XFixtures.NEWEST);
        assertThat(gaps).singleElement().asString().contains("no longer searches back to the cursor " + old)
                .contains("must be a tweet id created after 2026-11-16T21:33:43Z");
    }

    @Test
    void waitsForTheRateLimitResetAfterA429AndThenReads() throws Exception {
        failFirstSearchWith(aResponse().withStatus(429).withHeader("Content-Type", "application/problem+json")
                .withHeader("x-rate-limit-limit", "450").withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", String.valueOf(Instant.now().plusSeconds(1).getEpochSecond()))
                .withBody("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"));

        PollResult result = demoSource().poll(null);

        assertThat(result.mentions()).hasSize(6);
        x.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aRateLimitResettingLaterThanAPollWaitsFailsTransientlyWithTheTime() {
        x.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", "4070908800")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("rate limited until 2099-01-01T00:00:00Z");
        x.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aServerErrorIsRetriedAndThenReads() throws Exception {
        failFirstSearchWith(aResponse().withStatus(500).withBody("{\"title\":\"Internal Server Error\"}"));

        assertThat(demoSource().poll(null).mentions()).hasSize(6);
        x.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aResetConnectionIsRetriedAndThenReads() throws Exception {
        failFirstSearchWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(demoSource().poll(null).mentions()).hasSize(6);
        x.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aServerErrorThatLastsFailsThePollAsTransientAfterTheAttempts() {
        x.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining(SEARCH).hasMessageContaining("HTTP 503 after 3 attempts");
        x.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void malformedJsonFailsThePollNamingTheUrlAndTheProblem() {
        x.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":[{\"id\":\"2123400000000000105\",\"text\":")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> demoSource().poll(XFixtures.NEWEST));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("GET " + x.baseUrl() + SEARCH).hasMessageContaining("JSON that cannot be read");
    }

    @Test
    void aRejectedBearerTokenFailsThePollPermanentlyAndNamesTheSetting() {
        x.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageStartingWith("X rejected the token (401): check connectors.x.bearerToken");
        x.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aSearchTheAppsAccessDoesNotIncludeIsPermanentWithXsReason() {
        x.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"client_id":"28930432","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}""")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("(403): When authenticating requests to the Twitter API v2 endpoints");
    }

    @Test
    void postsByTheBrandsOwnAccountsAndExcludedAuthorsAreNeverMentions() throws Exception {
        x.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("since_id", equalTo(CURSOR)).atPriority(1)
                .willReturn(json(200, 7, """
                        {"data":[%s,%s,%s,%s],
                         "includes":{"users":[%s,%s,%s,%s]},
                         "meta":{"newest_id":"%s","oldest_id":"%s","result_count":4}}""".formatted(
                        tweet("104", "u4"), tweet("103", "u3"), tweet("102", "u2"), tweet("101", "u1"),
                        user("u4", "AcmeAir"), user("u3", "acmeairhelp"), user("u2", "flyfree_deals"),
                        user("u1", "kim_flies"), id("104"), id("101")))));

        PollResult result = demoSource().poll(CURSOR);

        assertThat(result.mentions()).extracting(m -> m.author().handle()).containsExactly("kim_flies");
        assertThat(result.nextCursor()).isEqualTo(id("104"));
    }

    @Test
    void aCursorThatIsNoPostIdIsReadLikeAFirstPoll() throws Exception {
        PollResult result = demoSource().poll("{\"notifications\":\"4820187\"}");

        assertThat(result.mentions()).hasSize(6);
        x.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("since_id", absent()));
    }

    private static void failFirstSearchWith(ResponseDefinitionBuilder failure) {
        x.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("recovered")
                .willReturn(failure));
    }

    /** A page of posts newer than {@code sinceId}, newest first, at {@code token} (null for the first). */
    private static void stubPage(String sinceId, String token, String nextToken, int remaining, String... ids) {
        List<String> tweets = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (String n : ids) {
            tweets.add(tweet(n, "u" + n));
            users.add(user("u" + n, "pax" + n));
        }
        String meta = "\"newest_id\":\"" + id(ids[0]) + "\",\"oldest_id\":\"" + id(ids[ids.length - 1])
                + "\",\"result_count\":" + ids.length + (nextToken == null ? "" : ",\"next_token\":\"" + nextToken + "\"");
        MappingBuilder request = get(urlPathEqualTo(SEARCH)).withQueryParam("since_id", equalTo(sinceId)).atPriority(1)
                .withQueryParam("next_token", token == null ? absent() : equalTo(token));
        x.stubFor(request.willReturn(json(200, remaining, "{\"data\":[" + String.join(",", tweets)
                + "],\"includes\":{\"users\":[" + String.join(",", users) + "]},\"meta\":{" + meta + "}}")));
    }

    private static ResponseDefinitionBuilder json(int status, int remaining, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-rate-limit-limit", "450").withHeader("x-rate-limit-remaining", String.valueOf(remaining))
                .withHeader("x-rate-limit-reset", String.valueOf(Instant.now().plusSeconds(900).getEpochSecond()))
                .withBody(body);
    }

    private static String tweet(String n, String authorId) {
        return """
                {"id":"%s","edit_history_tweet_ids":["%s"],"text":"@acmeair message %s",
                 "created_at":"2026-11-20T10:%s:00.000Z","author_id":"%s","conversation_id":"%s","lang":"en",
                 "public_metrics":{"retweet_count":0,"reply_count":0,"like_count":1,"quote_count":0}}"""
                .formatted(id(n), id(n), n, n.substring(1), authorId, id(n));
    }

    private static String user(String userId, String username) {
        return """
                {"id":"%s","name":"%s","username":"%s","public_metrics":{"followers_count":10}}"""
                .formatted(userId, username, username);
    }

    /** A post id of the same shape as X's, ending in {@code n}. */
    private static String id(String n) {
        return "2123400000000000" + n;
    }
}
