package org.earshot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Approved replies waiting to be posted. A row is claimed by pushing its next attempt past a lease,
 * in one conditional update, so two nodes never post the same reply at once.
 */
public final class OutboxStore {

    /** A reply to post: its blocks, how many are already acknowledged, and the tip of the thread so far. */
    public record PendingReply(long taskId, String idempotencyKey, List<String> blocks, int blocksPosted,
                               String threadTipId, int attempts) {
    }

    public void add(Connection c, long taskId, String idempotencyKey, List<String> blocks, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into reply_outbox (task_id, idempotency_key, blocks, next_attempt_at) values (?, ?, ?, ?)")) {
            ps.setLong(1, taskId);
            ps.setString(2, idempotencyKey);
            ps.setString(3, Json.write(blocks));
            ps.setObject(4, Timestamps.of(now));
            ps.executeUpdate();
        }
    }

    public List<Long> due(Connection c, Instant now, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select task_id from reply_outbox where posted_at is null"
                + " and permanent_error = false and next_attempt_at <= ? order by next_attempt_at, task_id limit ?")) {
            ps.setObject(1, Timestamps.of(now));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Claims a due row until {@code leaseUntil}; empty when another worker has it or it is done. */
    public java.util.Optional<PendingReply> claim(Connection c, long taskId, Instant now, Instant leaseUntil)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update reply_outbox set attempts = attempts + 1,"
                + " next_attempt_at = ? where task_id = ? and posted_at is null and permanent_error = false"
                + " and next_attempt_at <= ?")) {
            ps.setObject(1, Timestamps.of(leaseUntil));
            ps.setLong(2, taskId);
            ps.setObject(3, Timestamps.of(now));
            if (ps.executeUpdate() != 1) {
                return java.util.Optional.empty();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select * from reply_outbox where task_id = ?")) {
            ps.setLong(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return java.util.Optional.of(new PendingReply(taskId, rs.getString("idempotency_key"),
                        Json.readList(rs.getString("blocks")), rs.getInt("blocks_posted"),
                        rs.getString("thread_tip_id"), rs.getInt("attempts")));
            }
        }
    }

    /** Records one acknowledged block; the reply is done when it was the last. */
    public void blockPosted(Connection c, long taskId, int blocksPosted, String postedId, boolean last, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update reply_outbox set blocks_posted = ?, thread_tip_id = ?,"
                + " first_reply_id = coalesce(first_reply_id, ?), last_error = null, posted_at = ? where task_id = ?")) {
            ps.setInt(1, blocksPosted);
            ps.setString(2, postedId);
            ps.setString(3, postedId);
            ps.setObject(4, last ? Timestamps.of(now) : null);
            ps.setLong(5, taskId);
            ps.executeUpdate();
        }
    }

    public void failed(Connection c, long taskId, String error, boolean permanent, Instant retryAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update reply_outbox set last_error = ?, permanent_error = ?,"
                + " next_attempt_at = ? where task_id = ?")) {
            ps.setString(1, error);
            ps.setBoolean(2, permanent);
            ps.setObject(3, Timestamps.of(retryAt));
            ps.setLong(4, taskId);
            ps.executeUpdate();
        }
    }
}
