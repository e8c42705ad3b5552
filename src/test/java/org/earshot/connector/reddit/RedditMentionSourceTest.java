package org.earshot.connector.reddit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedditMentionSourceTest {
    private static final String SEARCH = "/search";
    private static final String TOKEN = "/api/v1/access_token";

    @RegisterExtension
    static WireMockExtension reddit = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/reddit"))
            .build();

    private static MentionSource source(ObjectNode settings) {
        return RedditFixtures.connector(settings).source();
    }

    private static MentionSource demoSource() {
        return source(RedditFixtures.settings(reddit.baseUrl()));
    }

    private static MentionSource withComments() {
        ObjectNode settings = RedditFixtures.settings(reddit.baseUrl());
        settings.put("includeComments", true);
        return source(settings);
    }

    private static IncomingMention byId(List<IncomingMention> mentions, String fullname) {
        return mentions.stream().filter(m -> m.externalId().equals(fullname)).findFirst().orElseThrow();
    }

    @Test
    void firstPollReturnsTheDemoPostsOldestFirstAsTitleAndText() throws Exception {
        PollResult result = demoSource().poll(null);

        assertThat(result.mentions()).extracting(IncomingMention::externalId).containsExactly(
                RedditFixtures.DOUBLE_CHARGE_POST, RedditFixtures.PRAISE_POST, RedditFixtures.GUITAR_POST,
                RedditFixtures.STRANDED_POST);
        assertThat(result.mentions()).extracting(IncomingMention::createdAt).isSorted();
        assertThat(byId(result.mentions(), RedditFixtures.DOUBLE_CHARGE_POST).text()).isEqualTo(
                "Acme Air charged me twice for seat selection and keeps closing my ticket\n\n"
                        + "Booked two seats on ACM207 in October & my card shows two charges of €38 for the same seat"
                        + " selection (€38 + €38 <- same seat, same booking).\n\n"
                        + "I've opened three support tickets. Each one gets closed as \"resolved\" with no refund and"
                        + " no reply. Has anyone had luck getting money back from Acme Air, or should I just do a"
                        + " chargeback?");
        assertThat(result.nextCursor()).isEqualTo(RedditFixtures.DEMO_CURSOR);
        assertThat(result.quotaLeft()).isEqualTo(99);
    }

    @Test
    void firstPollKeepsTheAuthorTheLinkAndWhatAReplyNeeds() throws Exception {
        IncomingMention stranded = byId(demoSource().poll(null).mentions(), RedditFixtures.STRANDED_POST);

        assertThat(stranded.platform()).isEqualTo(Platform.REDDIT);
        assertThat(stranded.author().handle()).isEqualTo("tired_in_terminal3");
        assertThat(stranded.author().name()).isEmpty();
        assertThat(stranded.author().followers()).isZero();
        assertThat(stranded.createdAt()).isEqualTo(Instant.parse("2026-11-19T08:21:40Z"));
        assertThat(stranded.subject()).isEqualTo("r/travel");
        assertThat(stranded.threadKey()).isEmpty();
        assertThat(stranded.url()).isEqualTo(
                "https://www.reddit.com/r/travel/comments/1pq2e4m/stranded_at_ord_after_acme_air_cancelled_our/");
        assertThat(stranded.replyContext()).containsEntry("fullname", RedditFixtures.STRANDED_POST)
                .containsEntry("author", "tired_in_terminal3").containsEntry("subreddit", "travel")
                .containsEntry("score", "14").containsEntry("numComments", "9")
                .containsEntry("url", stranded.url());
    }

    @Test
    void theBrandsOwnPostsAreSkippedButMoveTheCursor() throws Exception {
        PollResult result = demoSource().poll(null);

        assertThat(result.mentions()).extracting(IncomingMention::externalId).doesNotContain(RedditFixtures.OWN_POST);
        assertThat(result.mentions()).extracting(m -> m.author().handle()).doesNotContain("acmeair");
        assertThat(result.nextCursor()).contains(RedditFixtures.OWN_POST);
    }

    @Test
    void excludedAuthorsAreSkipped() throws Exception {
        BrandConfig brand = RedditFixtures.brand();
        BrandConfig excluding = new BrandConfig(brand.id(), brand.name(), brand.keywords(), brand.handles(),
                brand.hashtags(), brand.excludedWords(), List.of("u/Fret_Not_88"), brand.ownAccounts());
        MentionSource source = new RedditConnectorFactory()
                .create(RedditFixtures.config(RedditFixtures.settings(reddit.baseUrl())), excluding).source();

        assertThat(source.poll(null).mentions()).extracting(IncomingMention::externalId)
                .hasSize(3).doesNotContain(RedditFixtures.GUITAR_POST);
    }

    @Test
    void searchesNewestFirstForTheBrandsWordsWithTheTokenAndTheUserAgent() throws Exception {
        demoSource().poll(null);

        reddit.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        reddit.verify(postRequestedFor(urlPathEqualTo(TOKEN))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(
                        "test-client-id", "test-client-secret"))
                .withHeader("User-Agent", equalTo(RedditFixtures.USER_AGENT))
                .withFormParam("grant_type", equalTo("password"))
                .withFormParam("username", equalTo("acmeair"))
                .withFormParam("password", equalTo("test-password")));
        reddit.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
        reddit.verify(getRequestedFor(urlPathEqualTo(SEARCH))
                .withQueryParam("q", equalTo("\"acme air\" OR acmeair"))
                .withQueryParam("sort", equalTo("new"))
                .withQueryParam("limit", equalTo("100"))
                .withQueryParam("type", equalTo("link"))
                .withQueryParam("raw_json", equalTo("1"))
                .withQueryParam("after", absent())
                .withQueryParam("restrict_sr", absent())
                .withHeader("Authorization", equalTo("bearer " + RedditFixtures.TOKEN))
                .withHeader("User-Agent", equalTo(RedditFixtures.USER_AGENT)));
    }

    @Test
    void incrementalPollWithNothingNewReturnsNothingAndKeepsTheCursor() throws Exception {
        PollResult result = demoSource().poll(RedditFixtures.DEMO_CURSOR);

        assertThat(result.mentions()).isEmpty();
        assertThat(result.nextCursor()).isEqualTo(RedditFixtures.DEMO_CURSOR);
        reddit.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void incrementalPollReturnsOnlyWhatIsNewerThanTheCursor() throws Exception {
        PollResult result = demoSource().poll("{\"posts\":{\"name\":\"t3_1pq2a1k\",\"created\":1795074482}}");

        assertThat(result.mentions()).extracting(IncomingMention::externalId)
                .containsExactly(RedditFixtures.GUITAR_POST, RedditFixtures.STRANDED_POST);
        assertThat(result.nextCursor()).isEqualTo(RedditFixtures.DEMO_CURSOR);
    }

    @Test
    void aCursorWhoseThingWasDeletedStillStopsAtOlderThings() throws Exception {
        PollResult result = demoSource().poll("{\"posts\":{\"name\":\"t3_1pq2b00\",\"created\":1795075000}}");

        assertThat(result.mentions()).extracting(IncomingMention::externalId)
                .containsExactly(RedditFixtures.GUITAR_POST, RedditFixtures.STRANDED_POST);
    }

    @Test
    void firstPollTakesOnlyTheNewestPage() throws Exception {
        ObjectNode settings = RedditFixtures.settings(reddit.baseUrl());
        settings.put("pageLimit", 5);

        source(settings).poll(null);

        reddit.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
        reddit.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("limit", equalTo("5")));
    }

    @Test
    void pagesBackWithAfterUntilItReachesTheCursor() throws Exception {
        stubPage(null, "t3_104", "t3_105", "t3_104");
        stubPage("t3_104", "t3_102", "t3_103", "t3_102");
        stubPage("t3_102", "t3_0zz", "t3_101", "t3_100", "t3_0zz");

        PollResult result = demoSource().poll(cursor("t3_100"));

        assertThat(result.mentions()).extracting(IncomingMention::externalId)
                .containsExactly("t3_101", "t3_102", "t3_103", "t3_104", "t3_105");
        assertThat(result.nextCursor()).isEqualTo(cursor("t3_105"));
        reddit.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)));
        reddit.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("after", equalTo("t3_102")));
    }

    @Test
    void aGapIsLoggedWhenTheResultsEndBeforeTheCursor() throws Exception {
        stubPage(null, "t3_104", "t3_105", "t3_104");
        stubPage("t3_104", null, "t3_103");
        String[] result = new String[1];

        String log = RedditFixtures.logOf(() -> result[0] = demoSource().poll(cursor("t3_100")).nextCursor());

        assertThat(result[0]).isEqualTo(cursor("t3_105"));
        assertThat(log).contains("WARN").contains("connectors.reddit: gap in the Reddit posts search: read 2 page(s)"
                + " back to t3_103").contains("without reaching the cursor t3_100").contains("the search results ended");
    }

    @Test
    void aGapIsLoggedWhenMaxPagesPerPollIsSpentBeforeTheCursor() throws Exception {
        stubPage(null, "t3_104", "t3_105", "t3_104");
        ObjectNode settings = RedditFixtures.settings(reddit.baseUrl());
        settings.put("maxPagesPerPoll", 1);
        PollResult[] result = new PollResult[1];

        String log = RedditFixtures.logOf(() -> result[0] = source(settings).poll(cursor("t3_100")));

        assertThat(result[0].mentions()).extracting(IncomingMention::externalId).containsExactly("t3_104", "t3_105");
        assertThat(result[0].nextCursor()).isEqualTo(cursor("t3_105"));
        assertThat(log).contains("gap in the Reddit posts search").contains("connectors.reddit.maxPagesPerPoll");
        reddit.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void noGapIsLoggedWhenTheCursorIsReached() throws Exception {
        String log = RedditFixtures.logOf(() -> demoSource().poll(RedditFixtures.DEMO_CURSOR));

        assertThat(log).doesNotContain("gap");
    }

    @Test
    void commentsAreSearchedWhenAskedAndKeepTheirThread() throws Exception {
        PollResult result = withComments().poll(null);

        assertThat(result.mentions()).extracting(IncomingMention::externalId).hasSize(6)
                .contains(RedditFixtures.OHARE_COMMENT, RedditFixtures.MILES_COMMENT)
                .doesNotContain(RedditFixtures.OWN_COMMENT);
        assertThat(result.mentions()).extracting(IncomingMention::createdAt).isSorted();
        IncomingMention ohare = byId(result.mentions(), RedditFixtures.OHARE_COMMENT);
        assertThat(ohare.threadKey()).isEqualTo(RedditFixtures.STRANDED_POST);
        assertThat(ohare.text()).startsWith("Same thing happened to us with Acme Air last month");
        assertThat(ohare.subject()).isEqualTo(
                "r/travel: Stranded at ORD after Acme Air cancelled our connection, with a 4-year-old and no hotel");
        assertThat(ohare.replyContext()).containsEntry("linkId", RedditFixtures.STRANDED_POST)
                .containsEntry("score", "8");
        assertThat(result.nextCursor()).isEqualTo(RedditFixtures.DEMO_CURSOR_WITH_COMMENTS);
        reddit.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("type", equalTo("comment")));
    }

    @Test
    void commentsPolledFromTheirCursorReturnNothingNew() throws Exception {
        PollResult result = withComments().poll(RedditFixtures.DEMO_CURSOR_WITH_COMMENTS);

        assertThat(result.mentions()).isEmpty();
        assertThat(result.nextCursor()).isEqualTo(RedditFixtures.DEMO_CURSOR_WITH_COMMENTS);
    }

    @Test
    void theSearchIsRestrictedToTheListedSubreddits() throws Exception {
        ObjectNode settings = RedditFixtures.settings(reddit.baseUrl());
        settings.putArray("subreddits").add("r/travel").add("flights");

        assertThat(source(settings).poll(null).mentions()).hasSize(4);

        reddit.verify(getRequestedFor(urlPathEqualTo("/r/travel+flights/search"))
                .withQueryParam("restrict_sr", equalTo("on")).withQueryParam("sort", equalTo("new")));
    }

    @Test
    void theTokenIsReusedByLaterPolls() throws Exception {
        MentionSource source = demoSource();

        source.poll(null);
        source.poll(RedditFixtures.DEMO_CURSOR);

        reddit.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        reddit.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndThePollGoesOn() throws Exception {
        reddit.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1)
                .inScenario("expired").whenScenarioStateIs(STARTED).willSetStateTo("renewed")
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate",
                        "Bearer realm=\"reddit\", error=\"invalid_token\"")
                        .withBody("{\"message\": \"Unauthorized\", \"error\": 401}")));

        assertThat(demoSource().poll(null).mentions()).hasSize(4);

        reddit.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
        reddit.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aTokenRefusedAgainAfterANewLoginFailsThePollPermanently() {
        reddit.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"Unauthorized\", \"error\": 401}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageStartingWith("Reddit rejected the access token (401) even after a new login")
                .hasMessageContaining("check connectors.reddit.clientId");
        reddit.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
        reddit.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aForbiddenSearchFailsThePollPermanently() {
        reddit.stubFor(get(urlPathEqualTo("/r/secretairline/search")).atPriority(1).willReturn(aResponse()
                .withStatus(403).withBody("{\"reason\": \"private\", \"message\": \"Forbidden\", \"error\": 403}")));
        ObjectNode settings = RedditFixtures.settings(reddit.baseUrl());
        settings.putArray("subreddits").add("secretairline");

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> source(settings).poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("(403): Forbidden").hasMessageContaining("may be private");
        reddit.verify(1, getRequestedFor(urlPathEqualTo("/r/secretairline/search")));
    }

    @Test
    void wrongAppCredentialsFailThePollPermanentlyAndNameTheSettings() {
        ObjectNode settings = RedditFixtures.settings(reddit.baseUrl());
        reddit.stubFor(post(urlPathEqualTo(TOKEN)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"Unauthorized\", \"error\": 401}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> source(settings).poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageStartingWith("Reddit rejected the app's credentials (401)")
                .hasMessageContaining("check connectors.reddit.clientId and connectors.reddit.clientSecret")
                .hasMessageNotContaining("test-client-secret");
        reddit.verify(0, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aWrongPasswordFailsThePollPermanentlyWithoutShowingIt() {
        reddit.stubFor(post(urlPathEqualTo(TOKEN)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": \"invalid_grant\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageStartingWith("Reddit refused to log in as u/acmeair (invalid_grant)")
                .hasMessageContaining("check connectors.reddit.username and connectors.reddit.password")
                .hasMessageNotContaining("test-password");
    }

    @Test
    void waitsForTheRateLimitResetAfterA429AndThenReads() throws Exception {
        failFirstSearch(aResponse().withStatus(429).withHeader("X-Ratelimit-Used", "100")
                .withHeader("X-Ratelimit-Remaining", "0.0").withHeader("X-Ratelimit-Reset", "1")
                .withBody("{\"message\": \"Too Many Requests\", \"error\": 429}"));

        PollResult result = demoSource().poll(null);

        assertThat(result.mentions()).hasSize(4);
        reddit.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aRateLimitResettingLaterThanAPollWaitsFailsWithTheTime() {
        reddit.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("X-Ratelimit-Remaining", "0.0").withHeader("X-Ratelimit-Reset", "540")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("GET " + reddit.baseUrl() + SEARCH).hasMessageContaining("rate limited until");
        reddit.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void serverErrorsAreRetriedAndThenReads() throws Exception {
        reddit.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("second")
                .willReturn(aResponse().withStatus(500).withBody("<html>500 Internal Server Error</html>")));
        reddit.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs("second").willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503).withBody("<html>all our servers are busy</html>")));

        assertThat(demoSource().poll(null).mentions()).hasSize(4);

        reddit.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aResetConnectionIsRetriedAndThenReads() throws Exception {
        failFirstSearch(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(demoSource().poll(null).mentions()).hasSize(4);

        reddit.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aServerErrorThatLastsFailsThePollAsTransientAfterTheAttempts() {
        reddit.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("<html>500 Internal Server Error</html>")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining(SEARCH).hasMessageContaining("HTTP 500 after 3 attempts");
        reddit.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void malformedJsonFailsThePollNamingTheUrlAndTheProblem() {
        reddit.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"kind\": \"Listing\", \"data\": {\"children\": [{\"kind\": \"t3\", ")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> demoSource().poll(RedditFixtures.DEMO_CURSOR));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageStartingWith("Reddit answered GET " + reddit.baseUrl() + SEARCH)
                .hasMessageContaining("JSON that cannot be read");
    }

    @Test
    void jsonThatIsNoListingFailsThePollSayingWhatCame() {
        reddit.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"kind\": \"t3\", \"data\": {}}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("is not a Listing of things: {\"kind\":\"t3\"");
    }

    @Test
    void anUnreadableCursorIsLoggedAndTreatedAsAFirstPoll() throws Exception {
        PollResult[] result = new PollResult[1];

        String log = RedditFixtures.logOf(() -> result[0] = demoSource().poll("4820187"));

        assertThat(result[0].mentions()).hasSize(4);
        assertThat(log).contains("connectors.reddit: the saved cursor '4820187' is not a Reddit cursor");
    }

    private static String cursor(String fullname) {
        return "{\"posts\":{\"name\":\"" + fullname + "\",\"created\":" + created(fullname) + "}}";
    }

    private static long created(String fullname) {
        return 1795080000L + Long.parseLong(fullname.substring(3), 36);
    }

    private static void failFirstSearch(ResponseDefinitionBuilder failure) {
        reddit.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("recovered")
                .willReturn(failure));
    }

    /** A page of posts, newest first, reached with {@code after} (null: the first page) and linking on to {@code next}. */
    private static void stubPage(String after, String next, String... fullnames) {
        StringBuilder children = new StringBuilder();
        for (String name : fullnames) {
            String id = name.substring(3);
            children.append(children.length() == 0 ? "" : ",").append("""
                    {"kind":"t3","data":{"subreddit":"travel","selftext":"Acme Air post %s","title":"About acme air %s",
                     "name":"%s","id":"%s","author":"pax_%s","score":1,"num_comments":0,
                     "created":%d.0,"created_utc":%d.0,"permalink":"/r/travel/comments/%s/about_acme_air/"}}
                    """.formatted(id, id, name, id, id, created(name), created(name), id));
        }
        String body = """
                {"kind":"Listing","data":{"after":%s,"dist":%d,"modhash":"","children":[%s],"before":null}}
                """.formatted(next == null ? "null" : "\"" + next + "\"", fullnames.length, children);
        reddit.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1).withQueryParam("type", equalTo("link"))
                .withQueryParam("after", after == null ? absent() : equalTo(after))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("X-Ratelimit-Remaining", "90.0").withHeader("X-Ratelimit-Reset", "300")
                        .withBody(body)));
    }
}
