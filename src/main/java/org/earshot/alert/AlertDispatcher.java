package org.earshot.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.earshot.config.AlertRoute;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.AlertStore;
import org.earshot.store.AlertStore.StoredAlert;
import org.earshot.store.Database;
import org.earshot.task.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due alerts to Slack, route by route, in the order they were raised. Alerts are claimed with a
 * lease before sending and marked sent right after Slack's 200, so a restart sends none twice. When
 * more than {@link #FOLD_ABOVE} are due on one route at once they go as one message listing them, the
 * most pressing first; a spike still goes on its own.
 * Slack's 429 waits as long as it asks; 5xx and broken connections back off exponentially; a webhook
 * that is gone (403, 404, 410) stops its route and drops its alerts with the reason. The stop is kept in
 * the database for the webhook it was met on, so every node of a cluster stops the route too, and a restart
 * does not start it again until its webhook changes.
 */
public final class AlertDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    static final int FOLD_ABOVE = 5;
    private static final int BATCH = 200;

    private final Database db;
    private final AlertStore store;
    private final AlertRouter router;
    private final SlackWebhook slack;
    private final SlackMessage messages;
    private final Clock clock;
    private final Duration lease;
    private final Backoff backoff;
    private final Map<String, RouteHealth> problems = new ConcurrentHashMap<>();
    private final Map<String, LastError> lastErrors = new ConcurrentHashMap<>();
    private volatile SlackSends sends = (route, outcome) -> { };

    /** Each message sent to Slack, as it happens: its route and "sent", "try_later" or "refused" (for /metrics). */
    public interface SlackSends {
        void sent(String route, String outcome);
    }

    /** Tells {@code sends} about every message sent from now on. */
    public AlertDispatcher countingSends(SlackSends sends) {
        this.sends = sends;
        return this;
    }

    public AlertDispatcher(Database db, AlertStore store, AlertRouter router, SlackWebhook slack,
                           SlackMessage messages, Clock clock, Duration lease, Backoff backoff) {
        this.db = db;
        this.store = store;
        this.router = router;
        this.slack = slack;
        this.messages = messages;
        this.clock = clock;
        this.lease = lease;
        this.backoff = backoff;
    }

    /** Sends every due alert; returns how many alerts Slack took in this run. */
    public int dispatchDue() {
        List<StoredAlert> due = db.inTransaction(c -> store.due(c, clock.instant(), BATCH));
        Map<String, List<StoredAlert>> byRoute = new LinkedHashMap<>();
        due.forEach(a -> byRoute.computeIfAbsent(a.route(), r -> new ArrayList<>()).add(a));
        int sent = 0;
        for (Map.Entry<String, List<StoredAlert>> entry : byRoute.entrySet()) {
            sent += dispatch(entry.getKey(), entry.getValue());
        }
        return sent;
    }

    /**
     * Every configured route: ok or the problem its webhook has, the last error since the start, when
     * Slack last took one of its messages and how many alerts wait.
     */
    public List<RouteHealth> routeHealth() {
        Map<String, AlertStore.RouteDelivery> delivery = db.inTransaction(store::deliveryByRoute);
        Map<String, AlertStore.StoppedRoute> stopped = db.inTransaction(store::stoppedRoutes);
        return router.routes().stream().map(r -> {
            AlertStore.StoppedRoute stop = stopped.get(r.name());
            RouteHealth now = stop != null && stop.webhookSha256().equals(fingerprint(r.webhookUrl()))
                    ? new RouteHealth(r.name(), stop.problem(), true)
                    : problems.getOrDefault(r.name(), new RouteHealth(r.name(), "", false));
            LastError last = lastErrors.get(r.name());
            AlertStore.RouteDelivery d = delivery.getOrDefault(r.name(), new AlertStore.RouteDelivery(null, 0));
            return new RouteHealth(r.name(), now.problem(), now.stopped(), last == null ? "" : last.error(),
                    last == null ? null : last.at(), d.lastSent(), d.pending());
        }).toList();
    }

    private record LastError(String error, Instant at) {
    }

    /** The route's stop as the database keeps it for all nodes, when it was met on the webhook the route has now. */
    private Optional<AlertStore.StoppedRoute> stoppedForAll(AlertRoute route) {
        return Optional.ofNullable(db.inTransaction(store::stoppedRoutes).get(route.name()))
                .filter(s -> s.webhookSha256().equals(fingerprint(route.webhookUrl())));
    }

    static String fingerprint(String webhookUrl) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(webhookUrl.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private int dispatch(String routeName, List<StoredAlert> due) {
        Optional<AlertRoute> route = router.route(routeName);
        List<Long> ids = due.stream().map(StoredAlert::id).toList();
        if (route.isEmpty()) {
            drop(ids, "route '" + routeName + "' is not configured any more");
            return 0;
        }
        RouteHealth health = problems.get(routeName);
        Optional<AlertStore.StoppedRoute> stopped = stoppedForAll(route.get());
        if (health != null && health.stopped() || stopped.isPresent()) {
            drop(ids, stopped.map(AlertStore.StoppedRoute::problem).orElseGet(() -> health.problem()));
            return 0;
        }
        Instant now = clock.instant();
        List<Long> claimed = db.inTransaction(c -> store.claim(c, ids, now, now.plus(lease)));
        List<StoredAlert> mine = due.stream().filter(a -> claimed.contains(a.id())).toList();
        if (mine.isEmpty()) {
            return 0;
        }
        List<StoredAlert> alone = mine.stream().filter(AlertDispatcher::standsAlone).limit(FOLD_ABOVE).toList();
        List<StoredAlert> foldable = mine.stream().filter(a -> !alone.contains(a)).toList();
        if (foldable.size() <= FOLD_ABOVE) {
            return oneByOne(route.get(), mine, List.of()).sent();
        }
        // A spike stays its own message however many others are due with it.
        Progress first = oneByOne(route.get(), alone, foldable);
        if (first.stopped()) {
            return first.sent();
        }
        boolean failedBefore = foldable.stream().anyMatch(a -> a.attempts() > 0);
        // Not "held": a burst (a first poll, a spike of new mentions) folds as well as quiet hours do.
        String why = failedBefore ? "while Slack was unreachable" : "due at once on this channel";
        String json = messages.folded(mostPressingFirst(foldable), why);
        return first.sent() + (send(route.get(), foldable, json) instanceof SlackWebhook.Sent ? foldable.size() : 0);
    }

    /** A spike is rare (one incident per brand at a time) and is the alert a burst must not bury. */
    private static boolean standsAlone(StoredAlert stored) {
        return stored.alert().kind() == AlertKind.SPIKE;
    }

    /** The folded list shows the most pressing first, so that its cut ("…and 4 more") never hides a critical one. */
    private static List<Alert> mostPressingFirst(List<StoredAlert> alerts) {
        return alerts.stream().map(StoredAlert::alert).sorted(java.util.Comparator.comparingInt(
                (Alert a) -> a.level() == null ? UrgencyLevel.values().length : -a.level().ordinal())).toList();
    }

    private record Progress(int sent, boolean stopped) {
    }

    /**
     * Sends each alert as its own message, in order; when one must wait (or its route is gone), the
     * rest and {@code after} wait for its retry too, so the route keeps its order.
     */
    private Progress oneByOne(AlertRoute route, List<StoredAlert> alerts, List<StoredAlert> after) {
        int sent = 0;
        for (int i = 0; i < alerts.size(); i++) {
            SlackWebhook.Outcome outcome = send(route, List.of(alerts.get(i)), messages.single(alerts.get(i).alert()));
            if (outcome instanceof SlackWebhook.Sent) {
                sent++;
            } else if (outcome instanceof SlackWebhook.TryLater || ((SlackWebhook.Refused) outcome).routeGone()) {
                Instant at = retryAt(route, alerts.get(i), outcome);
                List<Long> rest = java.util.stream.Stream.concat(alerts.subList(i + 1, alerts.size()).stream(),
                        after.stream()).map(StoredAlert::id).toList();
                db.useTransaction(c -> store.retryAt(c, rest, null, at));
                return new Progress(sent, true);
            }
        }
        return new Progress(sent, false);
    }

    /** Sends one message carrying {@code alerts} and records what became of them. */
    private SlackWebhook.Outcome send(AlertRoute route, List<StoredAlert> alerts, String json) {
        List<Long> ids = alerts.stream().map(StoredAlert::id).toList();
        SlackWebhook.Outcome outcome = slack.post(route.webhookUrl(), json);
        sends.sent(route.name(), outcome instanceof SlackWebhook.Sent ? "sent"
                : outcome instanceof SlackWebhook.TryLater ? "try_later" : "refused");
        Instant now = clock.instant();
        if (outcome instanceof SlackWebhook.Sent) {
            db.useTransaction(c -> store.sent(c, ids, now));
            problems.computeIfPresent(route.name(), (name, h) -> h.stopped() ? h : null);
            LOG.info("alerts: {} alert(s) sent to route {}", ids.size(), route.name());
        } else if (outcome instanceof SlackWebhook.TryLater later) {
            Instant at = alerts.stream().map(a -> retryAt(route, a, later)).min(Instant::compareTo).orElseThrow();
            db.useTransaction(c -> store.retryAt(c, ids, later.reason(), at));
            problems.compute(route.name(), (name, h) -> h != null && h.stopped() ? h
                    : new RouteHealth(name, later.reason(), false));
            lastErrors.put(route.name(), new LastError(later.reason(), now));
            LOG.warn("alerts: route {}: {}; next try {}", route.name(), later.reason(), at);
        } else if (outcome instanceof SlackWebhook.Refused refused) {
            String reason = "route '" + route.name() + "': " + refused.reason();
            problems.put(route.name(), new RouteHealth(route.name(), refused.reason(), refused.routeGone()));
            lastErrors.put(route.name(), new LastError(refused.reason(), now));
            int more = db.inTransaction(c -> {
                store.drop(c, ids, reason);
                if (refused.routeGone()) {
                    store.stopRoute(c, route.name(), fingerprint(route.webhookUrl()), refused.reason(), now);
                }
                return refused.routeGone() ? store.dropPendingOfRoute(c, route.name(), reason) : 0;
            });
            LOG.error("alerts: {}; dropped {} alert(s){}", reason, ids.size() + more,
                    refused.routeGone() ? ", and the route is stopped until its webhook is fixed" : "");
        }
        return outcome;
    }

    /** When a claimed alert is tried again after {@code outcome}: Slack's wait, else backoff, then the route's hours. */
    private Instant retryAt(AlertRoute route, StoredAlert alert, SlackWebhook.Outcome outcome) {
        Instant now = clock.instant();
        Optional<Instant> asked = outcome instanceof SlackWebhook.TryLater later ? later.notBefore() : Optional.empty();
        Instant at = asked.orElse(now.plus(backoff.after(alert.attempts() + 1)));
        return router.deliverableFrom(route, alert.alert().level(), at);
    }

    private void drop(List<Long> ids, String reason) {
        db.useTransaction(c -> store.drop(c, ids, reason));
        LOG.warn("alerts: dropped {} alert(s): {}", ids.size(), reason);
    }
}
