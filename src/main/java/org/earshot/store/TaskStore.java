package org.earshot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;

/** Response tasks with their mention and delivery; state changes are compare-and-set on the current state. */
public final class TaskStore {
    private static final String SELECT = "select t.*, m.id as m_id, m.connector_id as m_connector_id, m.brand as m_brand,"
            + " m.platform as m_platform, m.external_id as m_external_id, m.author_handle as m_author_handle,"
            + " m.author_name as m_author_name, m.author_followers as m_author_followers, m.text as m_text,"
            + " m.subject as m_subject, m.created_at as m_created_at, m.url as m_url,"
            + " m.reply_context as m_reply_context, m.received_at as m_received_at,"
            + " o.attempts as o_attempts, o.last_error as o_last_error, o.first_reply_id as o_first_reply_id,"
            + " o.posted_at as o_posted_at"
            + " from response_task t join mention m on m.id = t.mention_id"
            + " left join reply_outbox o on o.task_id = t.id";

    public long insert(Connection c, long mentionId, Score score, Draft draft, Instant now, Instant dueAt)
            throws SQLException {
        return insert(c, mentionId, score, draft, now, dueAt, CustomerHistory.NONE);
    }

    /** @param customer what the team knew of the person when the mention was heard, shown with the task */
    public long insert(Connection c, long mentionId, Score score, Draft draft, Instant now, Instant dueAt,
                       CustomerHistory customer) throws SQLException {
        String sql = "insert into response_task (mention_id, state, negativity, sentiment, urgency, urgency_level,"
                + " priority, reasons, intent, draft_text, draft_blocks, draft_warnings, follow_up, created_at, due_at,"
                + " updated_at, customer_mentions, customer_complaints, customer_replies, customer_channels)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, mentionId);
            ps.setString(2, TaskState.NEW.name());
            ps.setDouble(3, score.negativity());
            ps.setString(4, score.sentiment().name());
            ps.setDouble(5, score.urgency());
            ps.setString(6, score.urgencyLevel().name());
            ps.setDouble(7, score.priority());
            ps.setString(8, Json.write(score.reasons()));
            ps.setString(9, draft.intent().name());
            ps.setString(10, draft.text());
            ps.setString(11, Json.write(draft.blocks()));
            ps.setString(12, WarningsColumn.write(draft.warnings()));
            ps.setBoolean(13, draft.followUp());
            ps.setObject(14, Timestamps.of(now));
            ps.setObject(15, Timestamps.of(dueAt));
            ps.setObject(16, Timestamps.of(now));
            ps.setInt(17, customer.previousMentions());
            ps.setInt(18, customer.previousComplaints());
            ps.setInt(19, customer.previousReplies());
            ps.setString(20, String.join(",", customer.channels().stream().map(Platform::name).toList()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public Optional<ResponseTask> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Tasks in the given states, highest priority first, oldest first among equals. */
    public List<ResponseTask> list(Connection c, Set<TaskState> states, int limit) throws SQLException {
        String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        String sql = SELECT + " where t.state in (" + in + ") order by t.priority desc, t.created_at, t.id limit ?";
        List<ResponseTask> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    /** Tasks opened since the given time, oldest first. */
    public List<ResponseTask> createdSince(Connection c, Instant since) throws SQLException {
        return query(c, SELECT + " where t.created_at >= ? order by t.created_at, t.id", since);
    }

    /** Tasks whose customer has not had an answer yet: new, approved, or failing to post. */
    public List<ResponseTask> awaitingAnswer(Connection c) throws SQLException {
        return query(c, SELECT + " where t.state in ('NEW', 'APPROVED', 'FAILED') order by t.created_at, t.id");
    }

    /**
     * Tasks whose problem is not solved yet: not yet answered, or answered with a promise to come
     * back whose follow-up is not done.
     */
    public List<ResponseTask> unresolved(Connection c) throws SQLException {
        return query(c, SELECT + " where t.state in ('NEW', 'APPROVED', 'FAILED')"
                + " or (t.state in ('POSTED', 'ANSWERED_BY_HAND') and t.follow_up_due_at is not null and t.follow_up_done_at is null)"
                + " order by t.created_at, t.id");
    }

    /** A promise to come back to the customer that is not kept yet. */
    public record PendingFollowUp(ResponseTask task, Instant dueAt) {
    }

    public void startFollowUp(Connection c, long id, Instant dueAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update response_task set follow_up_due_at = ? where id = ? and follow_up_due_at is null")) {
            ps.setObject(1, Timestamps.of(dueAt));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** @return false when the task has no open follow-up (none promised, or done already) */
    public boolean markFollowUpDone(Connection c, long id, String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update response_task set follow_up_done_at = ?,"
                + " follow_up_done_by = ?, updated_at = ? where id = ? and follow_up_due_at is not null"
                + " and follow_up_done_at is null")) {
            ps.setObject(1, Timestamps.of(now));
            ps.setString(2, actor);
            ps.setObject(3, Timestamps.of(now));
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Follow-ups not done yet, the earliest due first; a rejected task has none. */
    public List<PendingFollowUp> pendingFollowUps(Connection c) throws SQLException {
        String sql = SELECT + " where t.follow_up_due_at is not null and t.follow_up_done_at is null"
                + " and t.state <> 'REJECTED' order by t.follow_up_due_at, t.id";
        List<PendingFollowUp> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingFollowUp(read(rs), Timestamps.read(rs, "follow_up_due_at")));
                }
            }
        }
        return out;
    }

    /** Open tasks of Earshot's own mentions whose platform id starts with the prefix (an open incident). */
    public List<ResponseTask> openOwn(Connection c, String externalIdPrefix) throws SQLException {
        return query(c, SELECT + " where t.state = 'NEW' and m.external_id like ? order by t.id",
                externalIdPrefix + "%");
    }

    private static List<ResponseTask> query(Connection c, String sql, Object... params) throws SQLException {
        List<ResponseTask> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i] instanceof Instant at ? Timestamps.of(at) : params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    /** Locks the task's row for the rest of the transaction, so two approvals cannot both pass the state check. */
    public Optional<TaskState> lockState(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select state from response_task where id = ? for update")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(TaskState.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    public void markApproved(Connection c, long id, String actor, String text, Instant now) throws SQLException {
        moveFromNew(c, id, TaskState.APPROVED, actor, "approved_text", text, now);
    }

    /** A read-only source's task closed with the text the person answered by hand. */
    public void markAnsweredByHand(Connection c, long id, String actor, String text, Instant now) throws SQLException {
        moveFromNew(c, id, TaskState.ANSWERED_BY_HAND, actor, "approved_text", text, now);
    }

    public void markRejected(Connection c, long id, String actor, String reason, Instant now) throws SQLException {
        moveFromNew(c, id, TaskState.REJECTED, actor, "reject_reason", reason, now);
    }

    private void moveFromNew(Connection c, long id, TaskState target, String actor, String column, String value,
                             Instant now) throws SQLException {
        String sql = "update response_task set state = ?, decided_by = ?, decided_at = ?, " + column + " = ?,"
                + " updated_at = ? where id = ? and state = 'NEW'";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, target.name());
            ps.setString(2, actor);
            ps.setObject(3, Timestamps.of(now));
            ps.setString(4, value);
            ps.setObject(5, Timestamps.of(now));
            ps.setLong(6, id);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("task " + id + " left NEW while it was locked");
            }
        }
    }

    /** Moves a task between delivery states (APPROVED/FAILED → POSTED/FAILED). */
    public void markDelivery(Connection c, long id, TaskState target, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update response_task set state = ?, updated_at = ? where id = ? and state in ('APPROVED', 'FAILED')")) {
            ps.setString(1, target.name());
            ps.setObject(2, Timestamps.of(now));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * Shows people's labels on the task: the score made consistent with them (see
     * {@code scoring.ScoreBands}) and what the queue says about the correction.
     */
    public void relabel(Connection c, long id, Score score, ResponseTask.Correction correction, Instant now)
            throws SQLException {
        String sql = "update response_task set negativity = ?, sentiment = ?, urgency = ?, urgency_level = ?,"
                + " priority = ?, scorer_sentiment = ?, scorer_urgency_level = ?, corrected_sentiment = ?,"
                + " corrected_urgency_level = ?, corrected_by = ?, corrected_at = ?, updated_at = ? where id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, score.negativity());
            ps.setString(2, score.sentiment().name());
            ps.setDouble(3, score.urgency());
            ps.setString(4, score.urgencyLevel().name());
            ps.setDouble(5, score.priority());
            ps.setString(6, correction.scorerSentiment().name());
            ps.setString(7, correction.scorerUrgencyLevel().name());
            ps.setString(8, correction.sentiment() == null ? null : correction.sentiment().name());
            ps.setString(9, correction.urgencyLevel() == null ? null : correction.urgencyLevel().name());
            ps.setString(10, correction.actor());
            ps.setObject(11, Timestamps.of(correction.at()));
            ps.setObject(12, Timestamps.of(now));
            ps.setLong(13, id);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("task " + id + " vanished while it was locked");
            }
        }
    }

    private static ResponseTask read(ResultSet rs) throws SQLException {
        Score score = new Score(rs.getDouble("negativity"), Sentiment.valueOf(rs.getString("sentiment")),
                rs.getDouble("urgency"), UrgencyLevel.valueOf(rs.getString("urgency_level")), rs.getDouble("priority"),
                Json.readList(rs.getString("reasons")));
        Draft draft = new Draft(Intent.valueOf(rs.getString("intent")), rs.getString("draft_text"),
                Json.readList(rs.getString("draft_blocks")), WarningsColumn.read(rs.getString("draft_warnings")),
                rs.getBoolean("follow_up"));
        ResponseTask.Decision decision = new ResponseTask.Decision(rs.getString("decided_by"),
                Timestamps.read(rs, "decided_at"), rs.getString("approved_text"), rs.getString("reject_reason"));
        ResponseTask.Delivery delivery = new ResponseTask.Delivery(rs.getInt("o_attempts"),
                rs.getString("o_last_error"), rs.getString("o_first_reply_id"), Timestamps.read(rs, "o_posted_at"));
        return new ResponseTask(rs.getLong("id"), MentionStore.read(rs, "m_"), TaskState.valueOf(rs.getString("state")),
                score, draft, decision, delivery, Timestamps.read(rs, "created_at"), Timestamps.read(rs, "due_at"),
                correction(rs), customer(rs));
    }

    private static CustomerHistory customer(ResultSet rs) throws SQLException {
        String channels = rs.getString("customer_channels");
        return new CustomerHistory(rs.getInt("customer_mentions"), rs.getInt("customer_complaints"),
                rs.getInt("customer_replies"), channels == null || channels.isBlank() ? List.of()
                        : java.util.Arrays.stream(channels.split(",")).map(Platform::valueOf).toList());
    }

    private static ResponseTask.Correction correction(ResultSet rs) throws SQLException {
        String actor = rs.getString("corrected_by");
        if (actor == null) {
            return ResponseTask.Correction.NONE;
        }
        return new ResponseTask.Correction(sentiment(rs.getString("corrected_sentiment")),
                urgencyLevel(rs.getString("corrected_urgency_level")), sentiment(rs.getString("scorer_sentiment")),
                urgencyLevel(rs.getString("scorer_urgency_level")), actor, Timestamps.read(rs, "corrected_at"));
    }

    static Sentiment sentiment(String name) {
        return name == null ? null : Sentiment.valueOf(name);
    }

    static UrgencyLevel urgencyLevel(String name) {
        return name == null ? null : UrgencyLevel.valueOf(name);
    }
}
