package org.earshot.store;

import java.time.Instant;
import java.util.List;
import org.earshot.connector.ConnectorHealth;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Each connector's health as its last polls left it. */
public final class HealthStore {
    private static final RowMapper<ConnectorHealth> HEALTH = (rs, ctx) -> new ConnectorHealth(
            rs.getString("connector_id"), Timestamps.read(rs, "last_success"), Timestamps.read(rs, "last_failure"),
            rs.getString("last_error"), rs.getInt("consecutive_failures"), rs.getLong("mentions_last_poll"),
            rs.getLong("quota_left"), rs.getBoolean("last_error_permanent"), 0, null, null);

    public void recordSuccess(Handle h, String connectorId, Instant now, long mentions, long quotaLeft) {
        ensureRow(h, connectorId);
        h.createUpdate("update connector_health set last_success = :now, consecutive_failures = 0,"
                        + " mentions_last_poll = :mentions, quota_left = :quota where connector_id = :connector")
                .bind("now", now).bind("mentions", mentions).bind("quota", quotaLeft).bind("connector", connectorId)
                .execute();
    }

    /** Returns how many polls in a row have now failed. */
    public int recordFailure(Handle h, String connectorId, Instant now, String error, boolean permanent) {
        ensureRow(h, connectorId);
        h.createUpdate("update connector_health set last_failure = :now, last_error = :error,"
                        + " last_error_permanent = :permanent, consecutive_failures = consecutive_failures + 1"
                        + " where connector_id = :connector")
                .bind("now", now).bind("error", error).bind("permanent", permanent).bind("connector", connectorId)
                .execute();
        return h.createQuery("select consecutive_failures from connector_health where connector_id = :connector")
                .bind("connector", connectorId)
                .mapTo(Integer.class).one();
    }

    public List<ConnectorHealth> all(Handle h) {
        return h.createQuery("select * from connector_health order by connector_id").map(HEALTH).list();
    }

    private static void ensureRow(Handle h, String connectorId) {
        boolean known = h.createQuery("select 1 from connector_health where connector_id = :connector")
                .bind("connector", connectorId)
                .mapTo(Integer.class).findFirst().isPresent();
        if (!known) {
            h.createUpdate("insert into connector_health (connector_id) values (:connector)")
                    .bind("connector", connectorId)
                    .execute();
        }
    }
}
