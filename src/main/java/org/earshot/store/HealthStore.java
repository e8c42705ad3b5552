package org.earshot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.earshot.connector.ConnectorHealth;

/** Each connector's health as its last polls left it. */
public final class HealthStore {

    public void recordSuccess(Connection c, String connectorId, Instant now, long mentions, long quotaLeft)
            throws SQLException {
        ensureRow(c, connectorId);
        try (PreparedStatement ps = c.prepareStatement("update connector_health set last_success = ?,"
                + " consecutive_failures = 0, mentions_last_poll = ?, quota_left = ? where connector_id = ?")) {
            ps.setObject(1, Timestamps.of(now));
            ps.setLong(2, mentions);
            ps.setLong(3, quotaLeft);
            ps.setString(4, connectorId);
            ps.executeUpdate();
        }
    }

    /** Returns how many polls in a row have now failed. */
    public int recordFailure(Connection c, String connectorId, Instant now, String error, boolean permanent)
            throws SQLException {
        ensureRow(c, connectorId);
        try (PreparedStatement ps = c.prepareStatement("update connector_health set last_failure = ?, last_error = ?,"
                + " last_error_permanent = ?, consecutive_failures = consecutive_failures + 1 where connector_id = ?")) {
            ps.setObject(1, Timestamps.of(now));
            ps.setString(2, error);
            ps.setBoolean(3, permanent);
            ps.setString(4, connectorId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select consecutive_failures from connector_health where connector_id = ?")) {
            ps.setString(1, connectorId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public List<ConnectorHealth> all(Connection c) throws SQLException {
        List<ConnectorHealth> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select * from connector_health order by connector_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ConnectorHealth(rs.getString("connector_id"), Timestamps.read(rs, "last_success"),
                        Timestamps.read(rs, "last_failure"), rs.getString("last_error"),
                        rs.getInt("consecutive_failures"), rs.getLong("mentions_last_poll"), rs.getLong("quota_left"),
                        rs.getBoolean("last_error_permanent"), 0, null, null));
            }
        }
        return out;
    }

    private static void ensureRow(Connection c, String connectorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from connector_health where connector_id = ?")) {
            ps.setString(1, connectorId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into connector_health (connector_id) values (?)")) {
            ps.setString(1, connectorId);
            ps.executeUpdate();
        }
    }
}
