package org.earshot.connector.feed;

import java.time.Clock;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConnectorConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.PlatformConnectorFactory;
import org.earshot.domain.Channel;
import org.earshot.domain.Platform;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpClientFactory;
import org.earshot.http.RateLimitHeaders;

/**
 * Builds a feed connector: one HTTP client and one set of retry, rate limiter and circuit breaker
 * named after the connector, for all its feeds. Its publisher refuses every post: feeds are read-only.
 */
public final class FeedConnectorFactory extends PlatformConnectorFactory {
    /** Feeds are read-only: a reply is a suggestion a person posts by hand where the entry appeared. */
    public static final Channel CHANNEL = Channel.readOnly(Platform.RSS);

    /** Feeds have no rate-limit headers of their own; the draft standard's names, if a site sends them. */
    static final RateLimitHeaders.Scheme RATE_LIMIT = new RateLimitHeaders.Scheme(
            "RateLimit-Remaining", "RateLimit-Reset", RateLimitHeaders.ResetFormat.SECONDS_UNTIL);

    public FeedConnectorFactory() {
        this(Clock.systemUTC());
    }

    public FeedConnectorFactory(Clock clock) {
        super("feed", CHANNEL, clock);
    }

    @Override
    public Connector create(ConnectorConfig config, BrandConfig brand) {
        FeedSettings settings = FeedSettings.from(config);
        if (settings.anyMatchesBrand() && brand.keywords().isEmpty() && brand.handles().isEmpty()
                && brand.hashtags().isEmpty()) {
            throw config.settings().get("matchBrand").error("is true but brand '" + brand.id() + "' has no keywords,"
                    + " handles or hashtags to match; set matchBrand: false for feeds that are all about the brand");
        }
        ConnectorResilience http = new ConnectorResilience(config.id(),
                new HttpClientFactory(settings.connectTimeout(), settings.responseTimeout()).create(),
                settings.resilience(), RATE_LIMIT, clock);
        return new Connector(config.id(), Platform.RSS, config.brand(), config.schedule(),
                new FeedMentionSource(settings, brand, http, clock), new FeedReplyPublisher());
    }
}
