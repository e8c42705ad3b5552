package org.earshot.connector;

import java.util.List;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConnectorConfig;
import org.earshot.domain.Channel;
import org.earshot.domain.Channels;

/**
 * Builds one platform's connector from its config entry. Each platform package has one; the wiring
 * lists them by hand. {@link #create} reads and checks the platform's own keys and throws
 * {@link org.earshot.config.ConfigException} naming the key ("connectors.mastodon.baseUrl is required").
 * {@link #channel} declares what the platform can do (reply or not, its length limit, blocks or one
 * message...): the core asks that, so a new platform needs no edit outside its package and the wiring.
 */
public interface ConnectorFactory {

    /** The {@code type:} value this factory builds ("mastodon", "imap"). */
    String type();

    /** The platform this factory's connectors listen on, and what it can do. */
    Channel channel();

    Connector create(ConnectorConfig config, BrandConfig brand);

    /** The platform's own rate limit for the requests a poll makes, when it has one worth pacing to. */
    default java.util.Optional<PollBudget> pollBudget() {
        return java.util.Optional.empty();
    }

    /**
     * Builds the connector, then refuses any key under its entry that neither the config loader nor this
     * platform asked for ("connectors.x.shedule is not a setting; did you mean schedule?").
     */
    default Connector createChecked(ConnectorConfig config, BrandConfig brand) {
        Connector connector = create(config, brand);
        config.settings().requireKnownKeys();
        return connector;
    }

    /** The channels these factories declare. */
    /** The enabled connectors of a config, in its order, each with the factory of its type (empty: no factory has it). */
    static java.util.Map<ConnectorConfig, java.util.Optional<ConnectorFactory>> enabledIn(
            org.earshot.config.EarshotConfig config, List<ConnectorFactory> factories) {
        java.util.Map<ConnectorConfig, java.util.Optional<ConnectorFactory>> enabled = new java.util.LinkedHashMap<>();
        for (ConnectorConfig c : config.connectors().values()) {
            if (c.enabled()) {
                enabled.put(c, factories.stream().filter(f -> f.type().equals(c.type())).findFirst());
            }
        }
        return enabled;
    }

    /** What is wrong with a connector whose {@code type:} no factory has. */
    static org.earshot.config.ConfigException unknownType(org.earshot.config.EarshotConfig config, ConnectorConfig c,
                                                          List<ConnectorFactory> factories) {
        return new org.earshot.config.ConfigException(config.file(), "connectors." + c.id() + ".type", "must be one of "
                + factories.stream().map(ConnectorFactory::type).sorted().toList() + ", but was '" + c.type() + "'");
    }

    static Channels channels(List<ConnectorFactory> factories) {
        return new Channels(factories.stream().map(ConnectorFactory::channel).toList());
    }
}
