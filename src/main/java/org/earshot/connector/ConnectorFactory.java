package org.earshot.connector;

import org.earshot.config.BrandConfig;
import org.earshot.config.ConnectorConfig;

/**
 * Builds one platform's connector from its config entry. Each platform package has one; the wiring
 * lists them by hand. {@link #create} reads and checks the platform's own keys and throws
 * {@link org.earshot.config.ConfigException} naming the key ("connectors.mastodon.baseUrl is required").
 */
public interface ConnectorFactory {

    /** The {@code type:} value this factory builds ("mastodon", "imap"). */
    String type();

    Connector create(ConnectorConfig config, BrandConfig brand);

    /**
     * Builds the connector, then refuses any key under its entry that neither the config loader nor this
     * platform asked for ("connectors.x.shedule is not a setting; did you mean schedule?").
     */
    default Connector createChecked(ConnectorConfig config, BrandConfig brand) {
        Connector connector = create(config, brand);
        config.settings().requireKnownKeys();
        return connector;
    }
}
