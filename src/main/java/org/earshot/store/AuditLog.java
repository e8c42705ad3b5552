package org.earshot.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Who did what to which task, and when; written in the same transaction as the change itself. */
public final class AuditLog {

    public record Entry(Instant at, Long taskId, String actor, String action, String detail) {
    }

    private static final RowMapper<Entry> ENTRY = (rs, ctx) -> new Entry(Timestamps.read(rs, "at"),
            rs.getLong("task_id"), rs.getString("actor"), rs.getString("action"), rs.getString("detail"));

    public void record(Handle h, Instant at, Long taskId, String actor, String action, String detail) {
        h.createUpdate(InsertStatement.into("audit_log", "at", "task_id", "actor", "action", "detail"))
                .bind("at", at).bind("task_id", taskId).bind("actor", actor).bind("action", action)
                .bind("detail", detail)
                .execute();
    }

    /** The newest {@code limit} entries of every task, oldest first. */
    public List<Entry> latest(Handle h, int limit) {
        List<Entry> newestFirst = h.createQuery("select at, task_id, actor, action, detail from audit_log"
                        + " order by id desc fetch first :limit rows only")
                .bind("limit", limit)
                .map(ENTRY).list();
        List<Entry> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    public List<Entry> forTask(Handle h, long taskId) {
        return h.createQuery("select at, task_id, actor, action, detail from audit_log where task_id = :task order by id")
                .bind("task", taskId)
                .map(ENTRY).list();
    }
}
