package org.earshot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.DeliveryState;
import org.earshot.domain.Platform;
import org.earshot.domain.UrgencyLevel;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Raised alerts and how far their delivery got. The dedup key is unique, so an alert is stored once;
 * rows are claimed by pushing their next attempt past a lease, so two workers never send one alert.
 */
public final class AlertStore {

    /** One stored alert with its route and delivery state. */
    public record StoredAlert(long id, Alert alert, String route, DeliveryState state, String dropReason,
                              int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
    }

    private static final RowMapper<StoredAlert> STORED = (rs, ctx) -> {
        String platform = rs.getString("platform");
        String level = rs.getString("urgency_level");
        long taskId = rs.getLong("task_id");
        Long task = rs.wasNull() ? null : taskId;
        Alert alert = new Alert(AlertKind.valueOf(rs.getString("kind")), rs.getString("dedup_key"),
                rs.getString("brand"), platform == null ? null : Platform.valueOf(platform),
                level == null ? null : UrgencyLevel.valueOf(level), rs.getString("title"), rs.getString("text"),
                Json.readList(rs.getString("facts")), rs.getString("link"), task, Timestamps.read(rs, "raised_at"));
        return new StoredAlert(rs.getLong("id"), alert, rs.getString("route"),
                DeliveryState.valueOf(rs.getString("state")), rs.getString("drop_reason"), rs.getInt("attempts"),
                Timestamps.read(rs, "next_attempt_at"), rs.getString("last_error"), Timestamps.read(rs, "sent_at"));
    };

    /**
     * Stores a new alert; false (and nothing written) when its dedup key is already stored.
     *
     * @param route null when no route matched; the alert is then stored as dropped with {@code dropReason}
     */
    public boolean add(Handle h, Alert alert, String route, DeliveryState state, String dropReason,
                       Instant nextAttemptAt) {
        boolean known = h.createQuery("select 1 from alert where dedup_key = :key").bind("key", alert.dedupKey())
                .mapTo(Integer.class).findFirst().isPresent();
        if (known) {
            return false;
        }
        h.createUpdate(InsertStatement.into("alert", "dedup_key", "kind", "brand", "platform", "urgency_level",
                        "title", "text", "facts", "link", "task_id", "raised_at", "route", "state", "drop_reason",
                        "next_attempt_at"))
                .bind("dedup_key", alert.dedupKey())
                .bind("kind", alert.kind())
                .bind("brand", alert.brand())
                .bind("platform", alert.platform())
                .bind("urgency_level", alert.level())
                .bind("title", alert.title())
                .bind("text", alert.text())
                .bind("facts", Json.write(alert.facts()))
                .bind("link", alert.link())
                .bind("task_id", alert.taskId())
                .bind("raised_at", alert.raisedAt())
                .bind("route", route)
                .bind("state", state)
                .bind("drop_reason", dropReason)
                .bind("next_attempt_at", nextAttemptAt)
                .execute();
        return true;
    }

    /** A route stopped for every node: the webhook it was stopped on (fingerprint), why, and when. */
    public record StoppedRoute(String route, String webhookSha256, String problem, Instant at) {
    }

    /** Stops a route for every node; a later stop of the same route replaces the earlier. */
    public void stopRoute(Handle h, String route, String webhookSha256, String problem, Instant now) {
        h.createUpdate("delete from alert_route_state where route = :route").bind("route", route).execute();
        h.createUpdate(InsertStatement.into("alert_route_state", "route", "webhook_sha256", "problem", "stopped_at"))
                .bind("route", route).bind("webhook_sha256", webhookSha256).bind("problem", problem)
                .bind("stopped_at", now)
                .execute();
    }

    public Map<String, StoppedRoute> stoppedRoutes(Handle h) {
        Map<String, StoppedRoute> out = new HashMap<>();
        h.createQuery("select * from alert_route_state")
                .map((rs, ctx) -> new StoppedRoute(rs.getString("route"), rs.getString("webhook_sha256"),
                        rs.getString("problem"), Timestamps.read(rs, "stopped_at")))
                .forEach(s -> out.put(s.route(), s));
        return out;
    }

