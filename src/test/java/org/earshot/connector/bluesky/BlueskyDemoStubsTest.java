package org.earshot.connector.bluesky;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.earshot.connector.Connector;
import org.earshot.connector.PollResult;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stubs served the way the demo serves them: a plain WireMockServer on the folder. */
class BlueskyDemoStubsTest {
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory("wiremock/bluesky"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theDemoHearsSixMentionsThenNothingNewAndCanAnswerOne() throws Exception {
        Connector connector = BlueskyFixtures.connector(BlueskyFixtures.settings("http://127.0.0.1:" + server.port()));

        PollResult first = connector.source().poll(null);
        PollResult second = connector.source().poll(first.nextCursor());
        PostedReply posted = connector.publisher().publish(new ReplyBlock(BlueskyFixtures.dansMention(),
                "Dan, we have called the assistance team at FRA.", BlueskyFixtures.DAN_URI, 0, 1, "task-1-block-0"));

        assertThat(first.mentions()).hasSize(6);
        assertThat(second.mentions()).isEmpty();
        assertThat(second.nextCursor()).isEqualTo(first.nextCursor());
        assertThat(posted.externalId()).matches("at://did:plc:[a-z2-7]{24}/app\\.bsky\\.feed\\.post/[2-7a-z]{13}");
        assertThat(server.getAllServeEvents()).filteredOn(e -> e.getRequest().getUrl().contains("createRecord"))
                .singleElement().satisfies(e -> assertThat(e.getResponse().getBodyAsString())
                        .matches("\\{\"uri\":\"at://did:plc:[^\"]+\",\"cid\":\"bafyrei[a-z0-9]{52}\",.*"));
    }
}
