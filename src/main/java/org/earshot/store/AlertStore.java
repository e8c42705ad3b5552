package org.earshot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.DeliveryState;
import org.earshot.domain.Platform;
import org.earshot.domain.UrgencyLevel;

/**
 * Raised alerts and how far their delivery got. The dedup key is unique, so an alert is stored once;
 * rows are claimed by pushing their next attempt past a lease, so two workers never send one alert.
 */
public final class AlertStore {

    /** One stored alert with its route and delivery state. */
    public record StoredAlert(long id, Alert alert, String route, DeliveryState state, String dropReason,
                              int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
    }

    /**
     * Stores a new alert; false (and nothing written) when its dedup key is already stored.
     *
     * @param route null when no route matched; the alert is then stored as dropped with {@code dropReason}
     */
    public boolean add(Connection c, Alert alert, String route, DeliveryState state, String dropReason,
                       Instant nextAttemptAt) throws SQLException {
        if (exists(c, alert.dedupKey())) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into alert (dedup_key, kind, brand, platform,"
                + " urgency_level, title, text, facts, link, task_id, raised_at, route, state, drop_reason,"
                + " next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, alert.dedupKey());
            ps.setString(2, alert.kind().name());
            ps.setString(3, alert.brand());
            ps.setString(4, alert.platform() == null ? null : alert.platform().name());
            ps.setString(5, alert.level() == null ? null : alert.level().name());
            ps.setString(6, alert.title());
            ps.setString(7, alert.text());
            ps.setString(8, Json.write(alert.facts()));
            ps.setString(9, alert.link());
            if (alert.taskId() == null) {
                ps.setNull(10, Types.BIGINT);
            } else {
                ps.setLong(10, alert.taskId());
            }
            ps.setObject(11, Timestamps.of(alert.raisedAt()));
            ps.setString(12, route);
            ps.setString(13, state.name());
            ps.setString(14, dropReason);
            ps.setObject(15, Timestamps.of(nextAttemptAt));
            ps.executeUpdate();
        }
        return true;
    }

    public Optional<StoredAlert> find(Connection c, String dedupKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select * from alert where dedup_key = ?")) {
            ps.setString(1, dedupKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Pending alerts whose time has come, by route, then in the order they were raised. */
    public List<StoredAlert> due(Connection c, Instant now, int limit) throws SQLException {
        List<StoredAlert> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select * from alert where state = 'PENDING'"
                + " and next_attempt_at <= ? order by route, raised_at, id limit ?")) {
            ps.setObject(1, Timestamps.of(now));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    /** Claims each due alert until {@code leaseUntil}; returns the ids this call won. */
    public List<Long> claim(Connection c, Collection<Long> ids, Instant now, Instant leaseUntil) throws SQLException {
        List<Long> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("update alert set attempts = attempts + 1,"
                + " next_attempt_at = ? where id = ? and state = 'PENDING' and next_attempt_at <= ?")) {
            for (long id : ids) {
                ps.setObject(1, Timestamps.of(leaseUntil));
                ps.setLong(2, id);
                ps.setObject(3, Timestamps.of(now));
                if (ps.executeUpdate() == 1) {
                    claimed.add(id);
                }
            }
        }
        return claimed;
    }

    public void sent(Connection c, Collection<Long> ids, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update alert set state = 'SENT', sent_at = ?,"
                + " last_error = null where id = ? and state = 'PENDING'")) {
            for (long id : ids) {
                ps.setObject(1, Timestamps.of(at));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
    }

    public void retryAt(Connection c, Collection<Long> ids, String error, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update alert set last_error = ?, next_attempt_at = ?"
                + " where id = ? and state = 'PENDING'")) {
            for (long id : ids) {
                ps.setString(1, error);
                ps.setObject(2, Timestamps.of(at));
                ps.setLong(3, id);
                ps.executeUpdate();
            }
        }
    }

    public void drop(Connection c, Collection<Long> ids, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update alert set state = 'DROPPED', drop_reason = ?"
                + " where id = ? and state = 'PENDING'")) {
            for (long id : ids) {
                ps.setString(1, reason);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
    }

    /** Drops every pending alert of a route whose webhook is gone; returns how many. */
    public int dropPendingOfRoute(Connection c, String route, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update alert set state = 'DROPPED', drop_reason = ?"
                + " where route = ? and state = 'PENDING'")) {
            ps.setString(1, reason);
            ps.setString(2, route);
            return ps.executeUpdate();
        }
    }

    /** What the store knows of a route's delivery: when Slack last took one of its alerts, and how many wait. */
    public record RouteDelivery(Instant lastSent, long pending) {
    }

    /** Each route that has stored alerts, with its last delivery and pending count. */
    public java.util.Map<String, RouteDelivery> deliveryByRoute(Connection c) throws SQLException {
        java.util.Map<String, RouteDelivery> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select route, max(sent_at) as last_sent,"
                + " sum(case when state = 'PENDING' then 1 else 0 end) as pending from alert"
                + " where route is not null group by route")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("route"), new RouteDelivery(Timestamps.read(rs, "last_sent"),
                            rs.getLong("pending")));
                }
            }
        }
        return out;
    }

    private static boolean exists(Connection c, String dedupKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from alert where dedup_key = ?")) {
            ps.setString(1, dedupKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static StoredAlert read(ResultSet rs) throws SQLException {
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
    }
}
