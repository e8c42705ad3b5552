package org.earshot.config;

import java.time.Duration;

/**
 * One entry under {@code connectors:}. The platform's own settings stay in {@code settings}, read by
 * the platform's package, so the core knows no platform's keys.
 */
public record ConnectorConfig(String id, String type, String brand, boolean enabled, Duration schedule,
                              ConfigNode settings) {
}
