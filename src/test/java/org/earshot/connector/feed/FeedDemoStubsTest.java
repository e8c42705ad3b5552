package org.earshot.connector.feed;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stubs served the way the demo serves them: a plain WireMockServer on the folder. */
class FeedDemoStubsTest {
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory("wiremock/feed"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theDemoHearsSixEntriesThenNothingNew() throws Exception {
        String base = "http://127.0.0.1:" + server.port();
        ObjectNode settings = FeedFixtures.settings(base);
        settings.putArray("feeds").add(base + FeedFixtures.NEWS).addObject()
                .put("url", base + FeedFixtures.REVIEWS).put("matchBrand", false);
        MentionSource source = FeedFixtures.connector(settings).source();

        PollResult first = source.poll(null);
        PollResult second = source.poll(first.nextCursor());

        assertThat(first.mentions()).hasSize(6);
        assertThat(second.mentions()).isEmpty();
        assertThat(second.nextCursor()).isEqualTo(first.nextCursor());
        assertThat(server.getAllServeEvents()).filteredOn(e -> e.getResponse().getStatus() == 304).hasSize(2);
    }
}
