package org.earshot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who did what to which task, and when; written in the same transaction as the change itself. */
public final class AuditLog {

    public record Entry(Instant at, Long taskId, String actor, String action, String detail) {
    }

    public void record(Connection c, Instant at, Long taskId, String actor, String action, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into audit_log (at, task_id, actor, action, detail) values (?, ?, ?, ?, ?)")) {
            ps.setObject(1, Timestamps.of(at));
            if (taskId == null) {
                ps.setNull(2, java.sql.Types.BIGINT);
            } else {
                ps.setLong(2, taskId);
            }
            ps.setString(3, actor);
            ps.setString(4, action);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
    }

    public List<Entry> forTask(Connection c, long taskId) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select at, task_id, actor, action, detail from audit_log where task_id = ? order by id")) {
            ps.setLong(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(Timestamps.read(rs, "at"), rs.getLong("task_id"), rs.getString("actor"),
                            rs.getString("action"), rs.getString("detail")));
                }
            }
        }
        return out;
    }
}
