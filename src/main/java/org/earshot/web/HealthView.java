package org.earshot.web;

import java.time.Instant;
import java.util.List;
import org.earshot.alert.RouteHealth;
import org.earshot.connector.ConnectorHealth;

/**
 * The connectors', the alert routes' and the outbox's health as the API shows it; {@code quotaLeft} is
 * -1 when the platform does not say. {@code healthy} is false when a connector has a problem, a route's
 * webhook has one (a stopped route sends nothing until its webhook is fixed), or a reply is blocked
 * (nothing posts it until someone retries it).
 */
record HealthView(boolean healthy, List<ConnectorView> connectors, List<AlertRouteView> alertRoutes,
                  BlockedRepliesView blockedReplies) {

    /** The replies the outbox stopped trying, by task; {@code POST /api/tasks/{id}/retry} releases one. */
    record BlockedRepliesView(int count, List<Long> taskIds) {
    }

    record ConnectorView(String connectorId, boolean healthy, String problem, Instant lastSuccess,
                         Instant lastFailure, String lastError, int consecutiveFailures, long mentionsLastPoll,
                         long mentionsLastHour, Instant lastMentionAt, long quotaLeft) {
    }

    /**
     * One alert route: {@code problem} is what is wrong now (null when fine), {@code stopped} when Slack
     * refused its webhook for good, {@code lastError} the last error since the start even if it recovered.
     */
    record AlertRouteView(String name, boolean healthy, String problem, boolean stopped, Instant lastDelivery,
                          String lastError, Instant lastErrorAt, long pending) {
    }

    static HealthView of(List<ConnectorHealth> health, List<RouteHealth> routes, List<Long> blockedReplies) {
        List<ConnectorView> views = health.stream()
                .map(h -> new ConnectorView(h.connectorId(), h.healthy(), h.problem(), h.lastSuccess(),
                        h.lastFailure(), h.lastError(), h.consecutiveFailures(), h.mentionsLastPoll(),
                        h.mentionsLastHour(), h.lastMentionAt(), h.quotaLeft()))
                .toList();
        List<AlertRouteView> routeViews = routes.stream()
                .map(r -> new AlertRouteView(r.route(), r.ok(), r.ok() ? null : r.problem(), r.stopped(),
                        r.lastDelivery(), r.lastError().isEmpty() ? null : r.lastError(), r.lastErrorAt(), r.pending()))
                .toList();
        return new HealthView(views.stream().allMatch(ConnectorView::healthy)
                && routeViews.stream().allMatch(AlertRouteView::healthy) && blockedReplies.isEmpty(), views, routeViews,
                new BlockedRepliesView(blockedReplies.size(), List.copyOf(blockedReplies)));
    }
}
