package org.earshot.config;

import java.util.List;
import org.earshot.domain.UrgencyLevel;

/**
 * One destination for alerts: a Slack incoming webhook and which alerts it takes. Empty lists match
 * everything. Critical alerts ignore quiet hours and business hours: they always go through.
 *
 * @param kinds             alert kinds by id (new_mention, spike, sla_warning, sla_breach,
 *                          connector_unhealthy, follow_up_due, digest)
 * @param minimumLevel      the lowest urgency level of mention alerts this route takes
 * @param quietHours        no alerts in this window (in the business-hours zone); null for none
 * @param businessHoursOnly only during business hours
 */
public record AlertRoute(
        String name,
        String webhookUrl,
        List<String> brands,
        List<String> platforms,
        List<String> kinds,
        UrgencyLevel minimumLevel,
        TimeWindow quietHours,
        boolean businessHoursOnly) {

    public AlertRoute {
        brands = List.copyOf(brands);
        platforms = List.copyOf(platforms);
        kinds = List.copyOf(kinds);
    }
}
