package org.earshot.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The rows the reports are counted from, for one brand (or all) and one period; the counting is the caller's. */
public final class ReportStore {

    /** One mention heard: when, where. */
    public record HeardRow(Instant receivedAt, String platform) {
    }

    /** One task with what the reports need: its scores, when it was answered and resolved, and its text. */
    public record TaskRow(long id, Instant receivedAt, String platform, String sentiment, double urgency,
                          String urgencyLevel, String state, Instant decidedAt, Instant postedAt,
                          Instant followUpDueAt, Instant followUpDoneAt, Instant firstResponseDue, String text) {
    }

    /** @param brand null for every brand */
    public List<HeardRow> heard(Handle h, String brand, Instant from, Instant to) {
        return h.createQuery("select received_at, platform from mention where received_at >= :from and received_at < :to"
                        + (brand == null ? "" : " and brand = :brand") + " order by received_at")
                .bind("from", from).bind("to", to).bindMap(brand == null ? java.util.Map.of()
                        : java.util.Map.of("brand", brand))
                .map((rs, ctx) -> new HeardRow(Timestamps.read(rs, "received_at"), rs.getString("platform")))
                .list();
    }

    /** @param brand null for every brand */
    public List<TaskRow> tasks(Handle h, String brand, Instant from, Instant to) {
        return h.createQuery("select t.id, m.received_at, m.platform, t.sentiment, t.urgency, t.urgency_level, t.state,"
                        + " t.decided_at, o.posted_at, t.follow_up_due_at, t.follow_up_done_at, t.due_at, m.text"
                        + " from response_task t join mention m on m.id = t.mention_id"
                        + " left join reply_outbox o on o.task_id = t.id"
                        + " where m.received_at >= :from and m.received_at < :to"
                        + (brand == null ? "" : " and m.brand = :brand") + " order by m.received_at")
                .bind("from", from).bind("to", to).bindMap(brand == null ? java.util.Map.of()
                        : java.util.Map.of("brand", brand))
                .map((rs, ctx) -> new TaskRow(rs.getLong("id"), Timestamps.read(rs, "received_at"),
                        rs.getString("platform"), rs.getString("sentiment"), rs.getDouble("urgency"),
                        rs.getString("urgency_level"), rs.getString("state"), Timestamps.read(rs, "decided_at"),
                        Timestamps.read(rs, "posted_at"), Timestamps.read(rs, "follow_up_due_at"),
                        Timestamps.read(rs, "follow_up_done_at"), Timestamps.read(rs, "due_at"), rs.getString("text")))
                .list();
    }
}
