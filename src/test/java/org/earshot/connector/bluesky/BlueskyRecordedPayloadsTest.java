package org.earshot.connector.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.util.List;
import org.earshot.domain.IncomingMention;
import org.earshot.testing.RecordedPayloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Bluesky search answer recorded from the real XRPC API (../shared/data/payloads/bluesky), served to the real connector. */
class BlueskyRecordedPayloadsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/bluesky"))
            .build();

    @Test
    void aRecordedSearchPostsAnswerGivesThePostWithItsAuthorAndText() throws Exception {
        RecordedPayloads.serve(server, "/xrpc/app.bsky.feed.searchPosts", RecordedPayloads.read("bluesky", "atproto.dart__feed_searchPosts.json"));
        ObjectNode settings = BlueskyFixtures.settings(server.baseUrl());

        List<IncomingMention> mentions = BlueskyFixtures.connector(settings).source().poll(null).mentions();

        assertThat(mentions).extracting(IncomingMention::externalId)
                .containsExactly("at://did:plc:d3zpokjdspr22chfrc427eis/app.bsky.feed.post/3ju4p6u2i3a2g");
        assertThat(mentions.get(0).author().handle()).isEqualTo("luy.gay");
        assertThat(mentions.get(0).text()).startsWith("eu queria um fone de ouvido com fio, não me dou bem com fone");
    }
}
