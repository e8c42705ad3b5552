package org.earshot.alert;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.earshot.config.AlertRoute;
import org.earshot.config.AlertsConfig;
import org.earshot.config.BusinessHours;
import org.earshot.config.SpikeRule;
import org.earshot.config.TimeWindow;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Platform;
import org.earshot.domain.UrgencyLevel;

/** The example config's alert routes, pointed at a stand-in Slack, and alerts to raise on them. */
final class AlertFixtures {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Wednesday 18 November 2026, 12:00 in London (GMT): business hours, not quiet hours. */
    static final Instant WEDNESDAY_NOON = Instant.parse("2026-11-18T12:00:00Z");
    static final String QUEUE = "https://earshot.example";
    static final BusinessHours OFFICE = new BusinessHours(LONDON,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 30));

    private AlertFixtures() {
    }

    static AlertRoute urgent(String slackUrl) {
        return new AlertRoute("urgent", slackUrl + "/services/T000/B000/urgent", List.of(), List.of(),
                List.of("new_mention", "spike", "sla_breach"), UrgencyLevel.HIGH,
                new TimeWindow(LocalTime.of(22, 0), LocalTime.of(7, 0)), false);
    }

    static AlertRoute team(String slackUrl) {
        return new AlertRoute("team", slackUrl + "/services/T000/B000/team", List.of(), List.of(),
                List.of("sla_warning", "connector_unhealthy", "follow_up_due", "digest"), UrgencyLevel.NORMAL,
                null, true);
    }

    static AlertsConfig config(AlertRoute... routes) {
        return new AlertsConfig(List.of(routes), OFFICE, SpikeRule.DEFAULT, Duration.ofMinutes(30),
                LocalTime.of(8, 0), QUEUE);
    }

    static AlertsConfig exampleConfig(String slackUrl) {
        return config(urgent(slackUrl), team(slackUrl));
    }

    static Alert mention(String key, UrgencyLevel level, Instant at) {
        return new Alert(AlertKind.NEW_MENTION, key, "acme", Platform.MASTODON, level,
                "Stranded at FRA", "@maria_k: stranded at FRA since 6am, nobody at the desk",
                List.of("priority: 0.91", "reasons: stranded, since 6am"), "", 42L, at);
    }

    static Alert of(AlertKind kind, String key, Instant at) {
        return new Alert(kind, key, "acme", null, null, kind.id() + " " + key, "", List.of(), "", null, at);
    }
}
