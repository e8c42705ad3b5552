package org.earshot.connector.reddit;

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

/** A Reddit search answer recorded from the real API (../shared/data/payloads/reddit), served to the real connector. */
class RedditRecordedPayloadsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/reddit"))
            .build();

    @Test
    void aRecordedSearchListingGivesEachPostWithItsAuthorAndSubreddit() throws Exception {
        RecordedPayloads.serve(server, "/search", RecordedPayloads.read("reddit", "go-reddit__subreddit_search-posts.json"));
        ObjectNode settings = RedditFixtures.settings(server.baseUrl());

        List<IncomingMention> mentions = RedditFixtures.connector(settings).source().poll(null).mentions();

        assertThat(mentions).extracting(IncomingMention::externalId).containsExactlyInAnyOrder("t3_hybow9", "t3_hmwhd7");
        assertThat(mentions).extracting(m -> m.author().handle())
                .containsExactlyInAnyOrder("chocolat_ice_cream", "Jeremy_Martin");
        assertThat(mentions).allSatisfy(m -> assertThat(m.subject()).isNotBlank());
    }
}
