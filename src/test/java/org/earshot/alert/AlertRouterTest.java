package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.earshot.config.AlertRoute;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Platform;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.Test;

class AlertRouterTest {
    private static final String SLACK = "http://slack.example";
    private static final AlertRoute BETA_BLUESKY = new AlertRoute("beta-bluesky", SLACK + "/services/beta",
            List.of("beta"), List.of("bluesky"), List.of(), UrgencyLevel.LOW, null, false);
    private final AlertRouter router = new AlertRouter(AlertFixtures.config(BETA_BLUESKY,
            AlertFixtures.urgent(SLACK), AlertFixtures.team(SLACK)));

    private static Alert mention(String brand, Platform platform, UrgencyLevel level) {
        return new Alert(AlertKind.NEW_MENTION, "k", brand, platform, level, "t", "x", List.of(), "", null,
                AlertFixtures.WEDNESDAY_NOON);
    }

    private Optional<String> routeOf(Alert alert) {
        return router.route(alert).map(AlertRoute::name);
    }

    @Test
    void theFirstRouteThatTakesTheAlertWins() {
        assertThat(routeOf(mention("beta", Platform.BLUESKY, UrgencyLevel.CRITICAL))).contains("beta-bluesky");
        assertThat(routeOf(mention("acme", Platform.BLUESKY, UrgencyLevel.CRITICAL))).contains("urgent");
    }

    @Test
    void aRouteListingPlatformsTakesOnlyThosePlatforms() {
        assertThat(routeOf(mention("beta", Platform.X, UrgencyLevel.LOW))).isEmpty();
        assertThat(routeOf(mention("beta", null, UrgencyLevel.LOW))).isEmpty();
    }

    @Test
    void mentionAlertsBelowARoutesMinimumLevelPassItBy() {
        assertThat(routeOf(mention("acme", Platform.X, UrgencyLevel.HIGH))).contains("urgent");
        assertThat(routeOf(mention("acme", Platform.X, UrgencyLevel.NORMAL))).isEmpty();
        assertThat(routeOf(mention("acme", Platform.X, null))).isEmpty();
    }

    @Test
    void theMinimumLevelAppliesToMentionAlertsOnly() {
        assertThat(routeOf(AlertFixtures.of(AlertKind.SPIKE, "s", AlertFixtures.WEDNESDAY_NOON))).contains("urgent");
    }

    @Test
    void routesTakeOnlyTheKindsTheyList() {
        assertThat(routeOf(AlertFixtures.of(AlertKind.SLA_WARNING, "w", AlertFixtures.WEDNESDAY_NOON))).contains("team");
        assertThat(routeOf(AlertFixtures.of(AlertKind.DIGEST, "d", AlertFixtures.WEDNESDAY_NOON))).contains("team");
        AlertRouter urgentOnly = new AlertRouter(AlertFixtures.config(AlertFixtures.urgent(SLACK)));
        assertThat(urgentOnly.route(AlertFixtures.of(AlertKind.DIGEST, "d", AlertFixtures.WEDNESDAY_NOON))).isEmpty();
    }

    @Test
    void anAlertRaisedInQuietHoursWaitsUntilTheyEndInTheBusinessHoursZone() {
        AlertRoute urgent = AlertFixtures.urgent(SLACK);
        // 23:30 in London (GMT in November): quiet until 07:00 the next morning.
        Instant lateEvening = Instant.parse("2026-11-18T23:30:00Z");
        assertThat(router.deliverableFrom(urgent, UrgencyLevel.HIGH, lateEvening))
                .isEqualTo(Instant.parse("2026-11-19T07:00:00Z"));
        Instant earlyMorning = Instant.parse("2026-11-19T05:00:00Z");
        assertThat(router.deliverableFrom(urgent, UrgencyLevel.HIGH, earlyMorning))
                .isEqualTo(Instant.parse("2026-11-19T07:00:00Z"));
    }

    @Test
    void quietHoursFollowTheZonesSummerTime() {
        // 21:30 UTC in July is 22:30 in London (BST): quiet until 07:00 BST, which is 06:00 UTC.
        assertThat(router.deliverableFrom(AlertFixtures.urgent(SLACK), UrgencyLevel.HIGH,
                Instant.parse("2026-07-15T21:30:00Z"))).isEqualTo(Instant.parse("2026-07-16T06:00:00Z"));
    }

    @Test
    void criticalAlertsGoThroughQuietHoursAndClosedOffices() {
        Instant lateEvening = Instant.parse("2026-11-18T23:30:00Z");
        assertThat(router.deliverableFrom(AlertFixtures.urgent(SLACK), UrgencyLevel.CRITICAL, lateEvening))
                .isEqualTo(lateEvening);
        assertThat(router.deliverableFrom(AlertFixtures.team(SLACK), UrgencyLevel.CRITICAL, lateEvening))
                .isEqualTo(lateEvening);
    }

    @Test
    void aBusinessHoursOnlyRouteHoldsAlertsUntilTheOfficeOpens() {
        AlertRoute team = AlertFixtures.team(SLACK);
        assertThat(router.deliverableFrom(team, null, AlertFixtures.WEDNESDAY_NOON))
                .isEqualTo(AlertFixtures.WEDNESDAY_NOON);
        assertThat(router.deliverableFrom(team, null, Instant.parse("2026-11-18T18:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-19T09:00:00Z"));
        // Friday evening waits for Monday morning.
        assertThat(router.deliverableFrom(team, null, Instant.parse("2026-11-20T17:45:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    }

    @Test
    void outsideQuietHoursAlertsGoAtOnce() {
        assertThat(router.deliverableFrom(AlertFixtures.urgent(SLACK), UrgencyLevel.HIGH, AlertFixtures.WEDNESDAY_NOON))
                .isEqualTo(AlertFixtures.WEDNESDAY_NOON);
    }

    @Test
    void quietHoursEndingBeforeTheOfficeOpensWaitForBoth() {
        AlertRoute both = new AlertRoute("both", SLACK, List.of(), List.of(), List.of(), UrgencyLevel.LOW,
                new org.earshot.config.TimeWindow(LocalTime.of(8, 0), LocalTime.of(9, 30)), true);
        // Thursday 08:15: the office is open at 09:00 but quiet hours last until 09:30.
        assertThat(router.deliverableFrom(both, UrgencyLevel.NORMAL, Instant.parse("2026-11-19T08:15:00Z")))
                .isEqualTo(Instant.parse("2026-11-19T09:30:00Z"));
    }
}
