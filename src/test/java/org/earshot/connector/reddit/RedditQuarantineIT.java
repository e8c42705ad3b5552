package org.earshot.connector.reddit;

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
class RedditQuarantineIT {
    @RegisterExtension
    static WireMockExtension reddit = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/reddit"))
            .build();

    @TempDir
    Path dir;

    private OneConnectorEarshot earshot;

    @BeforeEach
    void start() {
        ObjectNode settings = RedditFixtures.settings(reddit.baseUrl());
        settings.remove("type");
        settings.put("maxAttempts", 1);
        earshot = new OneConnectorEarshot(dir, RedditFixtures.config(settings),
                new MutableClock(Instant.parse("2026-11-19T10:00:00Z")));
    }

    @AfterEach
    void stop() {
        earshot.close();
    }

    @Test
    void theGoodPostsAreStoredTheBrokenOneIsQuarantinedAndTheNextPollRepeatsNothing() throws Exception {
        RedditUnreadableItemsTest.servePosts(reddit,
                RedditUnreadableItemsTest.listingWithSecondBroken(d -> d.remove("author")).toString());

        MentionIntake.PollOutcome first = earshot.poll();
        MentionIntake.PollOutcome second = earshot.poll();

        assertThat(first.failed()).isFalse();
        assertThat(earshot.taskMentionIds()).isNotEmpty().doesNotContain(RedditFixtures.STRANDED_POST);
        int stored = earshot.taskMentionIds().size();
        assertThat(earshot.held()).singleElement().satisfies(item -> {
            assertThat(item.externalId()).isEqualTo(RedditFixtures.STRANDED_POST);
            assertThat(item.kind()).isEqualTo(QuarantinedItem.PayloadKind.RAW);
            assertThat(earshot.payload(item)).contains("Stranded at ORD");
        });
        assertThat(earshot.cursor()).contains(RedditFixtures.DEMO_CURSOR);
        assertThat(earshot.health().quarantined()).isEqualTo(1);
        assertThat(second.failed()).isFalse();
        assertThat(second.read()).isZero();
        assertThat(earshot.taskMentionIds()).hasSize(stored);
        assertThat(earshot.held()).hasSize(1);
    }

    @Test
    void aQuarantinedPostIsStoredOnceItsPayloadCanBeRead() throws Exception {
        RedditUnreadableItemsTest.servePosts(reddit,
                RedditUnreadableItemsTest.listingWithSecondBroken(d -> d.put("created_utc", "yesterday")).toString());
        earshot.poll();
        QuarantinedItem held = earshot.held().get(0);

        String stillHeld = earshot.requeueAll().get(0).result();
        // Stands in for a version that reads what this one cannot: the kept payload becomes readable.
        QuarantinedPayloads.replace(dir, held.id(), earshot.payload(held).replace("\"yesterday\"", "1795073700"));
        var stored = earshot.requeueAll();

        assertThat(stillHeld).startsWith("still held").contains("created_utc");
        assertThat(stored).singleElement().satisfies(o -> assertThat(o.stored()).isTrue());
        assertThat(earshot.taskMentionIds()).contains(RedditFixtures.STRANDED_POST);
        assertThat(earshot.held()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotAListingFailsThePollOnHealthAndKeepsTheCursor() {
        earshot.poll();
        String cursor = earshot.cursor().orElseThrow();
        RedditUnreadableItemsTest.servePosts(reddit, "{\"kind\":\"Listing\",\"data\":{\"children\":[{\"kind\":\"t3\"");

        MentionIntake.PollOutcome failed = earshot.poll();

        assertThat(failed.failed()).isTrue();
        assertThat(earshot.health().lastError()).contains("Reddit answered GET");
        assertThat(earshot.cursor()).contains(cursor);
        assertThat(earshot.held()).isEmpty();
    }
}
