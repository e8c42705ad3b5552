package org.earshot.connector.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.List;
import org.earshot.config.BrandConfig;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BlueskyMentionSourceTest {
    private static final String SEARCH = "/xrpc/app.bsky.feed.searchPosts";
    private static final String CREATE_SESSION = "/xrpc/com.atproto.server.createSession";
    private static final String REFRESH_SESSION = "/xrpc/com.atproto.server.refreshSession";
    private static final String PROFILES = "/xrpc/app.bsky.actor.getProfiles";
    private static final String T0 = "2026-11-20T10:00:00.000Z";

    @RegisterExtension
    static WireMockExtension bluesky = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/bluesky"))
            .build();

    private static MentionSource source(ObjectNode settings) {
        return BlueskyFixtures.connector(settings).source();
    }

    private static MentionSource demoSource() {
        return source(BlueskyFixtures.settings(bluesky.baseUrl()));
    }

    /** A source that runs the one search "acme air", so tests can count its requests. */
    private static MentionSource acmeAirOnly() {
        ObjectNode settings = BlueskyFixtures.settings(bluesky.baseUrl());
        settings.putArray("queries").add("acme air");
        return source(settings);
    }

    private static IncomingMention byUri(List<IncomingMention> mentions, String uri) {
        return mentions.stream().filter(m -> m.externalId().equals(uri)).findFirst().orElseThrow();
    }

    @Test
    void firstPollReturnsTheDemoMentionsOldestFirstWithACursorPerSearch() throws Exception {
        PollResult result = demoSource().poll(null);

        assertThat(result.mentions()).extracting(IncomingMention::externalId).containsExactly(
                BlueskyFixtures.MAYA_URI, BlueskyFixtures.TOMASZ_URI, BlueskyFixtures.PRIYA_URI,
                BlueskyFixtures.LENA_URI, BlueskyFixtures.DAN_URI, BlueskyFixtures.JO_URI);
        assertThat(result.mentions()).allSatisfy(m -> assertThat(m.platform()).isEqualTo(Platform.BLUESKY));
        assertThat(result.nextCursor()).isEqualTo(BlueskyFixtures.DEMO_CURSOR);
        assertThat(result.quotaLeft()).isEqualTo(2997);
    }

    @Test
    void firstPollRunsOneSearchPerBrandTermNewestFirstWithoutSince() throws Exception {
        demoSource().poll(null);

        for (String q : List.of("acme air", "acmeair", "#acmeair")) {
            bluesky.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo(q))
                    .withQueryParam("sort", equalTo("latest")).withQueryParam("limit", equalTo("100"))
                    .withQueryParam("since", absent()).withQueryParam("cursor", absent())
                    .withHeader("Authorization", equalTo("Bearer " + BlueskyFixtures.ACCESS_JWT)));
        }
        bluesky.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aMentionKeepsItsAuthorTextLinkAndWhatAReplyNeeds() throws Exception {
        IncomingMention dan = byUri(demoSource().poll(null).mentions(), BlueskyFixtures.DAN_URI);

        assertThat(dan.author().handle()).isEqualTo("dan-whitfield.bsky.social");
        assertThat(dan.author().name()).isEqualTo("Dan Whitfield");
        assertThat(dan.author().followers()).isEqualTo(388);
        assertThat(dan.text()).startsWith("URGENT @acmeair.bsky.social my mum (82, wheelchair)");
        assertThat(dan.createdAt()).isEqualTo(Instant.parse("2026-11-19T09:02:26.755Z"));
        assertThat(dan.url()).isEqualTo("https://bsky.app/profile/dan-whitfield.bsky.social/post/3n2nplji6hswp");
        assertThat(dan.threadKey()).isEmpty();
        assertThat(dan.replyContext()).containsEntry("uri", BlueskyFixtures.DAN_URI)
                .containsEntry("cid", BlueskyFixtures.DAN_CID).containsEntry("rootUri", BlueskyFixtures.DAN_URI)
                .containsEntry("rootCid", BlueskyFixtures.DAN_CID).containsEntry("handle", "dan-whitfield.bsky.social")
                .containsEntry("likes", "5").containsEntry("reposts", "17").containsEntry("replies", "3");
    }

    @Test
    void aReplyBelongsToItsThreadsRootAndIsAnsweredInThatThread() throws Exception {
        IncomingMention lena = byUri(demoSource().poll(null).mentions(), BlueskyFixtures.LENA_URI);

        assertThat(lena.threadKey()).isEqualTo(BlueskyFixtures.MAYA_URI);
        assertThat(lena.replyContext()).containsEntry("uri", BlueskyFixtures.LENA_URI)
                .containsEntry("rootUri", BlueskyFixtures.MAYA_URI).containsEntry("rootCid", BlueskyFixtures.MAYA_CID);
    }

    @Test
    void aQuotePostBelongsToThePostItQuotes() throws Exception {
        IncomingMention jo = byUri(demoSource().poll(null).mentions(), BlueskyFixtures.JO_URI);

        assertThat(jo.threadKey()).isEqualTo(BlueskyFixtures.OWN_URI);
        assertThat(jo.replyContext()).containsEntry("rootUri", BlueskyFixtures.JO_URI);
    }

    @Test
    void aPostFoundByTwoSearchesIsReturnedOnce() throws Exception {
        List<IncomingMention> mentions = demoSource().poll(null).mentions();

        assertThat(mentions).filteredOn(m -> m.externalId().equals(BlueskyFixtures.MAYA_URI)).hasSize(1);
    }

    @Test
    void theBrandsOwnPostsAreSkipped() throws Exception {
        List<IncomingMention> mentions = demoSource().poll(null).mentions();

        assertThat(mentions).extracting(IncomingMention::externalId).doesNotContain(BlueskyFixtures.OWN_URI);
        assertThat(mentions).extracting(m -> m.author().handle()).doesNotContain("acmeair.bsky.social");
    }

    @Test
    void theLoggedInAccountsPostsAreSkippedEvenWhenTheBrandDoesNotListIt() throws Exception {
        BrandConfig brand = BlueskyFixtures.brand();
        BrandConfig forgetful = new BrandConfig(brand.id(), brand.name(), brand.keywords(), brand.handles(),
                brand.hashtags(), brand.excludedWords(), brand.excludedAuthors(), List.of());

        List<IncomingMention> mentions = BlueskyFixtures.connector(BlueskyFixtures.settings(bluesky.baseUrl()),
                forgetful).source().poll(null).mentions();

        assertThat(mentions).extracting(IncomingMention::externalId).doesNotContain(BlueskyFixtures.OWN_URI);
    }

    @Test
    void excludedAuthorsAreSkippedByHandleInAnyCase() throws Exception {
        BrandConfig brand = BlueskyFixtures.brand();
        BrandConfig excluding = new BrandConfig(brand.id(), brand.name(), brand.keywords(), brand.handles(),
                brand.hashtags(), brand.excludedWords(), List.of("@Priya.Codes"), brand.ownAccounts());

        List<IncomingMention> mentions = BlueskyFixtures.connector(BlueskyFixtures.settings(bluesky.baseUrl()),
                excluding).source().poll(null).mentions();

        assertThat(mentions).hasSize(5).extracting(m -> m.author().handle()).doesNotContain("priya.codes");
    }

    @Test
    void incrementalPollWithNothingNewReturnsNothingAndKeepsTheCursor() throws Exception {
        PollResult result = demoSource().poll(BlueskyFixtures.DEMO_CURSOR);

        assertThat(result.mentions()).isEmpty();
        assertThat(result.nextCursor()).isEqualTo(BlueskyFixtures.DEMO_CURSOR);
        bluesky.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo("acme air"))
                .withQueryParam("since", equalTo("2026-11-19T09:02:26.755Z")));
        bluesky.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo("#acmeair"))
                .withQueryParam("since", equalTo("2026-11-19T09:10:44.486Z")));
    }

    @Test
    void logsInOnceAndKeepsTheSessionForLaterPolls() throws Exception {
        MentionSource source = demoSource();

        source.poll(null);
        source.poll(BlueskyFixtures.DEMO_CURSOR);

        bluesky.verify(1, postRequestedFor(urlPathEqualTo(CREATE_SESSION))
                .withRequestBody(matchingJsonPath("$.identifier", equalTo("acmeair.bsky.social")))
                .withRequestBody(matchingJsonPath("$.password", equalTo("abcd-efgh-ijkl-mnop"))));
        bluesky.verify(0, postRequestedFor(urlPathEqualTo(REFRESH_SESSION)));
    }

    @Test
    void pagesBackThroughTheSearchUntilItReachesTheCursor() throws Exception {
        stubPage("", "p2", 2990, searchHit("n4", "2026-11-20T10:04:00.000Z"), searchHit("n3", "2026-11-20T10:03:00.000Z"));
        stubPage("p2", "p3", 2989, searchHit("n2", "2026-11-20T10:02:00.000Z"), searchHit("n1", T0), searchHit("n0", T0),
                searchHit("old", "2026-11-20T09:59:00.000Z"));

        PollResult result = acmeAirOnly().poll(cursorAt(T0, uri("n0")));

        assertThat(result.mentions()).extracting(IncomingMention::externalId)
                .containsExactly(uri("n1"), uri("n2"), uri("n3"), uri("n4"));
        assertThat(result.nextCursor()).isEqualTo(cursorAt("2026-11-20T10:04:00Z", uri("n4")));
        bluesky.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
        bluesky.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("cursor", equalTo("p2"))
                .withQueryParam("since", equalTo("2026-11-20T10:00:00Z")));
    }

    @Test
    void postsAtTheCursorsInstantThatWereNotReadYetAreReturned() throws Exception {
        stubPage("", "", 2990, searchHit("n1", T0), searchHit("n0", T0));

        PollResult result = acmeAirOnly().poll(cursorAt(T0, uri("n0")));

        assertThat(result.mentions()).extracting(IncomingMention::externalId).containsExactly(uri("n1"));
        assertThat(result.nextCursor()).isEqualTo("{\"acme air\":{\"since\":\"2026-11-20T10:00:00Z\",\"uris\":[\""
                + uri("n0") + "\",\"" + uri("n1") + "\"]}}");
    }

    @Test
    void whenThePagesRunOutBeforeTheCursorTheGapIsLoggedAndThePollMovesOn() throws Exception {
        stubPage("", "p2", 2990, searchHit("n4", "2026-11-20T10:04:00.000Z"), searchHit("n3", "2026-11-20T10:03:00.000Z"));
        stubPage("p2", "p3", 2989, searchHit("n2", "2026-11-20T10:02:00.000Z"), searchHit("n1", "2026-11-20T10:01:00.000Z"));
        ObjectNode settings = BlueskyFixtures.settings(bluesky.baseUrl());
        settings.putArray("queries").add("acme air");
        settings.put("maxPagesPerPoll", 2);

        PollResult result;
        String log;
        try (CapturedLog captured = new CapturedLog()) {
            result = source(settings).poll(cursorAt(T0, uri("n0")));
            log = captured.text();
        }

        assertThat(result.mentions()).hasSize(4);
        assertThat(result.nextCursor()).isEqualTo(cursorAt("2026-11-20T10:04:00Z", uri("n4")));
        bluesky.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
        assertThat(log).contains("WARN").contains("the search 'acme air' has more new posts than 2 pages")
                .contains("posts from 2026-11-20T10:00:00Z to 2026-11-20T10:01:00Z were not read")
                .contains("Raise connectors.bluesky.maxPagesPerPoll");
    }

    @Test
    void whenNoRequestIsLeftTheOtherSearchesWaitWithTheirCursors() throws Exception {
        stubPage("", "", 0, searchHit("n1", "2026-11-20T10:01:00.000Z"));
        String cursor = "{\"acme air\":{\"since\":\"2026-11-20T10:00:00Z\",\"uris\":[]},"
                + "\"#acmeair\":{\"since\":\"2026-11-19T09:10:44.486Z\",\"uris\":[\"" + BlueskyFixtures.JO_URI + "\"]}}";

        PollResult result = demoSource().poll(cursor);

        assertThat(result.mentions()).extracting(IncomingMention::externalId).containsExactly(uri("n1"));
        assertThat(result.quotaLeft()).isZero();
        assertThat(result.nextCursor()).isEqualTo("{\"acme air\":{\"since\":\"2026-11-20T10:01:00Z\",\"uris\":[\""
                + uri("n1") + "\"]},\"#acmeair\":{\"since\":\"2026-11-19T09:10:44.486Z\",\"uris\":[\""
                + BlueskyFixtures.JO_URI + "\"]}}");
        bluesky.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
        bluesky.verify(0, getRequestedFor(urlPathEqualTo(PROFILES)));
    }

    @Test
    void theLanguageSettingFiltersTheSearch() throws Exception {
        ObjectNode settings = BlueskyFixtures.settings(bluesky.baseUrl());
        settings.put("language", "en");

        source(settings).poll(null);

        bluesky.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("lang", equalTo("en")));
    }

    @Test
    void followerCountsComeFromOneProfilesCallPerPoll() throws Exception {
        List<IncomingMention> mentions = demoSource().poll(null).mentions();

        assertThat(byUri(mentions, BlueskyFixtures.PRIYA_URI).author().followers()).isEqualTo(5120);
        bluesky.verify(1, getRequestedFor(urlPathEqualTo(PROFILES)));
        assertThat(bluesky.getAllServeEvents()).filteredOn(e -> e.getRequest().getUrl().startsWith(PROFILES))
                .singleElement().satisfies(e -> assertThat(e.getRequest().queryParameter("actors").values())
                        .hasSize(6).doesNotContain(BlueskyFixtures.OWN_DID));
    }

    @Test
    void mentionsStillArriveWhenTheFollowerCountsCannotBeRead() throws Exception {
        bluesky.stubFor(get(urlPathEqualTo(PROFILES)).atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"InvalidRequest\"}")));

        List<IncomingMention> mentions = demoSource().poll(null).mentions();

        assertThat(mentions).hasSize(6).allSatisfy(m -> assertThat(m.author().followers()).isZero());
    }

    @Test
    void waitsAfterA429AsBlueskyAsksAndThenReads() throws Exception {
        failOnceThenServeTheDemo(aResponse().withStatus(429).withHeader("ratelimit-limit", "3000")
                .withHeader("ratelimit-remaining", "0")
                .withHeader("ratelimit-reset", String.valueOf(Instant.now().getEpochSecond() + 1))
                .withHeader("Retry-After", "1")
                .withBody("{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}"));

        assertThat(acmeAirOnly().poll(null).mentions()).hasSize(5);
        bluesky.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aRateLimitResettingLaterThanAPollWaitsFailsWithTheTime() {
        bluesky.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("ratelimit-remaining", "0").withHeader("ratelimit-reset", "4070908800")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> acmeAirOnly().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("rate limited until 2099-01-01T00:00:00Z");
        bluesky.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void serverErrorsAreRetriedAndThenReads() throws Exception {
        bluesky.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willSetStateTo("second").willReturn(aResponse().withStatus(500)
                        .withBody("{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}")));
        bluesky.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).inScenario("flaky").whenScenarioStateIs("second")
                .willSetStateTo("recovered").willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        assertThat(acmeAirOnly().poll(null).mentions()).hasSize(5);
        bluesky.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aServerErrorThatLastsFailsThePollAsTransientAfterTheAttempts() {
        bluesky.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> acmeAirOnly().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining(SEARCH).hasMessageContaining("HTTP 500 after 3 attempts");
        bluesky.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aResetConnectionIsRetriedAndThenReads() throws Exception {
        failOnceThenServeTheDemo(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(acmeAirOnly().poll(null).mentions()).hasSize(5);
        bluesky.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void malformedJsonFailsThePollNamingTheUrlAndReturnsNothing() {
        bluesky.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"cursor\":\"6\",\"posts\":[{\"uri\":")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> acmeAirOnly().poll(null));

        assertThat(e).hasMessageStartingWith("Bluesky answered GET " + bluesky.baseUrl() + SEARCH)
                .hasMessageContaining("JSON that cannot be read");
    }

    @Test
    void anAnswerWithoutAListOfPostsFailsThePoll() {
        bluesky.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withBody("{\"cursor\":\"6\",\"posts\":{\"uri\":\"x\"}}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> acmeAirOnly().poll(null));

        assertThat(e).hasMessageContaining("without a list of posts");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheSearchSentAgain() throws Exception {
        failOnceThenServeTheDemo(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"));

        assertThat(acmeAirOnly().poll(null).mentions()).hasSize(5);
        bluesky.verify(1, postRequestedFor(urlPathEqualTo(REFRESH_SESSION))
                .withHeader("Authorization", equalTo("Bearer " + BlueskyFixtures.REFRESH_JWT)));
        bluesky.verify(1, postRequestedFor(urlPathEqualTo(CREATE_SESSION)));
        bluesky.verify(1, getRequestedFor(urlPathEqualTo(SEARCH))
                .withHeader("Authorization", equalTo("Bearer " + BlueskyFixtures.REFRESHED_ACCESS_JWT)));
    }

    @Test
    void anExpiredRefreshTokenLeadsToANewLogin() throws Exception {
        failOnceThenServeTheDemo(aResponse().withStatus(401)
                .withBody("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"));
        bluesky.stubFor(post(urlPathEqualTo(REFRESH_SESSION)).atPriority(1).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")));

        assertThat(acmeAirOnly().poll(null).mentions()).hasSize(5);
        bluesky.verify(2, postRequestedFor(urlPathEqualTo(CREATE_SESSION)));
    }

    @Test
    void aTokenRefusedAfterANewSessionFailsThePollPermanentlyAndNamesTheSettings() {
        bluesky.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"InvalidToken\",\"message\":\"Token could not be verified\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> acmeAirOnly().poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageStartingWith("Bluesky rejected the session of acmeair.bsky.social (401)"
                        + ": InvalidToken: Token could not be verified even after logging in again")
                .hasMessageContaining("check connectors.bluesky.identifier and connectors.bluesky.appPassword");
        bluesky.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
        bluesky.verify(1, postRequestedFor(urlPathEqualTo(REFRESH_SESSION)));
    }

    @Test
    void aForbiddenSearchFailsPermanentlyAfterOneNewSession() {
        bluesky.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":\"AccountTakedown\",\"message\":\"Account has been taken down\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> acmeAirOnly().poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("(403): AccountTakedown: Account has been taken down");
        bluesky.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
        bluesky.verify(1, postRequestedFor(urlPathEqualTo(REFRESH_SESSION)));
    }

    @Test
    void aWrongAppPasswordFailsPermanentlyWithoutShowingIt() {
        bluesky.stubFor(post(urlPathEqualTo(CREATE_SESSION)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> acmeAirOnly().poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessage("Bluesky refused to log in as acmeair.bsky.social (401): AuthenticationRequired:"
                        + " Invalid identifier or password: check connectors.bluesky.identifier and"
                        + " connectors.bluesky.appPassword (an app password from Settings → Privacy and security"
                        + " → App passwords)")
                .message().doesNotContain("abcd-efgh-ijkl-mnop");
        bluesky.verify(0, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aCursorThisConnectorDidNotWriteStartsOverFromTheNewestPage() throws Exception {
        PollResult result = demoSource().poll("{\"notifications\":\"4820187\"}");

        assertThat(result.mentions()).hasSize(6);
        assertThat(result.nextCursor()).isEqualTo(BlueskyFixtures.DEMO_CURSOR);
    }

    private static void failOnceThenServeTheDemo(ResponseDefinitionBuilder failure) {
        bluesky.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("recovered")
                .willReturn(failure));
    }

    private static String uri(String rkey) {
        return "at://did:plc:paxpaxpaxpaxpaxpaxpaxpax/app.bsky.feed.post/" + rkey;
    }

    private static String cursorAt(String since, String uri) {
        return "{\"acme air\":{\"since\":\"" + Instant.parse(since) + "\",\"uris\":[\"" + uri + "\"]}}";
    }

    private static String searchHit(String rkey, String at) {
        return """
                {"uri":"%s","cid":"bafyreicid%s",
                 "author":{"did":"did:plc:paxpaxpaxpaxpaxpaxpaxpax","handle":"pax-%s.bsky.social","displayName":"Pax"},
                 "record":{"$type":"app.bsky.feed.post","createdAt":"%s","text":"Acme Air message %s"},
                 "replyCount":0,"repostCount":0,"likeCount":0,"quoteCount":0,"indexedAt":"%s","labels":[]}
                """.formatted(uri(rkey), rkey, rkey, at, rkey, at);
    }

    /** One page of the "acme air" search asked for with {@code since} and the page cursor given. */
    private static void stubPage(String pageCursor, String nextCursor, int remaining, String... posts) {
        var request = get(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo("acme air"))
                .withQueryParam("since", matching(".+"));
        request = pageCursor.isEmpty() ? request.withQueryParam("cursor", absent())
                : request.withQueryParam("cursor", equalTo(pageCursor));
        bluesky.stubFor(request.atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("ratelimit-remaining", String.valueOf(remaining))
                .withHeader("ratelimit-reset", "1795600000")
                .withBody("{" + (nextCursor.isEmpty() ? "" : "\"cursor\":\"" + nextCursor + "\",")
                        + "\"posts\":[" + String.join(",", posts) + "]}")));
    }
}
