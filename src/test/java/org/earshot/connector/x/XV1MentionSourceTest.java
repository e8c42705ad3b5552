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
import static org.earshot.connector.x.XFixtures.V1_SEARCH;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** The v1.1 mode: the signed raw search and Twitter4J's reading of each status, against the stubs. */
class XV1MentionSourceTest {
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
        return source(XFixtures.settingsV1(x.baseUrl()));
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
        assertThat(result.mentions().get(0).createdAt()).isEqualTo(Instant.parse("2026-11-19T07:02:41Z"));
        assertThat(result.nextCursor()).isEqualTo(XFixtures.NEWEST);
        assertThat(result.quotaLeft()).isEqualTo(179);
        assertThat(byId(result.mentions(), XFixtures.CONVERSATION_REPLY).text())
                .endsWith("Still waiting on the refund & nobody replies");
    }

    @Test
    void firstPollSearchesForTheBrandSignedWithTheOAuth1Keys() throws Exception {
        demoSource().poll(null);

        x.verify(1, getRequestedFor(urlPathEqualTo(V1_SEARCH)));
        x.verify(getRequestedFor(urlPathEqualTo(V1_SEARCH))
                .withQueryParam("q", equalTo("(\"acme air\" OR \"acmeair\" OR @acmeair OR #acmeair)"
                        + " -from:acmeair -from:AcmeAirHelp -from:FlyFree_Deals -\"acme anvil\" -filter:retweets"))
                .withQueryParam("count", equalTo("100"))
                .withQueryParam("result_type", equalTo("recent"))
                .withQueryParam("tweet_mode", equalTo("extended"))
                .withQueryParam("since_id", absent())
                .withHeader("Authorization", containing("oauth_consumer_key=\"test-consumer-key\""))
                .withHeader("Authorization", containing("oauth_token=\"test-access-token\""))
                .withHeader("Authorization", containing("oauth_signature_method=\"HMAC-SHA1\"")));
    }

    @Test
    void aMentionKeepsItsAuthorTheirFollowersAndTheCountsV11Gives() throws Exception {
        IncomingMention urgent = byId(demoSource().poll(null).mentions(), XFixtures.URGENT);

        assertThat(urgent.author().handle()).isEqualTo("heidi_klein");
        assertThat(urgent.author().name()).isEqualTo("Heidi Klein");
        assertThat(urgent.author().followers()).isEqualTo(87);
        assertThat(urgent.url()).isEqualTo("https://x.com/heidi_klein/status/" + XFixtures.URGENT);
        assertThat(urgent.replyContext()).containsEntry("likes", "41").containsEntry("reposts", "14")
                .doesNotContainKey("replies");
    }

    @Test
    void repliesFoldIntoThePostTheyAnswerAndQuotesIntoThePostTheyQuote() throws Exception {
        List<IncomingMention> mentions = demoSource().poll(null).mentions();

        assertThat(byId(mentions, XFixtures.CONVERSATION_REPLY).threadKey()).isEqualTo(XFixtures.CONVERSATION_ROOT);
        assertThat(byId(mentions, XFixtures.QUOTE).threadKey()).isEqualTo(XFixtures.QUOTED_BRAND_POST);
        assertThat(byId(mentions, XFixtures.DANA).threadKey()).isEmpty();
    }

    @Test
    void incrementalPollWithNothingNewReturnsNothingAndKeepsTheCursor() throws Exception {
        PollResult result = demoSource().poll(XFixtures.NEWEST);

        assertThat(result.mentions()).isEmpty();
        assertThat(result.nextCursor()).isEqualTo(XFixtures.NEWEST);
        assertThat(result.quotaLeft()).isEqualTo(178);
        x.verify(1, getRequestedFor(urlPathEqualTo(V1_SEARCH)).withQueryParam("since_id", equalTo(XFixtures.NEWEST)));
    }

    @Test
    void pagesBackWithMaxIdKeepingSinceIdUntilXHasNoMore() throws Exception {
        stubPage(null, true, "105", "104");
        stubPage(id("103"), false, "103");

        PollResult result = demoSource().poll(CURSOR);

        assertThat(result.mentions()).extracting(IncomingMention::externalId).containsExactly(id("103"), id("104"), id("105"));
        assertThat(result.nextCursor()).isEqualTo(id("105"));
        assertThat(gaps).isEmpty();
        x.verify(getRequestedFor(urlPathEqualTo(V1_SEARCH)).withQueryParam("since_id", equalTo(CURSOR))
                .withQueryParam("max_id", equalTo(id("103"))));
    }

    @Test
    void stopsAfterMaxPagesPerPollAndReportsThePostsItSkipped() throws Exception {
        stubPage(null, true, "105", "104");
        ObjectNode settings = XFixtures.settingsV1(x.baseUrl());
        settings.put("maxPagesPerPoll", 1);

        PollResult result = source(settings).poll(CURSOR);

        assertThat(result.nextCursor()).isEqualTo(id("105"));
        assertThat(gaps).singleElement().asString().contains("maxPagesPerPoll (1)")
                .contains("newer than " + CURSOR + " and older than " + id("104"));
        x.verify(1, getRequestedFor(urlPathEqualTo(V1_SEARCH)));
    }

    @Test
    void waitsForTheRateLimitResetAfterA429AndThenReads() throws Exception {
        failFirstSearchWith(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("x-rate-limit-limit", "180").withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", String.valueOf(Instant.now().plusSeconds(1).getEpochSecond()))
                .withBody("{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}"));

        PollResult result = demoSource().poll(null);

        assertThat(result.mentions()).hasSize(6);
        x.verify(2, getRequestedFor(urlPathEqualTo(V1_SEARCH)));
    }

    @Test
    void aRateLimitResettingLaterThanAPollWaitsFailsTransientlyWithTheTime() {
        x.stubFor(get(urlPathEqualTo(V1_SEARCH)).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("x-rate-limit-limit", "180").withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", "4070908800")
                .withBody("{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("rate limited until 2099-01-01T00:00:00Z");
        x.verify(1, getRequestedFor(urlPathEqualTo(V1_SEARCH)));
    }

    @Test
    void aServerErrorIsRetriedAndThenReads() throws Exception {
        failFirstSearchWith(aResponse().withStatus(500)
                .withBody("{\"errors\":[{\"code\":131,\"message\":\"Internal error\"}]}"));

        assertThat(demoSource().poll(null).mentions()).hasSize(6);
        x.verify(2, getRequestedFor(urlPathEqualTo(V1_SEARCH)));
    }

    @Test
    void aResetConnectionIsRetriedAndThenReads() throws Exception {
        failFirstSearchWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(demoSource().poll(null).mentions()).hasSize(6);
        x.verify(2, getRequestedFor(urlPathEqualTo(V1_SEARCH)));
    }

    @Test
    void aServerErrorThatLastsFailsThePollAsTransientAfterTheAttempts() {
        x.stubFor(get(urlPathEqualTo(V1_SEARCH)).atPriority(1)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining(V1_SEARCH).hasMessageContaining("HTTP 502 after 3 attempts");
        x.verify(3, getRequestedFor(urlPathEqualTo(V1_SEARCH)));
    }

    @Test
    void malformedJsonFailsThePollNamingTheUrlAndTheProblem() {
        x.stubFor(get(urlPathEqualTo(V1_SEARCH)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("{\"statuses\":[{\"id\":2123400000000000105,")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(XFixtures.NEWEST));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("GET " + x.baseUrl() + V1_SEARCH)
                .hasMessageContaining("JSON that cannot be read");
    }

    @Test
    void rejectedKeysFailThePollPermanentlyAndNameTheSettings() {
        x.stubFor(get(urlPathEqualTo(V1_SEARCH)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":[{\"code\":32,\"message\":\"Could not authenticate you.\"}]}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessage("X rejected the OAuth 1.0a keys (401): check connectors.x.consumerKey, consumerSecret,"
                + " accessToken and accessTokenSecret; X said: Could not authenticate you.");
        x.verify(1, getRequestedFor(urlPathEqualTo(V1_SEARCH)));
    }

    @Test
    void anAppWithoutV11AccessIsToldToUseV2() {
        x.stubFor(get(urlPathEqualTo(V1_SEARCH)).atPriority(1).willReturn(aResponse().withStatus(403).withBody(
                "{\"errors\":[{\"message\":\"You currently have access to a subset of X API V2 endpoints and limited"
                        + " v1.1 endpoints only.\",\"code\":453}]}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("(403): You currently have access to a subset of X API V2 endpoints")
                .hasMessageEndingWith("this app has no v1.1 access; set connectors.x.api to v2");
    }

    private static void failFirstSearchWith(ResponseDefinitionBuilder failure) {
        x.stubFor(get(urlPathEqualTo(V1_SEARCH)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("recovered")
                .willReturn(failure));
    }

    /** A v1.1 search page newer than {@link #CURSOR}, newest first, from {@code maxId} (null for the first). */
    private static void stubPage(String maxId, boolean more, String... ids) {
        List<String> statuses = new ArrayList<>();
        for (String n : ids) {
            statuses.add("""
                    {"created_at":"Fri Nov 20 10:%s:00 +0000 2026","id":%s,"id_str":"%s","full_text":"@acmeair message %s",
                     "truncated":false,"entities":{"hashtags":[],"symbols":[],"user_mentions":[],"urls":[]},
                     "in_reply_to_status_id":null,"in_reply_to_status_id_str":null,
                     "user":{"id":9%s,"id_str":"9%s","name":"Pax %s","screen_name":"pax%s","followers_count":10},
                     "is_quote_status":false,"retweet_count":0,"favorite_count":1,"lang":"en"}"""
                    .formatted(n.substring(1), id(n), id(n), n, n, n, n, n));
        }
        String oldest = id(ids[ids.length - 1]);
        String next = more ? ",\"next_results\":\"?max_id=" + (Long.parseLong(oldest) - 1)
                + "&q=acmeair&count=100&include_entities=1&result_type=recent\"" : "";
        String body = "{\"statuses\":[" + String.join(",", statuses) + "],\"search_metadata\":{\"completed_in\":0.02,"
                + "\"max_id\":" + id(ids[0]) + ",\"max_id_str\":\"" + id(ids[0]) + "\"" + next + ",\"query\":\"acmeair\","
                + "\"refresh_url\":\"?since_id=" + id(ids[0]) + "&q=acmeair\",\"count\":100,\"since_id\":" + CURSOR
                + ",\"since_id_str\":\"" + CURSOR + "\"}}";
        x.stubFor(get(urlPathEqualTo(V1_SEARCH)).atPriority(1).withQueryParam("since_id", equalTo(CURSOR))
                .withQueryParam("max_id", maxId == null ? absent() : equalTo(maxId))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8")
                        .withHeader("x-rate-limit-limit", "180").withHeader("x-rate-limit-remaining", "170")
                        .withHeader("x-rate-limit-reset", String.valueOf(Instant.now().plusSeconds(900).getEpochSecond()))
                        .withBody(body)));
    }

    private static String id(String n) {
        return "2123400000000000" + n;
    }
}
