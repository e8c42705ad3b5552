package org.earshot.connector.mastodon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConnectorConfig;
import org.earshot.connector.Connector;
import org.earshot.domain.Author;
import org.earshot.domain.Mention;
import org.earshot.domain.Platform;
import org.earshot.testing.ConnectorConfigs;

/** A Mastodon connector as the config would build it, pointed at a stub, and the demo's ids. */
final class MastodonFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String NEWEST_NOTIFICATION = "4820187";
    static final String NEWEST_TAG_STATUS = "117642441523200013";
    static final String MARIA_STATUS = "117641822928896001";
    static final String SARAH_STATUS = "117642070130688004";
    static final String OWN_STATUS = "117642441523200013";

    private MastodonFixtures() {
    }

    static BrandConfig brand() {
        return new BrandConfig("acme", "Acme Air", List.of("acme air"), List.of("@acmeair"), List.of("#acmeair"),
                List.of(), List.of("spambot@mastodon.example"), List.of("@AcmeAir", "support@acme.example"));
    }

    /** The settings node as it sits under connectors.mastodon, with tiny retry waits for tests. */
    static ObjectNode settings(String baseUrl) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "mastodon");
        node.put("baseUrl", baseUrl);
        node.put("accessToken", "test-token");
        node.putArray("hashtags").add("acmeair");
        node.put("retryBackoff", "1ms");
        return node;
    }

    static ConnectorConfig config(ObjectNode settings) {
        return ConnectorConfigs.acme("mastodon", "mastodon", Duration.ofSeconds(60), settings);
    }

    static Connector connector(ObjectNode settings) {
        return new MastodonConnectorFactory().create(config(settings), brand());
    }

    static Mention mariasMention() {
        return new Mention(7, "mastodon", "acme", Platform.MASTODON, MARIA_STATUS,
                new Author("maria_k@toot.example", "Maria Kowalski", 412),
                "@acmeair Flew LHR → JFK on ACM112 yesterday and my bag is apparently still in London.", "",
                Instant.parse("2026-11-19T07:02:41Z"), "https://toot.example/@maria_k/" + MARIA_STATUS,
                Map.of("statusId", MARIA_STATUS, "acct", "maria_k@toot.example", "visibility", "public",
                        "url", "https://toot.example/@maria_k/" + MARIA_STATUS),
                Instant.parse("2026-11-19T07:03:00Z"));
    }
}
