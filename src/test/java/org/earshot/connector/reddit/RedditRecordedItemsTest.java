package org.earshot.connector.reddit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
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
 * Every thing in the recorded Reddit listings (../shared/data/payloads/reddit) read by the real connector
 * as a search answer: none is unreadable, and each corrupted copy of one is stored or quarantined.
 */
class RedditRecordedItemsTest {
    @RegisterExtension
    static WireMockExtension reddit = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/reddit"))
            .build();

    /** The recorded listings; a thread answer (a post's listing and its comments' listing) gives both. */
    private static Map<String, ArrayNode> recordedChildren() throws Exception {
        Map<String, ArrayNode> out = new LinkedHashMap<>();
        for (String file : List.of("asyncpraw__comment_context_removed.json", "asyncpraw__comments_poll_post.json",
                "asyncpraw__comments_submission_thread.json", "asyncpraw__message_comments.json",
                "asyncpraw__message_inbox_limit2.json", "asyncpraw__message_messages_limit1.json",
                "asyncpraw__message_thread.json", "asyncpraw__r_all_new_before.json",
                "asyncpraw__r_askreddit_comments_before.json", "asyncpraw__subreddits_search.json",
                "asyncpraw__users_search.json", "go-reddit__message_inbox.json", "go-reddit__post_post.json",
                "go-reddit__subreddit_search-posts.json", "go-reddit__user_comments.json")) {
            JsonNode json = RedditFixtures.JSON.readTree(RecordedPayloads.read("reddit", file));
            List<JsonNode> listings = new ArrayList<>();
            if (json.isArray()) {
                json.forEach(listings::add);
            } else {
                listings.add(json);
            }
            for (int i = 0; i < listings.size(); i++) {
                out.put(file + (listings.size() > 1 ? " #" + i : ""), (ArrayNode) listings.get(i).get("data").get("children"));
            }
        }
        return out;
    }

    private static PollResult poll(ArrayNode children) throws Exception {
        ObjectNode listing = RedditFixtures.JSON.createObjectNode().put("kind", "Listing");
        listing.putObject("data").putNull("after").set("children", children);
        reddit.stubFor(get(urlPathMatching(".*/search")).withQueryParam("type", equalTo("link")).atPriority(0)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(listing.toString())));
        return RedditFixtures.connector(RedditFixtures.settings(reddit.baseUrl())).source().poll(null);
    }

    @Test
    void everyRecordedThingIsStoredOrSkippedForAReasonAndNoneIsUnreadable() throws Exception {
        CorpusFigures figures = new CorpusFigures("reddit");
        for (Map.Entry<String, ArrayNode> page : recordedChildren().entrySet()) {
            PollResult result = poll(page.getValue());
            assertThat(result.unreadable()).as(page.getKey()).isEmpty();
            Map<String, Integer> why = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode child : page.getValue()) {
                String kind = child.path("kind").asText();
                if (!kind.equals("t1") && !kind.equals("t3")) {
                    why.merge("a " + kind + " (not a post or comment)", 1, Integer::sum);
                } else if (child.path("data").path("author").asText().equals("[deleted]")) {
                    why.merge("deleted", 1, Integer::sum);
                } else if (!seen.add(child.path("data").path("name").asText())) {
                    why.merge("same thing twice", 1, Integer::sum);
                }
            }
            figures.add(page.getValue().size(), result.mentions().size(), 0, why);
        }
        System.out.println("FIGURES " + figures);
        assertThat(figures.accountedFor()).isEqualTo(figures.read());
    }

    @Test
    void everyCorruptionOfARecordedThingIsStoredOrQuarantinedNeverLost() throws Exception {
        int stored = 0;
        int quarantined = 0;
        int skipped = 0;
        int mutations = 0;
        Map<String, ArrayNode> pages = recordedChildren();
        for (String file : List.of("asyncpraw__r_all_new_before.json", "asyncpraw__r_askreddit_comments_before.json")) {
            JsonNode thing = pages.get(file).get(0);
            for (ItemMutations.Mutation m : ItemMutations.of(thing, 2)) {
                PollResult result = poll(RedditFixtures.JSON.createArrayNode().add(m.item()));
                mutations++;
                int kept = result.mentions().size() + result.unreadable().size();
                // What says what the thing is (its kind) may make it one to skip.
                if (kept == 0 && m.path().equals("kind") && m.how().equals("garbled text")) {
                    skipped++;
                    continue;
                }
                assertThat(kept).as(file + ": " + m).isEqualTo(1);
                stored += result.mentions().size();
                quarantined += result.unreadable().size();
            }
        }
        System.out.println("FIGURES reddit mutations: " + mutations + " corrupted copies -> " + stored + " stored, "
                + quarantined + " quarantined, " + skipped + " skipped (kind garbled), 0 lost");
        assertThat(mutations).isPositive();
    }
}
