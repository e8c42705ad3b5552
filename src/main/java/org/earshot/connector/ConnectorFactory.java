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
}
