package org.earshot.connector.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConnectorConfig;
import org.earshot.connector.Connector;
import org.earshot.testing.ConnectorConfigs;

/** A feed connector as the config would build it, pointed at the stub feeds, and the stubs' ids. */
final class FeedFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String NEWS = "/feeds/skyward-news.xml";
    static final String REVIEWS = "/feeds/flyervoice-acme-air.atom";
    static final String NEWS_ETAG = "\"skyward-48213\"";
    static final String NEWS_LAST_MODIFIED = "Thu, 19 Nov 2026 09:30:00 GMT";
    static final String REVIEWS_LAST_MODIFIED = "Thu, 19 Nov 2026 09:12:00 GMT";

    static final String OUTAGE = "https://skyward-news.example/?p=48213";
    static final String ZEPHYR = "https://skyward-news.example/?p=48207";
    static final String LISBON = "https://skyward-news.example/?p=48166";
    static final String PUNCTUAL = "https://skyward-news.example/?p=48102";
    static final String LOST_BAG = "tag:flyervoice.example,2026:review-8812";
    static final String REFUND = "tag:flyervoice.example,2026:review-8807";
    static final String CREW = "tag:flyervoice.example,2026:review-8795";

    private FeedFixtures() {
    }

    static BrandConfig brand() {
        return brand(List.of(), List.of("Acme Air Newsroom"));
    }

    static BrandConfig brand(List<String> excludedAuthors, List<String> ownAccounts) {
        return new BrandConfig("acme", "Acme Air", List.of("acme air", "acmeair"), List.of("@acmeair"),
                List.of("#acmeair"), List.of(), excludedAuthors, ownAccounts);
    }

    /** The settings node as it sits under connectors.news, both stub feeds, tiny retry waits. */
    static ObjectNode settings(String baseUrl) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "feed");
        node.putArray("feeds").add(baseUrl + NEWS).add(baseUrl + REVIEWS);
        node.put("retryBackoff", "1ms");
        return node;
    }

    static ConnectorConfig config(ObjectNode settings) {
        return ConnectorConfigs.acme("news", "feed", Duration.ofMinutes(15), settings);
    }

    static Connector connector(ObjectNode settings) {
        return connector(settings, brand());
    }

    static Connector connector(ObjectNode settings, BrandConfig brand) {
        return new FeedConnectorFactory().create(config(settings), brand);
    }
}
