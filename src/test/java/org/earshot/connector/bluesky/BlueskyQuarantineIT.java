package org.earshot.connector.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Through the whole intake: the good posts become tasks, the broken one waits in quarantine, nothing repeats. */
class BlueskyQuarantineIT {
    @RegisterExtension
    static WireMockExtension bluesky = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/bluesky"))
            .build();

    @TempDir
    Path dir;

    private OneConnectorEarshot earshot;

    @BeforeEach
    void start() {
        ObjectNode settings = BlueskyUnreadableItemsTest.oneSearch(bluesky.baseUrl());
        settings.remove("type");
        settings.put("maxAttempts", 1);
        earshot = new OneConnectorEarshot(dir, BlueskyFixtures.config(settings),
                new MutableClock(Instant.parse("2026-11-19T10:00:00Z")));
    }

    @AfterEach
    void stop() {
        earshot.close();
    }

    @Test
    void theGoodPostsAreStoredTheBrokenOneIsQuarantinedAndTheNextPollRepeatsNothing() throws Exception {
        BlueskyUnreadableItemsTest.serveNewest(bluesky,
                BlueskyUnreadableItemsTest.answerWithLenaBroken(p -> p.remove("cid")).toString());

        MentionIntake.PollOutcome first = earshot.poll();
        MentionIntake.PollOutcome second = earshot.poll();

        assertThat(first.failed()).isFalse();
        assertThat(earshot.taskMentionIds()).isNotEmpty().doesNotContain(BlueskyFixtures.LENA_URI);
        int stored = earshot.taskMentionIds().size();
        assertThat(earshot.held()).singleElement().satisfies(item -> {
            assertThat(item.externalId()).isEqualTo(BlueskyFixtures.LENA_URI);
            assertThat(item.kind()).isEqualTo(QuarantinedItem.PayloadKind.RAW);
            assertThat(earshot.payload(item)).contains(BlueskyFixtures.LENA_URI);
        });
        assertThat(earshot.cursor()).get().asString().contains(BlueskyFixtures.DAN_URI);
        assertThat(earshot.health().quarantined()).isEqualTo(1);
        assertThat(second.failed()).isFalse();
        assertThat(second.read()).isZero();
        assertThat(earshot.taskMentionIds()).hasSize(stored);
        assertThat(earshot.held()).hasSize(1);
    }

    @Test
    void aQuarantinedPostIsStoredOnceItsPayloadCanBeRead() throws Exception {
        BlueskyUnreadableItemsTest.serveNewest(bluesky, BlueskyUnreadableItemsTest.answerWithLenaBroken(
                p -> p.put("cid", "")).toString());
        earshot.poll();
        QuarantinedItem held = earshot.held().get(0);

        String stillHeld = earshot.requeueAll().get(0).result();
        // Stands in for a version that reads what this one cannot: the kept payload becomes readable.
        QuarantinedPayloads.replace(dir, held.id(), earshot.payload(held).replace("\"cid\":\"\"",
                "\"cid\":\"" + BlueskyFixtures.LENA_CID + "\""));
        var stored = earshot.requeueAll();

        assertThat(stillHeld).startsWith("still held").contains("cid");
        // Lena answers a thread whose task is open already: she joins it instead of opening her own.
        assertThat(stored).singleElement().satisfies(o -> {
            assertThat(o.stored()).isTrue();
            assertThat(o.result()).contains("1 mention(s) read");
        });
        assertThat(earshot.held()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotJsonFailsThePollOnHealthAndKeepsTheCursor() {
        earshot.poll();
        String cursor = earshot.cursor().orElseThrow();
        bluesky.stubFor(get(urlPathEqualTo(BlueskyUnreadableItemsTest.SEARCH)).atPriority(0).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"posts\":[{\"uri\":\"at:")));

        MentionIntake.PollOutcome failed = earshot.poll();

        assertThat(failed.failed()).isTrue();
        assertThat(earshot.health().lastError()).contains("Bluesky answered GET");
        assertThat(earshot.cursor()).contains(cursor);
        assertThat(earshot.held()).isEmpty();
    }
}
