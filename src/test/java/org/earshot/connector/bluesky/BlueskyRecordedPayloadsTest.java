package org.earshot.connector.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.earshot.domain.IncomingMention;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Bluesky search answer recorded from the real XRPC API (../shared/data/payloads/bluesky), served to the real connector. */
class BlueskyRecordedPayloadsTest {
    private static final Path PAYLOADS = Path.of("../shared/data/payloads/bluesky");

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/bluesky"))
            .build();

    private static String payload(String name) throws Exception {
        Path file = PAYLOADS.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "skipped: " + file.toAbsolutePath().normalize() + " is absent (the shared real-data payloads)");
        return Files.readString(file);
    }

    private static void answers(String path, String body) {
        server.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void aRecordedSearchPostsAnswerGivesThePostWithItsAuthorAndText() throws Exception {
        answers("/xrpc/app.bsky.feed.searchPosts", payload("atproto.dart__feed_searchPosts.json"));
        ObjectNode settings = BlueskyFixtures.settings(server.baseUrl());

        List<IncomingMention> mentions = BlueskyFixtures.connector(settings).source().poll(null).mentions();

        assertThat(mentions).extracting(IncomingMention::externalId)
                .containsExactly("at://did:plc:d3zpokjdspr22chfrc427eis/app.bsky.feed.post/3ju4p6u2i3a2g");
        assertThat(mentions.get(0).author().handle()).isEqualTo("luy.gay");
        assertThat(mentions.get(0).text()).startsWith("eu queria um fone de ouvido com fio, não me dou bem com fone");
    }
}
