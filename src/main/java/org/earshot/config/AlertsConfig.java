package org.earshot.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * What raises an alert and where it goes (the {@code alerts:} section).
 *
 * @param routes        where alerts go, first matching route wins; empty means alerts are off
 * @param businessHours the team's working hours; service-level clocks and business-hours-only routes use them
 * @param spike         when negative mentions of a brand count as a spike
 * @param breachWarning how long before a service level breaches the warning goes out
 * @param digestAt      the time of day (in the business-hours zone) of the daily digest per brand
 * @param queueUrl      the web queue's address as people reach it, for links in alerts
 */
public record AlertsConfig(
        List<AlertRoute> routes,
        BusinessHours businessHours,
        SpikeRule spike,
        Duration breachWarning,
        LocalTime digestAt,
        String queueUrl) {

    public AlertsConfig {
        routes = List.copyOf(routes);
    }

    public static AlertsConfig off() {
        return new AlertsConfig(List.of(), BusinessHours.ALWAYS, SpikeRule.DEFAULT, Duration.ofMinutes(30),
                LocalTime.of(8, 0), "http://localhost:8080");
    }

    public boolean enabled() {
        return !routes.isEmpty();
    }
}
