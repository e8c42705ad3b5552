package org.earshot.connector.x;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConnectorConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.ReplyBlock;
import org.earshot.domain.Author;
import org.earshot.domain.Mention;
import org.earshot.domain.Platform;
import org.earshot.testing.ConnectorConfigs;

/** An X connector as the config would build it, pointed at the stubs in wiremock/x, and the demo's ids. */
final class XFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SEARCH = "/2/tweets/search/recent";
    static final String V1_SEARCH = "/1.1/search/tweets.json";
    static final String POST = "/2/tweets";
    static final String V1_POST = "/1.1/statuses/update.json";
    static final String BRAND_USER_ID = "1587343816532254720";
    static final String BRAND_TIMELINE = "/2/users/" + BRAND_USER_ID + "/tweets";
    static final String V1_TIMELINE = "/1.1/statuses/user_timeline.json";
    /** The newest post of the demo page: the cursor after a first poll. */
    static final String NEWEST = "2123352560235474944";
    static final String URGENT = NEWEST;
    static final String DANA = "2123310977905618944";
    static final String QUOTE = "2123343752197074944";
    static final String QUOTED_BRAND_POST = "2123088843371474944";
    static final String CONVERSATION_REPLY = "2123318141776850944";
    static final String CONVERSATION_ROOT = "2123305277846482944";

    private XFixtures() {
    }

    static BrandConfig brand() {
        return new BrandConfig("acme", "Acme Air", List.of("acme air", "acmeair"),
                List.of("@acmeair", "@acmeair@mastodon.example"), List.of("#acmeair"), List.of("acme anvil"),
                List.of("spambot@mastodon.example", "@FlyFree_Deals"),
                List.of("acmeair@mastodon.example", "acmeair", "@AcmeAirHelp", "support@acme.example"));
    }

    /** The v2 settings node as it sits under connectors.x, with tiny retry waits for tests. */
    static ObjectNode settings(String baseUrl) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "x");
        node.put("baseUrl", baseUrl);
        node.put("bearerToken", "test-bearer");
        node.put("userAccessToken", "test-user-token");
        node.put("brandAccount", "acmeair");
        node.put("retryBackoff", "1ms");
        return node;
    }

    /** The v1.1 settings node, with tiny retry waits for tests. */
    static ObjectNode settingsV1(String baseUrl) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "x");
        node.put("api", "v1.1");
        node.put("baseUrl", baseUrl);
        node.put("consumerKey", "test-consumer-key");
        node.put("consumerSecret", "test-consumer-secret");
        node.put("accessToken", "test-access-token");
        node.put("accessTokenSecret", "test-access-secret");
        node.put("brandAccount", "acmeair");
        node.put("retryBackoff", "1ms");
        return node;
    }

    static ConnectorConfig config(ObjectNode settings) {
        return ConnectorConfigs.acme("x", "x", Duration.ofSeconds(60), settings);
    }

    static Connector connector(ObjectNode settings) {
        return connector(settings, new CopyOnWriteArrayList<>());
    }

    /** A connector whose reported gaps land in {@code gaps}. */
    static Connector connector(ObjectNode settings, List<String> gaps) {
        return new XConnectorFactory(Clock.systemUTC(), gaps::add).create(config(settings), brand());
    }

    static Mention danasMention() {
        return new Mention(7, "x", "acme", Platform.X, DANA, new Author("dana_okafor", "Dana Okafor", 318),
                "@acmeair flew LHR → JFK on ACM112 on Tuesday and my bag is still \"being traced\".", "",
                Instant.parse("2026-11-19T07:02:41Z"), "https://x.com/dana_okafor/status/" + DANA,
                Map.of("tweetId", DANA, "username", "dana_okafor"), Instant.parse("2026-11-19T07:03:00Z"));
    }

    static ReplyBlock firstBlock(String text) {
        return new ReplyBlock(danasMention(), text, DANA, 0, 2, "task-7-0");
    }
}
