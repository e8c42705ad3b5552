package org.earshot.web;

import java.time.Instant;
import java.util.List;
import org.earshot.alert.RouteHealth;
import org.earshot.connector.ConnectorHealth;

/**
 * The connectors' and the alert routes' health as the API shows it; {@code quotaLeft} is -1 when the
 * platform does not say; {@code quarantined} counts what the connector's polls could not read or store
 * (kept, listed at {@code /api/quarantine}). {@code healthy} is false when a connector has a problem or a route's webhook
 * has one (a stopped route sends nothing until its webhook is fixed).
 */
record HealthView(boolean healthy, List<ConnectorView> connectors, List<AlertRouteView> alertRoutes) {

    record ConnectorView(String connectorId, boolean healthy, String problem, Instant lastSuccess,
                         Instant lastFailure, String lastError, int consecutiveFailures, long mentionsLastPoll,
                         long mentionsLastHour, Instant lastMentionAt, long quotaLeft, long quarantined) {
    }

    /**
     * One alert route: {@code problem} is what is wrong now (null when fine), {@code stopped} when Slack
     * refused its webhook for good, {@code lastError} the last error since the start even if it recovered.
     */
    record AlertRouteView(String name, boolean healthy, String problem, boolean stopped, Instant lastDelivery,
                          String lastError, Instant lastErrorAt, long pending) {
    }

    static HealthView of(List<ConnectorHealth> health, List<RouteHealth> routes) {
        List<ConnectorView> views = health.stream()
                .map(h -> new ConnectorView(h.connectorId(), h.healthy(), h.problem(), h.lastSuccess(),
                        h.lastFailure(), h.lastError(), h.consecutiveFailures(), h.mentionsLastPoll(),
                        h.mentionsLastHour(), h.lastMentionAt(), h.quotaLeft(), h.quarantined()))
                .toList();
        List<AlertRouteView> routeViews = routes.stream()
                .map(r -> new AlertRouteView(r.route(), r.ok(), r.ok() ? null : r.problem(), r.stopped(),
                        r.lastDelivery(), r.lastError().isEmpty() ? null : r.lastError(), r.lastErrorAt(), r.pending()))
                .toList();
        return new HealthView(views.stream().allMatch(ConnectorView::healthy)
                && routeViews.stream().allMatch(AlertRouteView::healthy), views, routeViews);
    }
}
