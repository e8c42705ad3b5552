package org.earshot.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Tasks and the audit log as rows of named columns, oldest first, for {@code earshot export}. */
public final class Export {
    public static final List<String> TASK_COLUMNS = List.of("id", "state", "created_at", "due_at", "connector_id",
            "brand", "platform", "author_handle", "author_name", "url", "text", "sentiment", "urgency_level",
            "priority", "intent", "decided_by", "decided_at", "approved_text", "reject_reason");
    public static final List<String> AUDIT_COLUMNS = List.of("id", "at", "task_id", "actor", "action", "detail");

    private final Database database;

    public Export(Database database) {
        this.database = database;
    }

    public void tasks(Consumer<Map<String, Object>> row) {
        rows("""
                select t.id, t.state, t.created_at, t.due_at, m.connector_id, m.brand, m.platform, m.author_handle,
                       m.author_name, m.url, m.text, t.sentiment, t.urgency_level, t.priority, t.intent, t.decided_by,
                       t.decided_at, t.approved_text, t.reject_reason
                from response_task t join mention m on m.id = t.mention_id order by t.id""", TASK_COLUMNS, row);
    }

    public void audit(Consumer<Map<String, Object>> row) {
        rows("select id, at, task_id, actor, action, detail from audit_log order by id", AUDIT_COLUMNS, row);
    }

    private void rows(String sql, List<String> columns, Consumer<Map<String, Object>> row) {
        database.useTransaction(h -> h.createQuery(sql).map((rs, ctx) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Object v = rs.getObject(i + 1);
                if (v instanceof java.sql.Timestamp ts) {
                    v = ts.toInstant();
                } else if (v instanceof java.time.OffsetDateTime odt) {
                    v = odt.toInstant();
                }
                r.put(columns.get(i), v);
            }
            return r;
        }).forEach(row));
    }
}
