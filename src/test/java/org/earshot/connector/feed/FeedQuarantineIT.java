package org.earshot.connector.feed;

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

/** Through the whole intake: an entry with nothing to know it by waits in quarantine as its own XML. */
class FeedQuarantineIT {
    private static final String CUSTOM = "/feeds/custom.xml";

    @RegisterExtension
    static WireMockExtension feeds = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/feed"))
            .build();

    @TempDir
    Path dir;

    private OneConnectorEarshot earshot;

    @BeforeEach
    void start() {
        ObjectNode settings = FeedFixtures.settings(feeds.baseUrl());
        settings.remove("type");
        settings.putArray("feeds").add(feeds.baseUrl() + CUSTOM);
        settings.put("maxAttempts", 1);
        earshot = new OneConnectorEarshot(dir, FeedFixtures.config(settings),
                new MutableClock(Instant.parse("2026-11-19T10:00:00Z")));
    }

    @AfterEach
    void stop() {
        earshot.close();
    }

    @Test
    void anEntryWithoutGuidOrLinkWaitsInQuarantineAndIsStoredOnceItCanBeKnown() throws Exception {
        feeds.stubFor(get(urlPathEqualTo(CUSTOM)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Alerts</title>"
                        + "<link>https://alerts.example/</link><description>x</description>"
                        + "<item><title>Acme Air one</title><link>https://alerts.example/r/1</link></item>"
                        + "<item><title>Acme Air lost my bag</title><description>Nobody answers.</description></item>"
                        + "</channel></rss>")));

        MentionIntake.PollOutcome first = earshot.poll();
        MentionIntake.PollOutcome second = earshot.poll();
        QuarantinedItem held = earshot.held().get(0);
        String stillHeld = earshot.requeueAll().get(0).result();
        QuarantinedPayloads.replace(dir, held.id(), earshot.payload(held).replace("<title>Acme Air lost my bag</title>",
                "<title>Acme Air lost my bag</title><link>https://alerts.example/r/2</link>"));
        var stored = earshot.requeueAll();

        assertThat(first.failed()).isFalse();
        assertThat(second.read()).isZero();
        assertThat(held.kind()).isEqualTo(QuarantinedItem.PayloadKind.RAW);
        assertThat(held.externalId()).startsWith(feeds.baseUrl() + CUSTOM + "#unreadable-");
        assertThat(stillHeld).startsWith("still held").contains("no guid, id or link");
        assertThat(stored).singleElement().satisfies(o -> assertThat(o.stored()).isTrue());
        assertThat(earshot.taskMentionIds()).containsExactlyInAnyOrder("https://alerts.example/r/1",
                "https://alerts.example/r/2");
        assertThat(earshot.held()).isEmpty();
    }
}
