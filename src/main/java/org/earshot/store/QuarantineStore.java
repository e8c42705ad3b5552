package org.earshot.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earshot.domain.Platform;
import org.earshot.domain.QuarantinedItem;
import org.earshot.domain.QuarantinedItem.PayloadKind;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * What polls could not read or store, once per connector and platform id: a poll that meets the same
 * broken item again (its cursor could not move, or a platform re-serves it) keeps the first copy.
 */
public final class QuarantineStore {
    /** Fits the column; the whole id stays in the payload. */
    static final int MAX_ID = 1000;

    private static final String COLUMNS = "id, connector_id, platform, external_id, payload_kind, truncated, reason,"
            + " held_at, requeued_at, requeue_result, length(payload) as payload_bytes";

    private static RowMapper<QuarantinedItem> mapper(boolean withPayload) {
        return (rs, ctx) -> new QuarantinedItem(rs.getLong("id"), rs.getString("connector_id"),
                Platform.valueOf(rs.getString("platform")), rs.getString("external_id"),
                PayloadKind.valueOf(rs.getString("payload_kind")), rs.getInt("payload_bytes"),
                withPayload ? rs.getBytes("payload") : null, rs.getBoolean("truncated"), rs.getString("reason"),
                Timestamps.read(rs, "held_at"), Timestamps.read(rs, "requeued_at"), rs.getString("requeue_result"));
    }

    /** Keeps the item unless this connector holds one with the same id already; true when it is new. */
    public boolean hold(Handle h, String connectorId, Platform platform, String externalId, PayloadKind kind,
                        byte[] payload, boolean truncated, String reason, Instant now) {
        String id = clip(externalId, MAX_ID);
        boolean known = h.createQuery("select 1 from quarantined_item where connector_id = :connector_id"
                        + " and external_id = :external_id")
                .bind("connector_id", connectorId).bind("external_id", id)
                .mapTo(Integer.class).findFirst().isPresent();
        if (known) {
            return false;
        }
        h.createUpdate(InsertStatement.into("quarantined_item", "connector_id", "platform", "external_id",
                        "payload_kind", "payload", "truncated", "reason", "held_at"))
                .bind("connector_id", connectorId).bind("platform", platform.name()).bind("external_id", id)
                .bind("payload_kind", kind.name()).bind("payload", payload).bind("truncated", truncated)
                .bind("reason", clip(reason, 4000)).bind("held_at", now)
                .execute();
        return true;
    }

    /** The items still waiting to be read, newest first, without their payloads. */
    public List<QuarantinedItem> open(Handle h, int limit) {
        return h.createQuery("select " + COLUMNS + " from quarantined_item where " + OPEN
                        + " order by held_at desc, id desc limit :limit")
                .bind("limit", limit).bind("stored", QuarantinedItem.STORED + "%")
                .map(mapper(false)).list();
    }

    /** One item with its payload. */
    public Optional<QuarantinedItem> find(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + ", payload from quarantined_item where id = :id")
                .bind("id", id).map(mapper(true)).findOne();
    }

    /** How many items wait per connector, for health. */
    public Map<String, Long> openByConnector(Handle h) {
        Map<String, Long> out = new LinkedHashMap<>();
        h.createQuery("select connector_id, count(*) as n from quarantined_item where " + OPEN
                        + " group by connector_id order by connector_id")
                .bind("stored", QuarantinedItem.STORED + "%")
                .map((rs, ctx) -> Map.entry(rs.getString("connector_id"), rs.getLong("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Records what reading the item again gave. */
    public void requeued(Handle h, long id, String result, Instant now) {
        h.createUpdate("update quarantined_item set requeued_at = :now, requeue_result = :result where id = :id")
                .bind("now", now).bind("result", clip(result, 4000)).bind("id", id)
                .execute();
    }

    private static final String OPEN = "(requeued_at is null or requeue_result not like :stored)";

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
