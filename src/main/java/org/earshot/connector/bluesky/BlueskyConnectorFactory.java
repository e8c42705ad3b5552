package org.earshot.connector.bluesky;

import java.time.Clock;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConnectorConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.PlatformConnectorFactory;
import org.earshot.domain.Channel;
import org.earshot.domain.Platform;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpClientFactory;

/**
 * Builds a Bluesky connector: one HTTP client, one set of retry, rate limiter and circuit breaker
 * named after the connector, and one login session, shared by its source and its publisher only.
 */
public final class BlueskyConnectorFactory extends PlatformConnectorFactory {
    /** Bluesky: 300 characters a post, threaded, each reply starting with the @handle. */
    public static final Channel CHANNEL = Channel.social(Platform.BLUESKY, 300).repliesStartWithTheHandle();

    public BlueskyConnectorFactory() {
        this(Clock.systemUTC());
    }

    public BlueskyConnectorFactory(Clock clock) {
        super("bluesky", CHANNEL, clock);
    }

    @Override
    public Connector create(ConnectorConfig config, BrandConfig brand) {
        BlueskySettings settings = BlueskySettings.from(config);
        if (settings.queriesFor(brand).isEmpty()) {
            throw config.settings().get("queries").error("is not set and brand '" + brand.id()
                    + "' has no keywords, hashtags or handles, so there is nothing to search for");
        }
        ConnectorResilience http = new ConnectorResilience(config.id(),
                new HttpClientFactory(settings.connectTimeout(), settings.responseTimeout()).create(),
                settings.resilience(), BlueskyApi.RATE_LIMIT, clock);
        BlueskySession session = new BlueskySession(settings, http);
        return new Connector(config.id(), Platform.BLUESKY, config.brand(), config.schedule(),
                new BlueskyMentionSource(settings, brand, session, http, clock),
                new BlueskyReplyPublisher(settings, session, clock));
    }

    @Override
    public java.util.Optional<org.earshot.connector.PollBudget> pollBudget() {
        return java.util.Optional.of(new org.earshot.connector.PollBudget(3000, java.time.Duration.ofMinutes(5), "Bluesky (per IP)"));
    }
}
