package org.earshot.connector.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.earshot.connector.PollResult;
import org.earshot.testing.CorpusFigures;
import org.earshot.testing.ItemMutations;
import org.earshot.testing.RecordedPayloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every post view in the recorded Bluesky answers (../shared/data/payloads/bluesky) read by the real
 * connector as a search answer: none is unreadable, and each corrupted copy of one is stored or quarantined.
 */
class BlueskyRecordedItemsTest {
    @RegisterExtension
    static WireMockExtension bluesky = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/bluesky"))
            .build();

    /** The post views of the recorded answers: lists of posts, feeds' posts, threads' posts and their replies. */
    private static Map<String, ArrayNode> recordedPosts() throws Exception {
        Map<String, ArrayNode> out = new LinkedHashMap<>();
        for (String file : new String[] {"atproto.dart__feed_getPosts.json", "atproto.dart__feed_searchPosts.json"}) {
            out.put(file, (ArrayNode) json(file).get("posts"));
        }
        ArrayNode feed = BlueskyFixtures.JSON.createArrayNode();
        json("atproto.dart__feed_getAuthorFeed.json").get("feed").forEach(item -> feed.add(item.get("post")));
        out.put("atproto.dart__feed_getAuthorFeed.json", feed);
        for (String file : new String[] {"atproto.dart__feed_getPostThread.json",
                "atproto.dart__getPostThread_2023-04-22.json", "atproto.dart__getPostThread_2023-04-30.json"}) {
            ArrayNode thread = BlueskyFixtures.JSON.createArrayNode();
            collect(json(file).get("thread"), thread);
            out.put(file, thread);
        }
        return out;
    }

    private static void collect(JsonNode threadView, ArrayNode into) {
        if (threadView.path("post").isObject()) {
            into.add(threadView.get("post"));
        }
        if (threadView.path("parent").isObject()) {
            collect(threadView.get("parent"), into);
        }
        threadView.path("replies").forEach(reply -> collect(reply, into));
    }

    private static JsonNode json(String file) throws Exception {
        return BlueskyFixtures.JSON.readTree(RecordedPayloads.read("bluesky", file));
    }

    private static PollResult poll(ArrayNode posts) throws Exception {
        ObjectNode answer = BlueskyFixtures.JSON.createObjectNode();
        answer.set("posts", posts);
        bluesky.stubFor(get(urlPathEqualTo(BlueskyUnreadableItemsTest.SEARCH)).atPriority(0).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(answer.toString())));
        return BlueskyFixtures.connector(BlueskyUnreadableItemsTest.oneSearch(bluesky.baseUrl())).source().poll(null);
    }

    @Test
    void everyRecordedPostIsStoredOrSkippedForAReasonAndNoneIsUnreadable() throws Exception {
        CorpusFigures figures = new CorpusFigures("bluesky");
        for (Map.Entry<String, ArrayNode> page : recordedPosts().entrySet()) {
            PollResult result = poll(page.getValue());
            assertThat(result.unreadable()).as(page.getKey()).isEmpty();
            Map<String, Integer> why = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode post : page.getValue()) {
                if (!seen.add(post.path("uri").asText())) {
                    why.merge("same post twice", 1, Integer::sum);
                } else if (post.path("author").path("did").asText().equals(BlueskyFixtures.OWN_DID)) {
                    why.merge("the brand's own", 1, Integer::sum);
                }
            }
            figures.add(page.getValue().size(), result.mentions().size(), 0, why);
        }
        System.out.println("FIGURES " + figures);
        assertThat(figures.accountedFor()).isEqualTo(figures.read());
    }

    @Test
    void everyCorruptionOfARecordedPostIsStoredOrQuarantinedNeverLost() throws Exception {
        int stored = 0;
        int quarantined = 0;
        int mutations = 0;
        Map<String, ArrayNode> pages = recordedPosts();
        for (String file : new String[] {"atproto.dart__feed_searchPosts.json", "atproto.dart__feed_getPosts.json"}) {
            JsonNode post = pages.get(file).get(0);
            for (ItemMutations.Mutation m : ItemMutations.of(post, 2)) {
                PollResult result = poll(BlueskyFixtures.JSON.createArrayNode().add(m.item()));
                mutations++;
                assertThat(result.mentions().size() + result.unreadable().size()).as(file + ": " + m).isEqualTo(1);
                stored += result.mentions().size();
                quarantined += result.unreadable().size();
            }
        }
        System.out.println("FIGURES bluesky mutations: " + mutations + " corrupted copies -> " + stored + " stored, "
                + quarantined + " quarantined, 0 lost");
        assertThat(mutations).isPositive();
    }
}
