package org.earshot.connector.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.testing.CorpusFigures;
import org.earshot.testing.ItemMutations;
import org.earshot.testing.RecordedPayloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every status and notification in the recorded Mastodon answers (../shared/data/payloads/mastodon) read
 * by the real connector: none is unreadable, and each corrupted copy of one is stored or quarantined.
 */
class MastodonRecordedItemsTest {
    private static final String NOTIFICATIONS = "/api/v1/notifications";
    private static final String TAG = "/api/v1/timelines/tag/hoot";

    @RegisterExtension
    static WireMockExtension mastodon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/mastodon"))
            .build();

    private record Page(String file, boolean notifications, ArrayNode items) {
    }

    private static List<Page> recordedPages() throws Exception {
        List<Page> pages = new ArrayList<>();
        for (String f : List.of("notifications_mentions_only_localhost.json", "notifications_v1_mastodon.social.json")) {
            pages.add(new Page(f, true, (ArrayNode) json(f)));
        }
        for (String f : List.of("timeline_public_localhost.json", "timeline_tag_hoot_localhost.json")) {
            pages.add(new Page(f, false, (ArrayNode) json(f)));
        }
        for (String f : List.of("status_audio_media_mastodon.social.json", "status_customemoji_mastodon.social.json",
                "status_poll_mastodon.social.json", "status_previewcard_mastodon.social.json",
                "status_quote_mastodon.social.json")) {
            pages.add(new Page(f, false, MastodonFixtures.JSON.createArrayNode().add(json(f))));
        }
        for (String f : List.of("search_v2_localhost.json", "search_v2_q-halcy_mastodon.social.json",
                "notification_group_localhost.json", "notifications_v2_grouped_mastodon.social.json",
                "notifications_v2_partial_avatars_icosahedron.website.json")) {
            pages.add(new Page(f + " statuses", false, (ArrayNode) json(f).get("statuses")));
        }
        JsonNode context = json("status_context_mastodon.social.json");
        ArrayNode thread = MastodonFixtures.JSON.createArrayNode();
        thread.addAll((ArrayNode) context.get("ancestors")).addAll((ArrayNode) context.get("descendants"));
        pages.add(new Page("status_context_mastodon.social.json ancestors+descendants", false, thread));
        return pages;
    }

    private static JsonNode json(String file) throws Exception {
        return MastodonFixtures.JSON.readTree(RecordedPayloads.read("mastodon", file));
    }

    private static PollResult poll(boolean notifications, JsonNode page) throws Exception {
        String path = notifications ? NOTIFICATIONS : TAG;
        mastodon.stubFor(get(urlPathEqualTo(path)).atPriority(0).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page.toString())));
        ObjectNode settings = MastodonFixtures.settings(mastodon.baseUrl());
        settings.put("notifications", notifications);
        settings.putArray("hashtags").add(notifications ? "acmeair" : "hoot");
        if (notifications) {
            settings.putArray("hashtags");
        }
        MentionSource source = MastodonFixtures.connector(settings).source();
        return source.poll(null);
    }

    /** Why the items of a page that gave no mention were left out. */
    private static Map<String, Integer> skippedWhy(Page page, PollResult result) {
        Map<String, Integer> why = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode item : page.items()) {
            if (page.notifications() && !"mention".equals(item.path("type").asText())) {
                why.merge("not a mention notification", 1, Integer::sum);
            } else if (page.notifications() && item.path("status").isNull()) {
                why.merge("status deleted since", 1, Integer::sum);
            } else {
                String id = page.notifications() ? item.path("status").path("id").asText() : item.path("id").asText();
                if (!seen.add(id)) {
                    why.merge("same status twice", 1, Integer::sum);
                }
            }
        }
        return why;
    }

    @Test
    void everyRecordedStatusIsStoredOrSkippedForAReasonAndNoneIsUnreadable() throws Exception {
        CorpusFigures figures = new CorpusFigures("mastodon");
        for (Page page : recordedPages()) {
            PollResult result = poll(page.notifications(), page.items());
            assertThat(result.unreadable()).as(page.file()).isEmpty();
            figures.add(page.items().size(), result.mentions().size(), result.unreadable().size(),
                    skippedWhy(page, result));
        }
        System.out.println("FIGURES " + figures);
        assertThat(figures.quarantined()).isZero();
        assertThat(figures.accountedFor()).isEqualTo(figures.read());
    }

    @Test
    void everyCorruptionOfARecordedStatusIsStoredOrQuarantinedNeverLost() throws Exception {
        int stored = 0;
        int quarantined = 0;
        int skipped = 0;
        int mutations = 0;
        int items = 0;
        for (Page page : recordedPages()) {
            for (JsonNode item : page.items()) {
                // The first stored item of each kind of answer, at most four: each copy is a poll over HTTP.
                if (items >= 4 || (items > 0 && !page.file().contains("notifications_") && !page.file().startsWith("status_"))) {
                    break;
                }
                if (poll(page.notifications(), MastodonFixtures.JSON.createArrayNode().add(item)).mentions().isEmpty()) {
                    continue;
                }
                items++;
                for (ItemMutations.Mutation m : ItemMutations.of(item, page.notifications() ? 3 : 2)) {
                    PollResult result = poll(page.notifications(), MastodonFixtures.JSON.createArrayNode().add(m.item()));
                    mutations++;
                    int kept = result.mentions().size() + result.unreadable().size();
                    // Only what says what the item is may make it one to skip: the notification's type, a deleted status.
                    boolean decides = m.path().equals("type") || (m.path().equals("status") && m.how().equals("null"));
                    if (kept == 0 && decides) {
                        skipped++;
                        continue;
                    }
                    assertThat(kept).as(page.file() + ": " + m).isEqualTo(1);
                    stored += result.mentions().size();
                    quarantined += result.unreadable().size();
                }
            }
        }
        System.out.println("FIGURES mastodon mutations: " + mutations + " corrupted copies -> " + stored + " stored, "
                + quarantined + " quarantined, " + skipped + " skipped (type changed or status deleted), 0 lost");
        assertThat(mutations).isPositive();
    }
}
