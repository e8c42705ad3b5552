package org.earshot.config;

import java.time.Duration;

/**
 * One entry under {@code connectors:}. The platform's own settings stay in {@code settings}, read by
 * the platform's package, so the core knows no platform's keys.
 *
 * @param expectMentionsWithin how long this account is normally never quiet; longer without a mention
 *                             marks the connector unhealthy. Null when quiet is normal.
 */
public record ConnectorConfig(String id, String type, String brand, boolean enabled, Duration schedule,
                              ConfigNode settings, Duration expectMentionsWithin) {

    public ConnectorConfig(String id, String type, String brand, boolean enabled, Duration schedule,
                           ConfigNode settings) {
        this(id, type, brand, enabled, schedule, settings, null);
    }
}
