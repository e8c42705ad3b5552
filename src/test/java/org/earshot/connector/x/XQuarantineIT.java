package org.earshot.connector.x;

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
class XQuarantineIT {
    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/x"))
            .build();

    @TempDir
    Path dir;

    private OneConnectorEarshot earshot;

    @BeforeEach
    void start() {
        ObjectNode settings = XFixtures.settings(x.baseUrl());
        settings.remove("type");
        settings.put("maxAttempts", 1);
        earshot = new OneConnectorEarshot(dir, XFixtures.config(settings),
                new MutableClock(Instant.parse("2026-11-19T10:00:00Z")));
    }

    @AfterEach
    void stop() {
        earshot.close();
    }

    @Test
    void theGoodPostsAreStoredTheBrokenOneIsQuarantinedAndTheNextPollRepeatsNothing() throws Exception {
        XUnreadableItemsTest.serveNewest(x, XUnreadableItemsTest.answerWithSecondBroken(t -> t.putArray("author_id"))
                .toString());

        MentionIntake.PollOutcome first = earshot.poll();
        MentionIntake.PollOutcome second = earshot.poll();

        assertThat(first.failed()).isFalse();
        assertThat(earshot.taskMentionIds()).isNotEmpty().doesNotContain(XFixtures.QUOTE);
        int stored = earshot.taskMentionIds().size();
        assertThat(earshot.held()).singleElement().satisfies(item -> {
            assertThat(item.externalId()).isEqualTo(XFixtures.QUOTE);
            assertThat(item.kind()).isEqualTo(QuarantinedItem.PayloadKind.RAW);
            assertThat(earshot.payload(item)).contains(XFixtures.QUOTE).contains("rabbit");
        });
        assertThat(earshot.cursor()).contains(XFixtures.NEWEST);
        assertThat(earshot.health().quarantined()).isEqualTo(1);
        assertThat(second.failed()).isFalse();
        assertThat(second.read()).isZero();
        assertThat(earshot.taskMentionIds()).hasSize(stored);
        assertThat(earshot.held()).hasSize(1);
    }

    @Test
    void aQuarantinedPostIsStoredOnceItsPayloadCanBeRead() throws Exception {
        XUnreadableItemsTest.serveNewest(x, XUnreadableItemsTest.answerWithSecondBroken(
                t -> t.put("created_at", "yesterday")).toString());
        earshot.poll();
        QuarantinedItem held = earshot.held().get(0);

        String stillHeld = earshot.requeueAll().get(0).result();
        // Stands in for a version that reads what this one cannot: the kept payload becomes readable.
        QuarantinedPayloads.replace(dir, held.id(), earshot.payload(held).replace("\"yesterday\"",
                "\"2026-11-19T09:12:55.000Z\""));
        var stored = earshot.requeueAll();

        assertThat(stillHeld).startsWith("still held").contains("not a time");
        assertThat(stored).singleElement().satisfies(o -> assertThat(o.stored()).isTrue());
        assertThat(earshot.taskMentionIds()).contains(XFixtures.QUOTE);
        assertThat(earshot.held()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotJsonFailsThePollOnHealthAndKeepsTheCursor() {
        earshot.poll();
        String cursor = earshot.cursor().orElseThrow();
        x.stubFor(get(urlPathEqualTo(XFixtures.SEARCH)).atPriority(0).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":[{\"id\":\"21233")));

        MentionIntake.PollOutcome failed = earshot.poll();

        assertThat(failed.failed()).isTrue();
        assertThat(earshot.health().lastError()).contains("JSON that cannot be read");
        assertThat(earshot.cursor()).contains(cursor);
        assertThat(earshot.held()).isEmpty();
    }
}
