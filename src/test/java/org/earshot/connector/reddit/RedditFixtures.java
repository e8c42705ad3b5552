package org.earshot.connector.reddit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

/** A Reddit connector as the config would build it, pointed at the stubs in wiremock/reddit, and the demo's ids. */
final class RedditFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "demo-reddit-access-token";
    static final String USER_AGENT = "earshot:org.earshot.test:0.1 (by /u/acmeair)";
    static final String OWN_POST = "t3_1pq2f9z";
    static final String STRANDED_POST = "t3_1pq2e4m";
    static final String GUITAR_POST = "t3_1pq2c7w";
    static final String PRAISE_POST = "t3_1pq2a1k";
    static final String DOUBLE_CHARGE_POST = "t3_1pq27xd";
    static final String OHARE_COMMENT = "t1_m8k2n1x";
    static final String MILES_COMMENT = "t1_m8k1z0a";
    static final String OWN_COMMENT = "t1_m8k2q7d";
    static final String DEMO_CURSOR = "{\"posts\":{\"name\":\"t3_1pq2f9z\",\"created\":1795077297}}";
    static final String DEMO_CURSOR_WITH_COMMENTS = "{\"posts\":{\"name\":\"t3_1pq2f9z\",\"created\":1795077297},"
            + "\"comments\":{\"name\":\"t1_m8k2q7d\",\"created\":1795077192}}";

    private RedditFixtures() {
    }

    static BrandConfig brand() {
        return new BrandConfig("acme", "Acme Air", List.of("acme air"), List.of("@acmeair", "@acmeair@mastodon.example"),
                List.of("#acmeair"), List.of(), List.of("spambot@mastodon.example"),
                List.of("acmeair@mastodon.example", "acmeair", "support@acme.example"));
    }

    /** The settings node as it sits under connectors.reddit, with tiny retry waits for tests. */
    static ObjectNode settings(String stubUrl) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "reddit");
        node.put("baseUrl", stubUrl);
        node.put("authUrl", stubUrl);
        node.put("clientId", "test-client-id");
        node.put("clientSecret", "test-client-secret");
        node.put("username", "acmeair");
        node.put("password", "test-password");
        node.put("userAgent", USER_AGENT);
        node.put("retryBackoff", "1ms");
        return node;
    }

    static ConnectorConfig config(ObjectNode settings) {
        return ConnectorConfigs.acme("reddit", "reddit", Duration.ofSeconds(60), settings);
    }

    static Connector connector(ObjectNode settings) {
        return new RedditConnectorFactory().create(config(settings), brand());
    }

    /** The stranded parent's post as the store gives it back to the outbox. */
    static Mention strandedPost() {
        String url = "https://www.reddit.com/r/travel/comments/1pq2e4m/stranded_at_ord_after_acme_air_cancelled_our/";
        return new Mention(11, "reddit", "acme", Platform.REDDIT, STRANDED_POST,
                new Author("tired_in_terminal3", "", 0),
                "Stranded at ORD after Acme Air cancelled our connection, with a 4-year-old and no hotel", "r/travel",
                Instant.parse("2026-11-19T08:21:40Z"), url,
                Map.of("fullname", STRANDED_POST, "author", "tired_in_terminal3", "subreddit", "travel",
                        "score", "14", "numComments", "9", "url", url),
                Instant.parse("2026-11-19T08:22:00Z"));
    }

    /** Runs {@code action} and returns what it logged (logback's console writes to System.out). */
    static String logOf(ThrowingRunnable action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
