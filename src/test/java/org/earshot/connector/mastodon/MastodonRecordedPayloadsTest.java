package org.earshot.connector.mastodon;

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

/** Mastodon answers recorded from real servers (../shared/data/payloads/mastodon), served to the real connector. */
class MastodonRecordedPayloadsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/mastodon"))
            .build();

    private static List<IncomingMention> firstPoll() throws Exception {
        ObjectNode settings = MastodonFixtures.settings(server.baseUrl());
        settings.putArray("hashtags");
        return MastodonFixtures.connector(settings).source().poll(null).mentions();
    }

    @Test
    void aRecordedNotificationsPageOfWhichMostStatusesAreGoneGivesTheOneThatIsThere() throws Exception {
        // mastodon.social: 40 mention notifications, 39 of them with "status": null (deleted since).
        RecordedPayloads.serve(server, "/api/v1/notifications", RecordedPayloads.read("mastodon", "notifications_v1_mastodon.social.json"));

        List<IncomingMention> mentions = firstPoll();

        assertThat(mentions).hasSize(1);
        assertThat(mentions.get(0).text()).isNotBlank().doesNotContain("<p>", "<span");
        assertThat(mentions.get(0).author().handle()).isNotBlank();
    }

    @Test
    void aRecordedMentionFromAMastodonServerBecomesAMentionWithPlainText() throws Exception {
        RecordedPayloads.serve(server, "/api/v1/notifications", RecordedPayloads.read("mastodon", "notifications_mentions_only_localhost.json"));

        List<IncomingMention> mentions = firstPoll();

        assertThat(mentions).extracting(IncomingMention::externalId).containsExactly("117020577157693549");
        assertThat(mentions.get(0).text()).doesNotContain("<p>", "<span", "&amp;");
    }
}
