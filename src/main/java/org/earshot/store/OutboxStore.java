package org.earshot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Approved replies waiting to be posted. A row is claimed by pushing its next attempt past a lease,
 * in one conditional update, so two nodes never post the same reply at once. A blocked row (refused
 * for good, or out of attempts) is never claimed until a person releases it.
 */
public final class OutboxStore {

    /** A reply to post: its blocks, how many are already acknowledged, and the tip of the thread so far. */
    public record PendingReply(long taskId, String idempotencyKey, List<String> blocks, int blocksPosted,
                               String threadTipId, int attempts) {
    }

    private static final RowMapper<PendingReply> PENDING = (rs, ctx) -> new PendingReply(rs.getLong("task_id"),
            rs.getString("idempotency_key"), Json.readList(rs.getString("blocks")), rs.getInt("blocks_posted"),
            rs.getString("thread_tip_id"), rs.getInt("attempts"));

    /** @param firstAttemptAt when the outbox may first send it: now, or the end of an approval's undo window */
    public void add(Handle h, long taskId, String idempotencyKey, List<String> blocks, Instant firstAttemptAt) {
        h.createUpdate(InsertStatement.into("reply_outbox", "task_id", "idempotency_key", "blocks", "next_attempt_at"))
                .bind("task_id", taskId).bind("idempotency_key", idempotencyKey).bind("blocks", Json.write(blocks))
                .bind("next_attempt_at", firstAttemptAt)
                .execute();
    }

    /**
     * Takes back a reply that was never tried and is still held (its first attempt not yet due): an approval
     * undone within its undo window. @return false when the outbox took it already, or it was never held
     */
    public boolean withdraw(Handle h, long taskId, Instant now) {
        return h.createUpdate("delete from reply_outbox where task_id = :task and attempts = 0 and posted_at is null"
                        + " and next_attempt_at > :now")
                .bind("task", taskId).bind("now", now)
                .execute() == 1;
    }

    public List<Long> due(Handle h, Instant now, int limit) {
        return h.createQuery("select task_id from reply_outbox where posted_at is null and blocked_at is null"
                        + " and next_attempt_at <= :now order by next_attempt_at, task_id limit :limit")
                .bind("now", now).bind("limit", limit)
                .mapTo(Long.class).list();
    }

    /** Claims a due row until {@code leaseUntil}; empty when another worker has it or it is done. */
    public Optional<PendingReply> claim(Handle h, long taskId, Instant now, Instant leaseUntil) {
        int claimed = h.createUpdate("update reply_outbox set attempts = attempts + 1, next_attempt_at = :lease"
                        + " where task_id = :task and posted_at is null and blocked_at is null"
                        + " and next_attempt_at <= :now")
                .bind("lease", leaseUntil).bind("task", taskId).bind("now", now)
                .execute();
        if (claimed != 1) {
            return Optional.empty();
        }
        return Optional.of(h.createQuery("select * from reply_outbox where task_id = :task").bind("task", taskId)
                .map(PENDING).one());
    }

    /** Records one acknowledged block; the reply is done when it was the last. */
    public void blockPosted(Handle h, long taskId, int blocksPosted, String postedId, boolean last, Instant now) {
        h.createUpdate("update reply_outbox set blocks_posted = :posted, thread_tip_id = :reply,"
                        + " first_reply_id = coalesce(first_reply_id, :reply), last_error = null, posted_at = :at"
                        + " where task_id = :task")
                .bind("posted", blocksPosted).bind("reply", postedId).bind("at", last ? now : null)
                .bind("task", taskId)
                .execute();
    }

    /** A failed attempt that is tried again at {@code retryAt}. */
    public void failed(Handle h, long taskId, String error, Instant retryAt) {
        h.createUpdate("update reply_outbox set last_error = :error, next_attempt_at = :retry where task_id = :task")
                .bind("error", error).bind("retry", retryAt).bind("task", taskId)
                .execute();
    }

    /**
     * A failed attempt after which the reply is not tried again until a person releases it.
     *
     * @param permanent the platform said it will never take this reply (else the attempts ran out)
     */
    public void block(Handle h, long taskId, String error, boolean permanent, Instant now) {
        h.createUpdate("update reply_outbox set last_error = :error, permanent_error = :permanent, blocked_at = :now"
                        + " where task_id = :task")
                .bind("error", error).bind("permanent", permanent).bind("now", now).bind("task", taskId)
                .execute();
    }

    /**
     * Lets a blocked reply be tried again now, as if it were new: no attempts, no permanent error.
     *
     * @return false when the reply is not blocked (posted, still being tried, or not in the outbox)
     */
    public boolean release(Handle h, long taskId, Instant now) {
        return h.createUpdate("update reply_outbox set attempts = 0, permanent_error = false, blocked_at = null,"
                        + " next_attempt_at = :now where task_id = :task and blocked_at is not null and posted_at is null")
                .bind("now", now).bind("task", taskId)
                .execute() == 1;
    }

    /**
     * Makes a posted statement due again, now, with fresh attempts: an incident whose burst reached a channel
     * after its statement went out. The dispatcher posts it only on the channels not settled yet.
     *
     * @return false when the row is not a posted one (still waiting or being tried: it takes the new channel
     * by itself)
     */
    public boolean reopen(Handle h, long taskId, Instant now) {
        return h.createUpdate("update reply_outbox set posted_at = null, blocked_at = null, permanent_error = false,"
                        + " attempts = 0, last_error = null, next_attempt_at = :now"
                        + " where task_id = :task and posted_at is not null")
                .bind("now", now).bind("task", taskId)
                .execute() == 1;
    }

    /** The tasks whose replies are blocked, oldest task first. */
    public List<Long> blocked(Handle h) {
        return h.createQuery("select task_id from reply_outbox where blocked_at is not null and posted_at is null"
                        + " order by task_id")
                .mapTo(Long.class).list();
    }

    /** Replies not posted yet that failed at least once and are still being tried, and the newest error among them. */
    public record Retrying(int replies, String lastError) {
    }

    public Retrying retrying(Handle h) {
        int replies = h.createQuery("select count(*) from reply_outbox where posted_at is null and blocked_at is null"
                + " and attempts > 0 and last_error is not null").mapTo(Integer.class).one();
        String last = replies == 0 ? "" : h.createQuery("select last_error from reply_outbox where posted_at is null"
                        + " and blocked_at is null and attempts > 0 and last_error is not null order by task_id desc")
                .setMaxRows(1).mapTo(String.class).findFirst().orElse("");
        return new Retrying(replies, last);
    }
}
