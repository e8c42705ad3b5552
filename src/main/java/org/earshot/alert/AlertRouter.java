package org.earshot.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.earshot.config.AlertRoute;
import org.earshot.config.AlertsConfig;
import org.earshot.config.BusinessHours;
import org.earshot.config.TimeWindow;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.UrgencyLevel;

/**
 * Picks where an alert goes (the first route that takes it) and from when it may go: a route's quiet
 * hours and business-hours-only setting hold an alert until they allow it, never drop it. Critical
 * alerts go at once. Times of day are read in the business-hours zone.
 */
public final class AlertRouter {
    private final List<AlertRoute> routes;
    private final BusinessHours businessHours;

    public AlertRouter(AlertsConfig config) {
        this.routes = config.routes();
        this.businessHours = config.businessHours();
    }

    /** The first route that takes the alert, or empty when none does. */
    public Optional<AlertRoute> route(Alert alert) {
        return routes.stream().filter(r -> takes(r, alert)).findFirst();
    }

    public List<AlertRoute> routes() {
        return routes;
    }

    public Optional<AlertRoute> route(String name) {
        return routes.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The earliest time at or after {@code at} the route may deliver an alert of this level. */
    public Instant deliverableFrom(AlertRoute route, UrgencyLevel level, Instant at) {
        if (level == UrgencyLevel.CRITICAL) {
            return at;
        }
        Instant t = at;
        // Quiet hours may end outside business hours and business hours may open in quiet hours:
        // alternate until both allow it (a week of alternations covers any config).
        for (int i = 0; i < 16; i++) {
            Instant next = openFrom(route, t);
            if (next.equals(t)) {
                return t;
            }
            t = next;
        }
        return t;
    }

    private Instant openFrom(AlertRoute route, Instant at) {
        Instant t = at;
        if (route.quietHours() != null) {
            t = quietEnd(route.quietHours(), t);
        }
        if (route.businessHoursOnly()) {
            t = nextOpening(t);
        }
        return t;
    }

    private Instant quietEnd(TimeWindow quiet, Instant at) {
        ZonedDateTime local = at.atZone(businessHours.zone());
        if (!quiet.contains(local.toLocalTime())) {
            return at;
        }
        ZonedDateTime end = ZonedDateTime.of(local.toLocalDate(), quiet.to(), businessHours.zone());
        if (!end.isAfter(local)) {
            end = ZonedDateTime.of(local.toLocalDate().plusDays(1), quiet.to(), businessHours.zone());
        }
        return end.toInstant();
    }

    private Instant nextOpening(Instant at) {
        if (businessHours.isOpen(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(businessHours.zone());
        for (int d = 0; d <= 7; d++) {
            LocalDate day = local.toLocalDate().plusDays(d);
            ZonedDateTime opens = ZonedDateTime.of(day, businessHours.opens(), businessHours.zone());
            if (businessHours.days().contains(day.getDayOfWeek()) && opens.isAfter(local)) {
                return opens.toInstant();
            }
        }
        return at;
    }

    private static boolean takes(AlertRoute route, Alert alert) {
        if (!route.brands().isEmpty() && !route.brands().contains(alert.brand())) {
            return false;
        }
        if (!route.platforms().isEmpty()
                && (alert.platform() == null || !route.platforms().contains(alert.platform().id()))) {
            return false;
        }
        if (!route.kinds().isEmpty() && !route.kinds().contains(alert.kind().id())) {
            return false;
        }
        if (alert.kind() == AlertKind.NEW_MENTION && route.minimumLevel() != null) {
            return alert.level() != null && alert.level().compareTo(route.minimumLevel()) >= 0;
        }
        return true;
    }
}
