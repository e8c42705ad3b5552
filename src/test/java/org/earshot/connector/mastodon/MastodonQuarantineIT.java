package org.earshot.connector.mastodon;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.earshot.domain.QuarantinedItem;
import org.earshot.intake.MentionIntake;
import org.earshot.testing.MutableClock;
import org.earshot.testing.OneConnectorEarshot;
import org.earshot.testing.QuarantinedPayloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Through the whole intake: the good notifications become tasks, the broken one waits in quarantine, nothing repeats. */
class MastodonQuarantineIT {
    @RegisterExtension
    static WireMockExtension mastodon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/mastodon"))
            .build();

    @TempDir
    Path dir;

    private OneConnectorEarshot earshot;

    @BeforeEach
    void start() {
        ObjectNode settings = MastodonFixtures.settings(mastodon.baseUrl());
        settings.putArray("hashtags");
        settings.remove("type");
        settings.put("maxAttempts", 1);
        earshot = new OneConnectorEarshot(dir, MastodonFixtures.config(settings),
                new MutableClock(Instant.parse("2026-11-19T10:00:00Z")));
    }

    @AfterEach
    void stop() {
        earshot.close();
    }

    @Test
    void theGoodNotificationsAreStoredTheBrokenOneIsQuarantinedAndTheNextPollRepeatsNothing() throws Exception {
        ArrayNode page = MastodonUnreadableItemsTest.pageWithSecondBroken(n -> n.with("status").remove("account"));
        String brokenId = page.get(1).path("status").path("id").asText();
        MastodonUnreadableItemsTest.serveNewest(mastodon, page.toString());

        MentionIntake.PollOutcome first = earshot.poll();
        MentionIntake.PollOutcome second = earshot.poll();

        assertThat(first.failed()).isFalse();
        assertThat(earshot.taskMentionIds()).isNotEmpty().doesNotContain(brokenId);
        int stored = earshot.taskMentionIds().size();
        assertThat(earshot.held()).singleElement().satisfies(item -> {
            assertThat(item.externalId()).isEqualTo(brokenId);
            assertThat(item.kind()).isEqualTo(QuarantinedItem.PayloadKind.RAW);
            assertThat(item.reason()).contains("no account");
            assertThat(MastodonFixtures.JSON.readTree(earshot.payload(item))).isEqualTo(page.get(1));
        });
        assertThat(earshot.cursor()).get().asString().contains(page.get(0).path("id").asText());
        assertThat(earshot.health().quarantined()).isEqualTo(1);
        assertThat(earshot.health().healthy()).isTrue();
        assertThat(second.failed()).isFalse();
        assertThat(second.read()).isZero();
        assertThat(earshot.taskMentionIds()).hasSize(stored);
        assertThat(earshot.held()).hasSize(1);
    }

    @Test
    void aQuarantinedNotificationStaysHeldUntilItCanBeReadAndIsThenStoredOnce() throws Exception {
        ArrayNode page = MastodonUnreadableItemsTest.pageWithSecondBroken(n -> n.with("status").remove("account"));
        ObjectNode fixed = (ObjectNode) MastodonUnreadableItemsTest.demoPage().get(1);
        MastodonUnreadableItemsTest.serveNewest(mastodon, page.toString());
        earshot.poll();
        QuarantinedItem held = earshot.held().get(0);

        String stillHeld = earshot.requeueAll().get(0).result();
        // Stands in for a version that reads what this one cannot: the kept payload becomes readable.
        QuarantinedPayloads.replace(dir, held.id(), fixed.toString());
        var stored = earshot.requeueAll();

        assertThat(stillHeld).startsWith("still held").contains("no account");
        assertThat(stored).singleElement().satisfies(o -> assertThat(o.tasksOpened()).hasSize(1));
        assertThat(earshot.taskMentionIds()).contains(fixed.path("status").path("id").asText());
        assertThat(earshot.held()).isEmpty();
        assertThat(earshot.health().quarantined()).isZero();
    }

    @Test
    void aPageThatIsNotJsonFailsThePollOnHealthAndKeepsTheCursor() {
        earshot.poll();
        String cursor = earshot.cursor().orElseThrow();
        mastodon.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/notifications"))
                .atPriority(0).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"notifications\": [truncated")));

        MentionIntake.PollOutcome failed = earshot.poll();

        assertThat(failed.failed()).isTrue();
        assertThat(earshot.health().lastError()).contains("JSON that cannot be read");
        assertThat(earshot.health().consecutiveFailures()).isEqualTo(1);
        assertThat(earshot.cursor()).contains(cursor);
        assertThat(earshot.held()).isEmpty();
    }
}
