package org.earshot.connector.feed;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FeedMentionSourceTest {
    private static final String CUSTOM = "/feeds/custom.xml";

    @RegisterExtension
    static WireMockExtension feeds = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/feed"))
            .build();

    private static MentionSource demoSource() {
        return FeedFixtures.connector(FeedFixtures.settings(feeds.baseUrl())).source();
    }

    private static MentionSource only(String path) {
        ObjectNode settings = FeedFixtures.settings(feeds.baseUrl());
        settings.putArray("feeds").add(feeds.baseUrl() + path);
        return FeedFixtures.connector(settings).source();
    }

    private static IncomingMention byId(List<IncomingMention> mentions, String id) {
        return mentions.stream().filter(m -> m.externalId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void firstPollReturnsTheEntriesNamingTheBrandFromEveryFeedOldestFirst() throws Exception {
        PollResult result = demoSource().poll(null);

        assertThat(result.mentions()).extracting(IncomingMention::externalId).containsExactly(
                FeedFixtures.PUNCTUAL, FeedFixtures.CREW, FeedFixtures.LISBON, FeedFixtures.REFUND, FeedFixtures.OUTAGE);
        assertThat(result.mentions()).allSatisfy(m -> {
            assertThat(m.platform()).isEqualTo(Platform.RSS);
            assertThat(m.threadKey()).isEmpty();
        });
        assertThat(result.quotaLeft()).isEqualTo(-1);
    }

    @Test
    void entriesThatDoNotNameTheBrandAreLeftOutButRemembered() throws Exception {
        PollResult result = demoSource().poll(null);

        assertThat(result.mentions()).extracting(IncomingMention::externalId)
                .doesNotContain(FeedFixtures.ZEPHYR, FeedFixtures.LOST_BAG);
        assertThat(result.nextCursor()).contains(FeedFixtures.ZEPHYR, FeedFixtures.LOST_BAG);
    }

    @Test
    void aFeedAllAboutTheBrandCanKeepEveryEntry() throws Exception {
        ObjectNode settings = FeedFixtures.settings(feeds.baseUrl());
        settings.putArray("feeds").add(feeds.baseUrl() + FeedFixtures.NEWS).addObject()
                .put("url", feeds.baseUrl() + FeedFixtures.REVIEWS).put("matchBrand", false);

        List<IncomingMention> mentions = FeedFixtures.connector(settings).source().poll(null).mentions();

        assertThat(mentions).hasSize(6).extracting(IncomingMention::externalId)
                .contains(FeedFixtures.LOST_BAG).doesNotContain(FeedFixtures.ZEPHYR);
    }

    @Test
    void entriesOfANewsFeedAreMarkedAsPressSoThatThePressOfficeAnswers() throws Exception {
        ObjectNode settings = FeedFixtures.settings(feeds.baseUrl());
        settings.putArray("feeds").addObject().put("url", feeds.baseUrl() + FeedFixtures.NEWS).put("press", true);
        settings.withArray("feeds").add(feeds.baseUrl() + FeedFixtures.REVIEWS);

        List<IncomingMention> mentions = FeedFixtures.connector(settings).source().poll(null).mentions();

        assertThat(byId(mentions, FeedFixtures.OUTAGE).replyContext()).containsEntry("press", "true");
        assertThat(mentions).filteredOn(m -> m.replyContext().get("feed").endsWith(FeedFixtures.REVIEWS)).isNotEmpty()
                .allSatisfy(m -> assertThat(m.replyContext()).doesNotContainKey("press"));
    }

    @Test
    void anRssItemBecomesTitleAndSummaryAsPlainTextWithItsAuthorAndLink() throws Exception {
        IncomingMention outage = byId(demoSource().poll(null).mentions(), FeedFixtures.OUTAGE);

        assertThat(outage.text()).isEqualTo("Passengers stranded overnight in Frankfurt after Acme Air check-in outage"
                + "\n\nHundreds of Acme Air passengers spent the night on terminal floors at Frankfurt after a"
                + " check-in system outage grounded evening departures. Families with small children and a wheelchair"
                + " user told us nobody from the airline came to help & no hotel vouchers were handed out."
                + "\n\n“We were told to rebook online, but the app kept crashing,” said one passenger.");
        assertThat(outage.subject()).isEmpty();
        assertThat(outage.author().handle()).isEqualTo("Hannah Brooks");
        assertThat(outage.author().name()).isEqualTo("Hannah Brooks");
        assertThat(outage.createdAt()).isEqualTo(Instant.parse("2026-11-19T08:55:00Z"));
        assertThat(outage.url()).isEqualTo("https://skyward-news.example/2026/11/19/acme-air-frankfurt-outage/");
        assertThat(outage.replyContext()).containsEntry("url", outage.url())
                .containsEntry("feed", feeds.baseUrl() + FeedFixtures.NEWS)
                .containsEntry("feedTitle", "Skyward Travel News");
    }

    @Test
    void anAtomEntryWithoutASummaryUsesItsContent() throws Exception {
        IncomingMention crew = byId(demoSource().poll(null).mentions(), FeedFixtures.CREW);

        assertThat(crew.text()).isEqualTo("Lovely crew, tight legroom ★★★★☆\n\nAcme Air's cabin crew on ACM208 were"
                + " wonderful with my toddler & made the flight easy.\n\nSeat pitch in row 22 is tight for anyone"
                + " over 1.80 m, though.");
        assertThat(crew.author().handle()).isEqualTo("Aisha B.");
        assertThat(crew.createdAt()).isEqualTo(Instant.parse("2026-11-18T08:30:00Z"));
        assertThat(crew.url()).isEqualTo("https://flyervoice.example/reviews/8795");
    }

    @Test
    void theCursorKeepsEachFeedsValidatorsAndTheIdsItRead() throws Exception {
        String cursor = demoSource().poll(null).nextCursor();

        var json = FeedFixtures.JSON.readTree(cursor);
        var news = json.path(feeds.baseUrl() + FeedFixtures.NEWS);
        // Kept as received: the stub's Jetty marks the ETag of a gzipped answer ("skyward-48213--gzip"), as
        // servers do, and understands it when it comes back.
        assertThat(news.path("etag").asText()).startsWith("\"skyward-48213");
        assertThat(news.path("lastModified").asText()).isEqualTo(FeedFixtures.NEWS_LAST_MODIFIED);
        assertThat(news.path("seen")).hasSize(4);
        var reviews = json.path(feeds.baseUrl() + FeedFixtures.REVIEWS);
        assertThat(reviews.has("etag")).isFalse();
        assertThat(reviews.path("lastModified").asText()).isEqualTo(FeedFixtures.REVIEWS_LAST_MODIFIED);
        assertThat(reviews.path("seen")).hasSize(3);
    }

    @Test
    void incrementalPollAsksConditionallyAndWithNothingNewKeepsTheCursor() throws Exception {
        MentionSource source = demoSource();
        String cursor = source.poll(null).nextCursor();
        feeds.resetRequests();

        PollResult result = source.poll(cursor);

        assertThat(result.mentions()).isEmpty();
        assertThat(result.nextCursor()).isEqualTo(cursor);
        feeds.verify(getRequestedFor(urlPathEqualTo(FeedFixtures.NEWS))
                .withHeader("If-None-Match", equalTo(FeedFixtures.NEWS_ETAG))
                .withHeader("If-Modified-Since", equalTo(FeedFixtures.NEWS_LAST_MODIFIED)));
        feeds.verify(getRequestedFor(urlPathEqualTo(FeedFixtures.REVIEWS))
                .withHeader("If-None-Match", absent())
                .withHeader("If-Modified-Since", equalTo(FeedFixtures.REVIEWS_LAST_MODIFIED)));
    }

    @Test
    void aChangedFeedYieldsOnlyTheEntriesNotReadBefore() throws Exception {
        String cursor = "{\"" + feeds.baseUrl() + FeedFixtures.NEWS + "\":{\"etag\":\"\\\"skyward-48207\\\"\",\"seen\":[\""
                + FeedFixtures.ZEPHYR + "\",\"" + FeedFixtures.LISBON + "\",\"" + FeedFixtures.PUNCTUAL + "\"]}}";

        PollResult result = only(FeedFixtures.NEWS).poll(cursor);

        assertThat(result.mentions()).extracting(IncomingMention::externalId).containsExactly(FeedFixtures.OUTAGE);
        assertThat(result.nextCursor()).contains("\"etag\":\"\\\"skyward-48213")
                .contains("\"seen\":[\"" + FeedFixtures.OUTAGE + "\",\"" + FeedFixtures.ZEPHYR);
        feeds.verify(getRequestedFor(urlPathEqualTo(FeedFixtures.NEWS))
                .withHeader("If-None-Match", equalTo("\"skyward-48207\"")));
    }

    @Test
    void atMostMaxEntriesPerPollAreReturnedAndTheRestComeNextTime() throws Exception {
        ObjectNode settings = FeedFixtures.settings(feeds.baseUrl());
        settings.put("maxEntriesPerPoll", 2);
        MentionSource source = FeedFixtures.connector(settings).source();

        PollResult first = source.poll(null);
        PollResult second = source.poll(first.nextCursor());
        PollResult third = source.poll(second.nextCursor());
        PollResult fourth = source.poll(third.nextCursor());

        assertThat(first.mentions()).extracting(IncomingMention::externalId)
                .containsExactly(FeedFixtures.PUNCTUAL, FeedFixtures.CREW);
        assertThat(second.mentions()).extracting(IncomingMention::externalId)
                .containsExactly(FeedFixtures.LISBON, FeedFixtures.REFUND);
        assertThat(third.mentions()).extracting(IncomingMention::externalId).containsExactly(FeedFixtures.OUTAGE);
        assertThat(fourth.mentions()).isEmpty();
    }

    @Test
    void oneBrokenFeedIsLoggedAndTheOthersStillArrive() throws Exception {
        feeds.stubFor(get(urlPathEqualTo(FeedFixtures.REVIEWS)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml").withBody("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>")));

        PollResult result;
        String log;
        try (CapturedLog captured = new CapturedLog()) {
            result = demoSource().poll(null);
            log = captured.text();
        }

        assertThat(result.mentions()).extracting(IncomingMention::externalId)
                .containsExactly(FeedFixtures.PUNCTUAL, FeedFixtures.LISBON, FeedFixtures.OUTAGE);
        assertThat(log).contains("WARN").contains("feed " + feeds.baseUrl() + FeedFixtures.REVIEWS
                + " cannot be read as RSS or Atom");
        assertThat(FeedFixtures.JSON.readTree(result.nextCursor()).path(feeds.baseUrl() + FeedFixtures.REVIEWS)
                .path("seen")).isEmpty();
    }

    @Test
    void whenEveryFeedFailsThePollFailsNamingEach() {
        feeds.stubFor(get(urlPathEqualTo(FeedFixtures.NEWS)).atPriority(1).willReturn(aResponse().withStatus(404)));
        feeds.stubFor(get(urlPathEqualTo(FeedFixtures.REVIEWS)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withBody("<html><body>Please enable cookies</body></html>")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> demoSource().poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageStartingWith("all 2 feeds failed: ")
                .hasMessageContaining("feed " + feeds.baseUrl() + FeedFixtures.NEWS + " is not there (404)")
                .hasMessageContaining("feed " + feeds.baseUrl() + FeedFixtures.REVIEWS + " cannot be read as RSS or Atom");
    }

    @Test
    void malformedXmlFailsNamingTheFeedAndReturnsNothing() {
        feeds.stubFor(get(urlPathEqualTo(FeedFixtures.NEWS)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml")
                .withBody("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Skyward</title><item>")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> only(FeedFixtures.NEWS).poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("feed " + feeds.baseUrl() + FeedFixtures.NEWS + " cannot be read as RSS or Atom");
    }

    @Test
    void aMissingFeedFailsPermanentlyNamingTheSetting() {
        feeds.stubFor(get(urlPathEqualTo(FeedFixtures.NEWS)).atPriority(1).willReturn(aResponse().withStatus(410)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> only(FeedFixtures.NEWS).poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessage("all 1 feeds failed: feed " + feeds.baseUrl() + FeedFixtures.NEWS
                + " is not there (410): check connectors.news.feeds[0]");
    }

    @Test
    void aFeedThatNeedsALoginFailsPermanently() {
        feeds.stubFor(get(urlPathEqualTo(FeedFixtures.NEWS)).atPriority(1).willReturn(aResponse().withStatus(401)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> only(FeedFixtures.NEWS).poll(null));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("refuses access (401)");
    }

    @Test
    void waitsAfterA429AsTheSiteAsksAndThenReads() throws Exception {
        failOnceThenServe(FeedFixtures.NEWS, aResponse().withStatus(429).withHeader("Retry-After", "1"));

        assertThat(only(FeedFixtures.NEWS).poll(null).mentions()).hasSize(3);
        feeds.verify(2, getRequestedFor(urlPathEqualTo(FeedFixtures.NEWS)));
    }

    @Test
    void serverErrorsAreRetriedAndThenReads() throws Exception {
        failOnceThenServe(FeedFixtures.NEWS, aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"));

        assertThat(only(FeedFixtures.NEWS).poll(null).mentions()).hasSize(3);
        feeds.verify(2, getRequestedFor(urlPathEqualTo(FeedFixtures.NEWS)));
    }

    @Test
    void aServerErrorThatLastsFailsThePollAsTransient() {
        feeds.stubFor(get(urlPathEqualTo(FeedFixtures.NEWS)).atPriority(1).willReturn(aResponse().withStatus(500)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> only(FeedFixtures.NEWS).poll(null));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining(FeedFixtures.NEWS).hasMessageContaining("HTTP 500 after 3 attempts");
        feeds.verify(3, getRequestedFor(urlPathEqualTo(FeedFixtures.NEWS)));
    }

    @Test
    void aResetConnectionIsRetriedAndThenReads() throws Exception {
        failOnceThenServe(FeedFixtures.NEWS, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(only(FeedFixtures.NEWS).poll(null).mentions()).hasSize(3);
        feeds.verify(2, getRequestedFor(urlPathEqualTo(FeedFixtures.NEWS)));
    }

    @Test
    void theBrandsOwnAndExcludedAuthorsAreLeftOut() throws Exception {
        MentionSource source = FeedFixtures.connector(FeedFixtures.settings(feeds.baseUrl()),
                FeedFixtures.brand(List.of("marco p."), List.of("@Hannah Brooks"))).source();

        List<IncomingMention> mentions = source.poll(null).mentions();

        assertThat(mentions).extracting(IncomingMention::externalId)
                .containsExactly(FeedFixtures.PUNCTUAL, FeedFixtures.CREW);
    }

    @Test
    void aFeedInLatin1IsReadInTheEncodingItDeclares() throws Exception {
        String rss = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\u00e9 Voyages"
                + "</title><link>https://cafe.example/</link><description>x</description><item><title>Acme Air: le caf\u00e9"
                + " \u00e0 bord est gratuit</title><link>https://cafe.example/1</link><guid>https://cafe.example/1</guid>"
                + "<pubDate>Thu, 19 Nov 2026 08:00:00 +0000</pubDate></item></channel></rss>";
        feeds.stubFor(get(urlPathEqualTo(CUSTOM)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withBody(rss.getBytes(StandardCharsets.ISO_8859_1))));

        IncomingMention mention = only(CUSTOM).poll(null).mentions().get(0);

        assertThat(mention.text()).isEqualTo("Acme Air: le caf\u00e9 \u00e0 bord est gratuit");
        assertThat(mention.author().handle()).isEqualTo("Caf\u00e9 Voyages");
    }

    @Test
    void anEntryWithoutAGuidIsKnownByItsLinkAndAFeedLocalGuidByTheFeedToo() throws Exception {
        stubCustomFeed("<item><title>Acme Air one</title><link>https://alerts.example/r/1</link></item>"
                + "<item><title>Acme Air two</title><link>/r/2</link><guid isPermaLink=\"false\">8812</guid></item>");

        List<IncomingMention> mentions = only(CUSTOM).poll(null).mentions();

        assertThat(mentions).extracting(IncomingMention::externalId)
                .containsExactlyInAnyOrder("https://alerts.example/r/1", feeds.baseUrl() + CUSTOM + "#8812");
        assertThat(mentions).extracting(IncomingMention::url)
                .containsExactlyInAnyOrder("https://alerts.example/r/1", feeds.baseUrl() + "/r/2");
    }

    @Test
    void aFeedWithADoctypeIsRefusedSoItCannotReadLocalFiles() {
        feeds.stubFor(get(urlPathEqualTo(CUSTOM)).willReturn(aResponse().withStatus(200).withBody(
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<rss version=\"2.0\"><channel><title>x</title><item><title>Acme Air &x;</title>"
                        + "<link>https://x.example/1</link></item></channel></rss>")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> only(CUSTOM).poll(null));

        assertThat(e).hasMessageContaining("cannot be read as RSS or Atom").message().doesNotContain("root:");
    }

    private static void stubCustomFeed(String items) {
        feeds.stubFor(get(urlPathEqualTo(CUSTOM)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Alerts</title>"
                        + "<link>https://alerts.example/</link><description>x</description>" + items
                        + "</channel></rss>")));
    }

    private static void failOnceThenServe(String path, ResponseDefinitionBuilder failure) {
        feeds.stubFor(get(urlPathEqualTo(path)).atPriority(1).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willSetStateTo("recovered").willReturn(failure));
    }
}
