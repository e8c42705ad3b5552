package org.earshot.connector.reddit;

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

/** A Reddit search answer recorded from the real API (../shared/data/payloads/reddit), served to the real connector. */
class RedditRecordedPayloadsTest {
    private static final Path PAYLOADS = Path.of("../shared/data/payloads/reddit");

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/reddit"))
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
    void aRecordedSearchListingGivesEachPostWithItsAuthorAndSubreddit() throws Exception {
        answers("/search", payload("go-reddit__subreddit_search-posts.json"));
        ObjectNode settings = RedditFixtures.settings(server.baseUrl());

        List<IncomingMention> mentions = RedditFixtures.connector(settings).source().poll(null).mentions();

        assertThat(mentions).extracting(IncomingMention::externalId).containsExactlyInAnyOrder("t3_hybow9", "t3_hmwhd7");
        assertThat(mentions).extracting(m -> m.author().handle())
                .containsExactlyInAnyOrder("chocolat_ice_cream", "Jeremy_Martin");
        assertThat(mentions).allSatisfy(m -> assertThat(m.subject()).isNotBlank());
    }
}
