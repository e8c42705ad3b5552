package org.earshot.connector.reddit;

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
 * Builds a Reddit connector: one HTTP client, one set of retry, rate limiter and circuit breaker
 * named after the connector, and one login, shared by its source and its publisher only.
 */
public final class RedditConnectorFactory extends PlatformConnectorFactory {
    /** Reddit: comments of up to 10,000 characters, threaded; a comment names nobody first. */
    public static final Channel CHANNEL = Channel.social(Platform.REDDIT, 10_000);

    public RedditConnectorFactory() {
        this(Clock.systemUTC());
    }

    public RedditConnectorFactory(Clock clock) {
        super("reddit", CHANNEL, clock);
    }

    @Override
    public Connector create(ConnectorConfig config, BrandConfig brand) {
        RedditSettings settings = RedditSettings.from(config);
        String query = RedditQuery.of(brand, config.settings());
        ConnectorResilience http = new ConnectorResilience(config.id(),
                new HttpClientFactory(settings.connectTimeout(), settings.responseTimeout()).create(),
                settings.resilience(), RedditApi.RATE_LIMIT, clock);
        RedditApi api = new RedditApi(settings, http, new RedditAuth(settings, http, clock));
        return new Connector(config.id(), Platform.REDDIT, config.brand(), config.schedule(),
                new RedditMentionSource(api, brand, query, clock), new RedditReplyPublisher(api));
    }

    @Override
    public java.util.Optional<org.earshot.connector.PollBudget> pollBudget() {
        return java.util.Optional.of(new org.earshot.connector.PollBudget(100, java.time.Duration.ofMinutes(1), "Reddit OAuth (per client)"));
    }
}
