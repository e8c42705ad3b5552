package org.earshot.connector.x;

import java.time.Clock;
import java.util.function.Consumer;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConnectorConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorFactory;
import org.earshot.domain.Channel;
import org.earshot.domain.Platform;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an X connector for {@code api: v2} (HttpClient 5 and Jackson) or {@code api: v1.1}
 * (Twitter4J): one HTTP client and one set of retry, rate limiter and circuit breaker named after the
 * connector, shared by its source and its publisher only.
 */
public final class XConnectorFactory implements ConnectorFactory {
    /** X: 280 characters a post, threaded, each reply starting with the @handle. */
    public static final Channel CHANNEL = Channel.social(Platform.X, 280).repliesStartWithTheHandle();

    private static final Logger LOG = LoggerFactory.getLogger(XConnectorFactory.class);

    static {
        // Before any connection of the process is made, or the JDK would not read it (see XV1Client).
        XV1Client.disableJdkPostRetry();
    }

    private final Clock clock;
    private final Consumer<String> gaps;

    public XConnectorFactory() {
        this(Clock.systemUTC());
    }

    public XConnectorFactory(Clock clock) {
        this(clock, LOG::warn);
    }

    /** @param gaps where a poll reports posts it could not read (a log in production, a list in tests) */
    XConnectorFactory(Clock clock, Consumer<String> gaps) {
        this.clock = clock;
        this.gaps = gaps;
    }

    @Override
    public Channel channel() {
        return CHANNEL;
    }

    @Override
    public String type() {
        return "x";
    }

    @Override
    public Connector create(ConnectorConfig config, BrandConfig brand) {
        XSettings settings = XSettings.from(config);
        XQuery query = XQuery.of(brand, settings, config.settings());
        ConnectorResilience http = new ConnectorResilience(config.id(),
                new HttpClientFactory(settings.connectTimeout(), settings.responseTimeout()).create(),
                settings.resilience(), XV2Api.RATE_LIMIT, clock);
        XSearch search;
        XReplies replies;
        XCredentialCheck credentials;
        if (settings.api() == XApiVersion.V2) {
            search = new XV2Search(settings, query, http, clock);
            replies = new XV2Replies(settings, http);
            credentials = XCredentialCheck.v2(settings, http);
        } else {
            XV1Client client = new XV1Client(settings, http);
            search = new XV1Search(settings, query, client, clock);
            replies = new XV1Replies(settings, client);
            credentials = XCredentialCheck.v1(settings, client);
        }
        return new Connector(config.id(), Platform.X, config.brand(), config.schedule(),
                new XMentionSource(settings, brand, search, gaps, clock, credentials), new XReplyPublisher(settings, replies));
    }

    @Override
    public java.util.Optional<org.earshot.connector.PollBudget> pollBudget() {
        return java.util.Optional.of(new org.earshot.connector.PollBudget(60, java.time.Duration.ofMinutes(15), "X API v2 recent search (Basic access)"));
    }
}
