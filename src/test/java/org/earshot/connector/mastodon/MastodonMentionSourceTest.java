package org.earshot.connector.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.domain.IncomingMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MastodonMentionSourceTest {
    private static final String NOTIFICATIONS = "/api/v1/notifications";
    private static final String DEMO_CURSOR =
            "{\"notifications\":\"4820187\",\"tag:acmeair\":\"117642441523200013\"}";

    @RegisterExtension
    static WireMockExtension mastodon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/mastodon"))
            .build();

    private static MentionSource source(ObjectNode settings) {
        return MastodonFixtures.connector(settings).source();
    }

    private static MentionSource demoSource() {
        return source(MastodonFixtures.settings(mastodon.baseUrl()));
    }

    private static MentionSource notificationsOnly() {
        ObjectNode settings = MastodonFixtures.settings(mastodon.baseUrl());
        settings.putArray("hashtags");
        return source(settings);
    }

    private static IncomingMention byId(List<IncomingMention> mentions, String statusId) {
        return mentions.stream().filter(m -> m.externalId().equals(statusId)).findFirst().orElseThrow();
    }

    @Test
    void firstPollReturnsTheDemoMentionsOldestFirstAsTextWithoutHtml() throws Exception {
        PollResult result = demoSource().poll(null);

        List<IncomingMention> mentions = result.mentions();
        assertThat(mentions).hasSize(12);
        assertThat(mentions).extracting(IncomingMention::createdAt).isSorted();
        assertThat(mentions).allSatisfy(m -> assertThat(m.text()).doesNotContain("<p>", "<span", "<a ", "&lt;", "&amp;"));
        assertThat(byId(mentions, "117641891348480002").text())
                .contains("echoes <script>alert(1)</script> straight back")
                .contains("as my name.\n\nMight want to look at that");
        assertThat(byId(mentions, MastodonFixtures.SARAH_STATUS).text()).isEqualTo(
                "Great, another delay, love that for me. 🙃\nThird time this month, @acmeair.\n"
                        + "Gate B12 has seen more of me than my family has.\n\n#acmeair");
        assertThat(byId(mentions, "117642472652800010").text())
                .endsWith("all the details are here: https://help.example/acme-refund-case-88213");
        assertThat(byId(mentions, "117641974710272003").text()).contains("Please fix this & refund");
        assertThat(result.nextCursor()).isEqualTo(DEMO_CURSOR);
        assertThat(result.quotaLeft()).isEqualTo(296);
    }

    @Test
    void firstPollKeepsTheAuthorAndWhatAReplyNeeds() throws Exception {
        IncomingMention maria = byId(demoSource().poll(null).mentions(), MastodonFixtures.MARIA_STATUS);

        assertThat(maria.author().handle()).isEqualTo("maria_k@toot.example");
        assertThat(maria.author().name()).isEqualTo("Maria Kowalski");
        assertThat(maria.author().followers()).isEqualTo(412);
        assertThat(maria.createdAt()).isEqualTo(Instant.parse("2026-11-19T07:02:41Z"));
        assertThat(maria.url()).isEqualTo("https://toot.example/@maria_k/" + MastodonFixtures.MARIA_STATUS);
        assertThat(maria.replyContext()).containsEntry("statusId", MastodonFixtures.MARIA_STATUS)
                .containsEntry("acct", "maria_k@toot.example").containsEntry("visibility", "public")
                .containsEntry("url", maria.url());
    }

    @Test
    void aStatusInBothTheNotificationsAndTheTagTimelineIsReturnedOnce() throws Exception {
        List<IncomingMention> mentions = demoSource().poll(null).mentions();

        assertThat(mentions).filteredOn(m -> m.externalId().equals(MastodonFixtures.SARAH_STATUS)).hasSize(1);
    }

    @Test
    void theBrandsOwnStatusesAreSkipped() throws Exception {
        List<IncomingMention> mentions = demoSource().poll(null).mentions();

        assertThat(mentions).extracting(IncomingMention::externalId).doesNotContain(MastodonFixtures.OWN_STATUS);
        assertThat(mentions).extracting(m -> m.author().handle()).doesNotContain("acmeair");
    }

    @Test
    void incrementalPollWithNothingNewReturnsNothingAndKeepsTheCursor() throws Exception {
        PollResult result = demoSource().poll(DEMO_CURSOR);

        assertThat(result.mentions()).isEmpty();
        assertThat(result.nextCursor()).isEqualTo(DEMO_CURSOR);
        mastodon.verify(getRequestedFor(urlPathEqualTo(NOTIFICATIONS))
                .withQueryParam("min_id", equalTo("4820187")).withQueryParam("types[]", equalTo("mention"))
                .withHeader("Authorization", equalTo("Bearer test-token")));
        mastodon.verify(getRequestedFor(urlPathEqualTo("/api/v1/timelines/tag/acmeair"))
                .withQueryParam("min_id", equalTo("117642441523200013")));
    }

    @Test
    void firstPollTakesOnlyTheNewestPage() throws Exception {
        notificationsOnly().poll(null);

        mastodon.verify(1, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
        mastodon.verify(getRequestedFor(urlPathEqualTo(NOTIFICATIONS))
                .withQueryParam("min_id", absent()).withQueryParam("limit", equalTo("40")));
    }

    @Test
    void pagesForwardThroughLinkPrevWhileThePagesAreFull() throws Exception {
        stubPage("100", 1, "102", "101");
        stubPage("102", 1, "104", "103");
        ObjectNode settings = MastodonFixtures.settings(mastodon.baseUrl());
        settings.putArray("hashtags");
        settings.put("pageLimit", 2);

        PollResult result = source(settings).poll("{\"notifications\":\"100\"}");

        assertThat(result.mentions()).extracting(IncomingMention::externalId)
                .containsExactly("s101", "s102", "s103", "s104");
        assertThat(result.nextCursor()).isEqualTo("{\"notifications\":\"104\"}");
        mastodon.verify(3, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
        mastodon.verify(getRequestedFor(urlPathEqualTo(NOTIFICATIONS)).withQueryParam("min_id", equalTo("104")));
    }

    @Test
    void stopsPagingWhenNoRequestIsLeftAndReturnsTheCursorOfWhatItRead() throws Exception {
        stubPage("100", 0, "102", "101");
        ObjectNode settings = MastodonFixtures.settings(mastodon.baseUrl());
        settings.put("pageLimit", 2);

        PollResult result = source(settings).poll("{\"notifications\":\"100\",\"tag:acmeair\":\"900\"}");

        assertThat(result.mentions()).extracting(IncomingMention::externalId).containsExactly("s101", "s102");
        assertThat(result.nextCursor()).isEqualTo("{\"notifications\":\"102\",\"tag:acmeair\":\"900\"}");
        assertThat(result.quotaLeft()).isZero();
        mastodon.verify(1, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
        mastodon.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/timelines/tag/acmeair")));
    }

    @Test
    void stopsAfterMaxPagesPerPollAndGoesOnFromThereNextTime() throws Exception {
        stubPage("100", 1, "102", "101");
        ObjectNode settings = MastodonFixtures.settings(mastodon.baseUrl());
        settings.putArray("hashtags");
        settings.put("pageLimit", 2);
        settings.put("maxPagesPerPoll", 1);

        PollResult result = source(settings).poll("{\"notifications\":\"100\"}");

        assertThat(result.nextCursor()).isEqualTo("{\"notifications\":\"102\"}");
        mastodon.verify(1, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
    }

    @Test
    void waitsForTheRateLimitResetAfterA429AndThenReads() throws Exception {
        mastodon.stubFor(get(urlPathEqualTo(NOTIFICATIONS)).atPriority(1)
                .inScenario("rate limited").whenScenarioStateIs(STARTED).willSetStateTo("reset")
                .willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Limit", "300")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Instant.now().plusSeconds(1).toString())
                        .withBody("{\"error\":\"Too many requests\"}")));

        PollResult result = notificationsOnly().poll(null);

        assertThat(result.mentions()).hasSize(10);
        mastodon.verify(2, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
    }

    @Test
    void aRateLimitResettingLaterThanAPollWaitsFailsWithTheTime() {
        String reset = "2099-01-01T00:00:00Z";
        mastodon.stubFor(get(urlPathEqualTo(NOTIFICATIONS)).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", reset)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> notificationsOnly().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("rate limited until " + reset);
        mastodon.verify(1, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
    }

    @Test
    void aServerErrorIsRetriedAndThenReads() throws Exception {
        failOnceThenServeTheDemo(aResponse().withStatus(500).withBody("{\"error\":\"Internal error\"}"));

        assertThat(notificationsOnly().poll(null).mentions()).hasSize(10);
        mastodon.verify(2, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
    }

    @Test
    void aResetConnectionIsRetriedAndThenReads() throws Exception {
        failOnceThenServeTheDemo(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(notificationsOnly().poll(null).mentions()).hasSize(10);
        mastodon.verify(2, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
    }

    @Test
    void aServerErrorThatLastsFailsThePollAsTransientAfterTheAttempts() {
        mastodon.stubFor(get(urlPathEqualTo(NOTIFICATIONS)).atPriority(1)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> notificationsOnly().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("/api/v1/notifications").hasMessageContaining("HTTP 502 after 3 attempts");
        mastodon.verify(3, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
    }

    @Test
    void malformedJsonFailsThePollNamingTheUrlAndTheProblem() {
        mastodon.stubFor(get(urlPathEqualTo(NOTIFICATIONS)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("[{\"id\": \"4820190\", \"type\": ")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(DEMO_CURSOR));

        assertThat(e).hasMessageContaining("GET " + mastodon.baseUrl() + NOTIFICATIONS)
                .hasMessageContaining("JSON that cannot be read");
    }

    @Test
    void aRejectedTokenFailsThePollPermanentlyAndNamesTheSetting() {
        mastodon.stubFor(get(urlPathEqualTo(NOTIFICATIONS)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"The access token is invalid\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageStartingWith("Mastodon rejected the access token (401)")
                .hasMessageContaining("check connectors.mastodon.accessToken");
        mastodon.verify(1, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
    }

    @Test
    void excludedAuthorsAreSkipped() throws Exception {
        var brand = MastodonFixtures.brand();
        var excluding = new org.earshot.config.BrandConfig(brand.id(), brand.name(), brand.keywords(), brand.handles(),
                brand.hashtags(), brand.excludedWords(), List.of("@FlyFree_Deals@tootspam.example"), brand.ownAccounts());
        MentionSource source = new MastodonConnectorFactory()
                .create(MastodonFixtures.config(MastodonFixtures.settings(mastodon.baseUrl())), excluding).source();

        assertThat(source.poll(null).mentions()).extracting(m -> m.author().handle())
                .hasSize(11).doesNotContain("flyfree_deals@tootspam.example");
    }

    private static void failOnceThenServeTheDemo(ResponseDefinitionBuilder failure) {
        mastodon.stubFor(get(urlPathEqualTo(NOTIFICATIONS)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("recovered")
                .willReturn(failure));
    }

    /** A full page of notifications newer than {@code minId}, newest first, linking to the next one. */
    private static void stubPage(String minId, int remaining, String... ids) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i];
            body.append(i == 0 ? "" : ",").append("""
                    {"id":"%s","type":"mention","created_at":"2026-11-20T10:%s:00.000Z",
                     "account":{"id":"9%s","username":"pax%s","acct":"pax%s@toot.example","display_name":"Pax %s",
                                "followers_count":10,"url":"https://toot.example/@pax%s"},
                     "status":{"id":"s%s","created_at":"2026-11-20T10:%s:00.000Z","in_reply_to_id":null,
                               "visibility":"public","url":"https://toot.example/@pax%s/s%s",
                               "content":"<p>@acmeair message %s</p>",
                               "account":{"id":"9%s","username":"pax%s","acct":"pax%s@toot.example",
                                          "display_name":"Pax %s","followers_count":10,"url":"https://toot.example/@pax%s"},
                               "favourites_count":0,"reblogs_count":0,"replies_count":0}}
                    """.formatted(id, id.substring(1), id, id, id, id, id, id, id.substring(1), id, id, id, id, id,
                    id, id, id));
        }
        body.append("]");
        mastodon.stubFor(get(urlPathEqualTo(NOTIFICATIONS)).withQueryParam("min_id", equalTo(minId)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Remaining", String.valueOf(remaining))
                        .withHeader("X-RateLimit-Reset", "2026-11-20T10:05:00.000Z")
                        .withHeader("Link", "<https://mastodon.example/api/v1/notifications?max_id=" + ids[ids.length - 1]
                                + "&types%5B%5D=mention>; rel=\"next\", <https://mastodon.example/api/v1/notifications?min_id="
                                + ids[0] + "&types%5B%5D=mention>; rel=\"prev\"")
                        .withBody(body.toString())));
    }
}
