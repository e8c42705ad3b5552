package org.earshot.connector.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.earshot.connector.MentionSource;
import org.earshot.domain.IncomingMention;
import org.earshot.testing.RecordedPayloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * X search answers recorded from the real API (../shared/data/payloads/x, from python-twitter's
 * tests), served by WireMock to the real connector: X returns retweets despite {@code -is:retweet}.
 */
class XRecordedPayloadsTest {
    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/x"))
            .build();

    private static void searchAnswers(String path, String body) {
        x.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("x-rate-limit-remaining", "179")
                .withBody(body)));
    }

    private static List<IncomingMention> firstPoll(ObjectNode settings) throws Exception {
        MentionSource source = XFixtures.connector(settings).source();
        return source.poll(null).mentions();
    }

    @Test
    void retweetsXReturnsDespiteTheQueryAreDroppedAndOriginalPostsKept() throws Exception {
        searchAnswers(XFixtures.SEARCH, RecordedPayloads.read("x", "search_tweets_for_nyc.json"));

        List<IncomingMention> mentions = firstPoll(XFixtures.settings(x.baseUrl()));

        // 10 posts: 7 retweets (one of them also quoting), 3 posts of their authors' own.
        assertThat(mentions).extracting(IncomingMention::externalId)
                .containsExactlyInAnyOrder("1275840892281249793", "1275840891014561796", "1275840878238552064");
        assertThat(mentions).allSatisfy(m -> assertThat(m.text()).doesNotStartWith("RT @"));
        // That page has no "includes": the author is known by id only.
        assertThat(mentions).extracting(m -> m.author().handle()).contains("id:13524182");
    }

    @Test
    void withExcludeRetweetsOffTheRetweetsStay() throws Exception {
        searchAnswers(XFixtures.SEARCH, RecordedPayloads.read("x", "search_tweets_for_nyc.json"));
        ObjectNode settings = XFixtures.settings(x.baseUrl());
        settings.put("excludeRetweets", false);

        assertThat(firstPoll(settings)).hasSize(10);
    }

    @Test
    void postsOfTheBrandsOwnAccountInARecordedPageAreDropped() throws Exception {
        searchAnswers(XFixtures.SEARCH, RecordedPayloads.read("x", "search_tweets_query.json"));
        ObjectNode settings = XFixtures.settings(x.baseUrl());
        settings.put("brandAccount", "snowman");

        List<IncomingMention> mentions = firstPoll(settings);

        assertThat(mentions).extracting(m -> m.author().handle())
                .containsExactlyInAnyOrder("happycamper", "jellybeanjones");
    }

    @Test
    void v11DropsRetweetsToo() throws Exception {
        ObjectNode page = (ObjectNode) XFixtures.JSON.readTree(Files.readString(Path.of(
                "wiremock/x/__files/v1-search-tweets.json")));
        ArrayNode statuses = (ArrayNode) page.get("statuses");
        ObjectNode original = (ObjectNode) statuses.get(0);
        ObjectNode retweet = original.deepCopy();
        retweet.put("id", 2123352560235475000L).put("id_str", "2123352560235475000")
                .put("full_text", "RT @" + original.path("user").path("screen_name").asText() + ": "
                        + original.path("full_text").asText());
        ((ObjectNode) retweet.get("user")).put("screen_name", "someone_else").put("id", 99).put("id_str", "99");
        retweet.set("retweeted_status", original.deepCopy());
        statuses.insert(0, retweet);
        searchAnswers(XFixtures.V1_SEARCH, page.toString());

        List<IncomingMention> mentions = firstPoll(XFixtures.settingsV1(x.baseUrl()));

        assertThat(mentions).hasSize(statuses.size() - 1);
        assertThat(mentions).extracting(IncomingMention::externalId).doesNotContain("2123352560235475000")
                .contains(original.path("id_str").asText());
    }
}
