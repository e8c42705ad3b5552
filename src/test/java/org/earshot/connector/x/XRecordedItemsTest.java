package org.earshot.connector.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earshot.connector.PollResult;
import org.earshot.testing.CorpusFigures;
import org.earshot.testing.ItemMutations;
import org.earshot.testing.RecordedPayloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every post in the recorded X v2 answers (../shared/data/payloads/x) read by the real connector as a
 * search answer: none is unreadable, and each corrupted copy of one is stored or quarantined.
 */
class XRecordedItemsTest {
    private static final List<String> POST_ANSWERS = List.of("search_tweets_for_nyc.json", "search_tweets_query.json",
            "timeline_mentions.json", "timeline_reverse_chronological.json", "timeline_tweets.json",
            "tweet_quote_tweets_resp.json", "tweet_retweet_tweets_resp.json", "tweets_resp.json",
            "user_liked_tweets_resp.json", "tweet_resp.json");

    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/x"))
            .build();

    /** A recorded answer as a search answer: a single post ({@code GET /2/tweets/:id}) becomes a list of one. */
    private static ObjectNode answer(String file) throws Exception {
        ObjectNode json = (ObjectNode) XFixtures.JSON.readTree(RecordedPayloads.read("x", file));
        if (json.get("data").isObject()) {
            json.set("data", XFixtures.JSON.createArrayNode().add(json.get("data")));
        }
        return json;
    }

    private static PollResult poll(JsonNode answer) throws Exception {
        x.stubFor(get(urlPathEqualTo(XFixtures.SEARCH)).atPriority(0).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(answer.toString())));
        return XFixtures.connector(XFixtures.settings(x.baseUrl())).source().poll(null);
    }

    private static ObjectNode withOnly(ObjectNode answer, JsonNode post) {
        ObjectNode one = answer.deepCopy();
        one.set("data", XFixtures.JSON.createArrayNode().add(post));
        return one;
    }

    private static boolean isRetweet(JsonNode post) {
        for (JsonNode ref : post.path("referenced_tweets")) {
            if ("retweeted".equals(ref.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyRecordedPostIsStoredOrSkippedForAReasonAndNoneIsUnreadable() throws Exception {
        CorpusFigures figures = new CorpusFigures("x");
        for (String file : POST_ANSWERS) {
            ObjectNode answer = answer(file);
            PollResult result = poll(answer);
            assertThat(result.unreadable()).as(file).isEmpty();
            Map<String, Integer> why = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode post : answer.get("data")) {
                if (isRetweet(post)) {
                    why.merge("retweet", 1, Integer::sum);
                } else if (!seen.add(post.path("id").asText())) {
                    why.merge("same post twice", 1, Integer::sum);
                }
            }
            figures.add(answer.get("data").size(), result.mentions().size(), 0, why);
        }
        System.out.println("FIGURES " + figures);
        assertThat(figures.accountedFor()).isEqualTo(figures.read());
    }

    @Test
    void everyCorruptionOfARecordedPostIsStoredOrQuarantinedNeverLost() throws Exception {
        int stored = 0;
        int quarantined = 0;
        int skipped = 0;
        int mutations = 0;
        for (String file : List.of("search_tweets_query.json", "tweet_quote_tweets_resp.json", "timeline_mentions.json")) {
            ObjectNode answer = answer(file);
            JsonNode post = answer.get("data").get(0);
            for (ItemMutations.Mutation m : ItemMutations.of(post, 2)) {
                PollResult result = poll(withOnly(answer, m.item()));
                mutations++;
                int kept = result.mentions().size() + result.unreadable().size();
                // What says the post is a repost may make it one to skip.
                if (kept == 0 && m.path().startsWith("referenced_tweets")) {
                    skipped++;
                    continue;
                }
                assertThat(kept).as(file + ": " + m).isEqualTo(1);
                stored += result.mentions().size();
                quarantined += result.unreadable().size();
            }
        }
        System.out.println("FIGURES x mutations: " + mutations + " corrupted copies -> " + stored + " stored, "
                + quarantined + " quarantined, " + skipped + " skipped, 0 lost");
        assertThat(mutations).isPositive();
    }
}
