package org.earshot.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Each connector's cursor: saved in the same transaction as the mentions it produced. */
public final class CursorStore {

    public Optional<String> find(Handle h, String connectorId) {
        return h.createQuery("select cursor_value from connector_cursor where connector_id = :connector")
                .bind("connector", connectorId)
                .mapTo(String.class).findFirst();
    }

    public void save(Handle h, String connectorId, String cursor, Instant now) {
        int updated = h.createUpdate("update connector_cursor set cursor_value = :cursor_value, updated_at = :updated_at"
                        + " where connector_id = :connector_id")
                .bind("connector_id", connectorId).bind("cursor_value", cursor).bind("updated_at", now)
                .execute();
        if (updated == 1) {
            return;
        }
        h.createUpdate(InsertStatement.into("connector_cursor", "connector_id", "cursor_value", "updated_at"))
                .bind("connector_id", connectorId).bind("cursor_value", cursor).bind("updated_at", now)
                .execute();
    }
}
