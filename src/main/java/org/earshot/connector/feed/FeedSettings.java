package org.earshot.connector.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.http.HttpClientFactory;
import org.earshot.http.ResilienceSettings;

/**
 * One feed connector's settings, read from its entry under {@code connectors:} and checked at once.
 *
 * @param configKey         where the settings are in the config ("connectors.news"), for messages
 * @param feeds             the feeds to read, each with whether its entries must name the brand
 * @param maxEntriesPerPoll new entries returned per poll, oldest first; the rest wait for the next poll
 */
public record FeedSettings(
        String configKey,
        List<Feed> feeds,
        int maxEntriesPerPoll,
        Duration connectTimeout,
        Duration responseTimeout,
        ResilienceSettings resilience) {

    /**
     * One feed.
     *
     * @param key        where it is in the config ("connectors.news.feeds[0]"), for messages
     * @param matchBrand keep only entries whose title or summary name the brand
     * @param press      the feed is news: its entries are written by journalists, not customers
     */
    public record Feed(URI url, boolean matchBrand, String key, boolean press) {
        public Feed(URI url, boolean matchBrand, String key) {
            this(url, matchBrand, key, false);
        }
    }

    /** Feeds have no shared rate limit; the connector still paces itself per window. */
    static final int REQUESTS_PER_WINDOW = 120;
    static final Duration WINDOW = Duration.ofMinutes(1);

    public FeedSettings {
        feeds = List.copyOf(feeds);
    }

    public static FeedSettings from(ConnectorConfig config) {
        ConfigNode node = config.settings();
        boolean matchBrand = node.bool("matchBrand", true);
        ResilienceSettings resilience = ResilienceSettings.from(node, REQUESTS_PER_WINDOW, WINDOW);
        return new FeedSettings(node.key(), feeds(node, matchBrand),
                node.integer("maxEntriesPerPoll", 100, 1, 1000),
                node.positiveDuration("connectTimeout", HttpClientFactory.DEFAULT_CONNECT_TIMEOUT),
                node.positiveDuration("responseTimeout", HttpClientFactory.DEFAULT_RESPONSE_TIMEOUT),
                resilience);
    }

    /** Whether any feed keeps only the entries that name the brand. */
    public boolean anyMatchesBrand() {
        return feeds.stream().anyMatch(Feed::matchBrand);
    }

    /** The full key of one of these settings, for messages that tell the operator what to check. */
    public String key(String setting) {
        return configKey.isEmpty() ? setting : configKey + "." + setting;
    }

    /**
     * Each item is a URL, or {@code {url: …, matchBrand: false, press: true}} to override the connector's
     * matchBrand or to mark a news feed.
     */
    private static List<Feed> feeds(ConfigNode node, boolean matchBrand) {
        ConfigNode list = node.get("feeds");
        if (!list.isPresent()) {
            throw list.error("is required: list at least one feed URL");
        }
        List<ConfigNode> items = list.raw().isValueNode() ? List.of(list) : node.list("feeds");
        if (items.isEmpty()) {
            throw list.error("must list at least one feed URL");
        }
        List<Feed> feeds = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ConfigNode item : items) {
            Feed feed;
            if (item.raw().isObject()) {
                feed = new Feed(httpUrl(item.get("url"), item.requiredString("url")),
                        item.bool("matchBrand", matchBrand), item.key(), item.bool("press", false));
            } else if (item.raw().isValueNode()) {
                feed = new Feed(httpUrl(item, item.raw().asText()), matchBrand, item.key());
            } else {
                throw item.error("must be a feed URL or {url: …, matchBrand: …}, but was a list");
            }
            if (seen.add(feed.url().toString())) {
                feeds.add(feed);
            }
        }
        return feeds;
    }

    private static URI httpUrl(ConfigNode at, String raw) {
        String value = raw.strip();
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw at.error("must be an http or https URL, but was '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw at.error("must be an http or https URL, but was '" + value + "'");
        }
    }

}
