package org.earshot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Each connector's cursor: saved in the same transaction as the mentions it produced. */
public final class CursorStore {

    public Optional<String> find(Connection c, String connectorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select cursor_value from connector_cursor where connector_id = ?")) {
            ps.setString(1, connectorId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void save(Connection c, String connectorId, String cursor, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "update connector_cursor set cursor_value = ?, updated_at = ? where connector_id = ?")) {
            update.setString(1, cursor);
            update.setObject(2, Timestamps.of(now));
            update.setString(3, connectorId);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into connector_cursor (connector_id, cursor_value, updated_at) values (?, ?, ?)")) {
            insert.setString(1, connectorId);
            insert.setString(2, cursor);
            insert.setObject(3, Timestamps.of(now));
            insert.executeUpdate();
        }
    }
}
