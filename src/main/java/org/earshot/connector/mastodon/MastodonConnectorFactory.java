package org.earshot.connector.mastodon;

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
 * Builds a Mastodon connector: one HTTP client and one set of retry, rate limiter and circuit
 * breaker named after the connector, shared by its source and its publisher only.
 */
public final class MastodonConnectorFactory extends PlatformConnectorFactory {
    /** Mastodon: 500 characters a status, threaded, each reply starting with the @handle. */
    public static final Channel CHANNEL = Channel.social(Platform.MASTODON, 500).repliesStartWithTheHandle();

    public MastodonConnectorFactory() {
        this(Clock.systemUTC());
    }

    public MastodonConnectorFactory(Clock clock) {
        super("mastodon", CHANNEL, clock);
    }

    @Override
    public Connector create(ConnectorConfig config, BrandConfig brand) {
        MastodonSettings settings = MastodonSettings.from(config);
        ConnectorResilience http = new ConnectorResilience(config.id(),
                new HttpClientFactory(settings.connectTimeout(), settings.responseTimeout()).create(),
                settings.resilience(), MastodonApi.RATE_LIMIT, clock);
        return new Connector(config.id(), Platform.MASTODON, config.brand(), config.schedule(),
                new MastodonMentionSource(settings, brand, http, clock),
                new MastodonReplyPublisher(settings, http));
    }

    @Override
    public java.util.Optional<org.earshot.connector.PollBudget> pollBudget() {
        return java.util.Optional.of(new org.earshot.connector.PollBudget(300, java.time.Duration.ofMinutes(5), "Mastodon (per account)"));
    }
}
