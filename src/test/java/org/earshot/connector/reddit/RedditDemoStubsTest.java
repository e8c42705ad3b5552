package org.earshot.connector.reddit;

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

/** The stubs served as the demo serves them: a plain WireMockServer on the folder, no test stubs on top. */
class RedditDemoStubsTest {
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory("wiremock/reddit"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theDemoPollsFindsTheMentionsOnceAndPostsAThreadedReply() throws Exception {
        var settings = RedditFixtures.settings("http://127.0.0.1:" + server.port());
        settings.put("includeComments", true);
        Connector connector = RedditFixtures.connector(settings);

        PollResult first = connector.source().poll(null);
        PollResult second = connector.source().poll(first.nextCursor());
        PostedReply block0 = connector.publisher().publish(new ReplyBlock(RedditFixtures.strandedPost(),
                "So sorry, we're on it.", RedditFixtures.STRANDED_POST, 0, 2, "task-1-block-0"));
        PostedReply block1 = connector.publisher().publish(new ReplyBlock(RedditFixtures.strandedPost(),
                "A hotel is booked for you at the Hilton O'Hare.", block0.externalId(), 1, 2, "task-1-block-1"));

        assertThat(first.mentions()).hasSize(6);
        assertThat(second.mentions()).isEmpty();
        assertThat(second.nextCursor()).isEqualTo(first.nextCursor());
        assertThat(block0.externalId()).startsWith("t1_");
        assertThat(block1.externalId()).startsWith("t1_").isNotEqualTo(block0.externalId());
        assertThat(server.getAllServeEvents()).noneMatch(e -> e.getWasMatched() == false);
    }
}