    /** An alert's dedup key and when it was raised. */
    public record KeyRaised(String dedupKey, Instant at) {
    }

    /** The latest alert whose dedup key starts with the prefix, whatever became of it. */
    public Optional<KeyRaised> latest(Handle h, String dedupKeyPrefix) {
        return h.createQuery("select dedup_key, raised_at from alert where dedup_key like :prefix"
                        + " order by raised_at desc, id desc limit 1")
                .bind("prefix", dedupKeyPrefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .map((rs, ctx) -> new KeyRaised(rs.getString("dedup_key"),
                        Timestamps.read(rs, "raised_at")))
                .findFirst();
    }

    public Optional<StoredAlert> find(Handle h, String dedupKey) {
        return h.createQuery("select * from alert where dedup_key = :key").bind("key", dedupKey)
                .map(STORED).findFirst();
    }

    /** Pending alerts whose time has come, by route, then in the order they were raised. */
    public List<StoredAlert> due(Handle h, Instant now, int limit) {
        return h.createQuery("select * from alert where state = 'PENDING' and next_attempt_at <= :now"
                        + " order by route, raised_at, id limit :limit")
                .bind("now", now).bind("limit", limit)
                .map(STORED).list();
    }

    /** Claims each due alert until {@code leaseUntil}; returns the ids this call won. */
    public List<Long> claim(Handle h, Collection<Long> ids, Instant now, Instant leaseUntil) {
        List<Long> claimed = new ArrayList<>();
        for (long id : ids) {
            int won = h.createUpdate("update alert set attempts = attempts + 1, next_attempt_at = :lease"
                            + " where id = :id and state = 'PENDING' and next_attempt_at <= :now")
                    .bind("lease", leaseUntil).bind("id", id).bind("now", now)
                    .execute();
            if (won == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    public void sent(Handle h, Collection<Long> ids, Instant at) {
        for (long id : ids) {
            h.createUpdate("update alert set state = 'SENT', sent_at = :at, last_error = null"
                            + " where id = :id and state = 'PENDING'")
                    .bind("at", at).bind("id", id)
                    .execute();
        }
    }

    public void retryAt(Handle h, Collection<Long> ids, String error, Instant at) {
        for (long id : ids) {
            h.createUpdate("update alert set last_error = :error, next_attempt_at = :at"
                            + " where id = :id and state = 'PENDING'")
                    .bind("error", error).bind("at", at).bind("id", id)
                    .execute();
        }
    }

    public void drop(Handle h, Collection<Long> ids, String reason) {
        for (long id : ids) {
            h.createUpdate("update alert set state = 'DROPPED', drop_reason = :reason where id = :id and state = 'PENDING'")
                    .bind("reason", reason).bind("id", id)
                    .execute();
        }
    }

    /** Drops every pending alert of a route whose webhook is gone; returns how many. */
    public int dropPendingOfRoute(Handle h, String route, String reason) {
        return h.createUpdate("update alert set state = 'DROPPED', drop_reason = :reason"
                        + " where route = :route and state = 'PENDING'")
                .bind("reason", reason).bind("route", route)
                .execute();
    }

    /** What the store knows of a route's delivery: when Slack last took one of its alerts, and how many wait. */
    public record RouteDelivery(Instant lastSent, long pending) {
    }

    /** Each route that has stored alerts, with its last delivery and pending count. */
    public Map<String, RouteDelivery> deliveryByRoute(Handle h) {
        Map<String, RouteDelivery> out = new HashMap<>();
        h.createQuery("select route, max(sent_at) as last_sent, sum(case when state = 'PENDING' then 1 else 0 end)"
                        + " as pending from alert where route is not null group by route")
                .map((rs, ctx) -> Map.entry(rs.getString("route"),
                        new RouteDelivery(Timestamps.read(rs, "last_sent"), rs.getLong("pending"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
