package org.earshot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Incident;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A {@link ResponseTask} read from {@link #SELECT}'s row: the task, its mention, and its reply's delivery. */
final class TaskMapper implements RowMapper<ResponseTask> {
    private static final MentionMapper MENTION = new MentionMapper("m_");

    /**
     * The task's columns, its mention's prefixed "m_" (null for an incident), its outbox row's prefixed "o_",
     * its incident's prefixed "i_" (null for a mention's task).
     */
    static final String SELECT = "select t.*, " + MENTION.selectFrom("m") + ","
            + " o.attempts as o_attempts, o.last_error as o_last_error, o.first_reply_id as o_first_reply_id,"
            + " o.posted_at as o_posted_at, o.blocked_at as o_blocked_at,"
            + " i.brand as i_brand, i.started_at as i_started_at, i.last_heard_at as i_last_heard_at,"
            + " i.mentions as i_mentions, i.channels as i_channels, i.platforms as i_platforms, i.summary as i_summary,"
            + " i.not_posted as i_not_posted"
            + " from response_task t left join mention m on m.id = t.mention_id"
            + " left join reply_outbox o on o.task_id = t.id"
            + " left join incident i on i.task_id = t.id";

    static final TaskMapper TASK = new TaskMapper();

    @Override
    public ResponseTask map(ResultSet rs, StatementContext ctx) throws SQLException {
        Score score = new Score(rs.getDouble("negativity"), Sentiment.valueOf(rs.getString("sentiment")),
                rs.getDouble("urgency"), UrgencyLevel.valueOf(rs.getString("urgency_level")), rs.getDouble("priority"),
                Json.readList(rs.getString("reasons")));
        Draft draft = new Draft(Intent.valueOf(rs.getString("intent")), rs.getString("draft_text"),
                Json.readList(rs.getString("draft_blocks")), WarningsColumn.read(rs.getString("draft_warnings")),
                rs.getBoolean("follow_up"));
        ResponseTask.Decision decision = new ResponseTask.Decision(rs.getString("decided_by"),
                Timestamps.read(rs, "decided_at"), rs.getString("approved_text"), rs.getString("reject_reason"));
        ResponseTask.Delivery delivery = new ResponseTask.Delivery(rs.getInt("o_attempts"),
                rs.getString("o_last_error"), rs.getString("o_first_reply_id"), Timestamps.read(rs, "o_posted_at"),
                Timestamps.read(rs, "o_blocked_at") != null);
        Incident incident = incident(rs);
        return new ResponseTask(rs.getLong("id"), incident == null ? MENTION.map(rs, ctx) : null,
                TaskState.valueOf(rs.getString("state")), score, draft, decision, delivery,
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "due_at"), correction(rs), customer(rs),
                incident, rs.getString("language"), new ResponseTask.Handling(rs.getString("assignee"),
                Timestamps.read(rs, "snoozed_until"), Timestamps.read(rs, "updated_at")));
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        if (!"INCIDENT".equals(rs.getString("kind"))) {
            return null;
        }
        return new Incident(rs.getString("i_brand"), Timestamps.read(rs, "i_started_at"),
                Timestamps.read(rs, "i_last_heard_at"), rs.getInt("i_mentions"), split(rs.getString("i_channels")),
                split(rs.getString("i_platforms")).stream().map(Platform::valueOf).toList(), rs.getString("i_summary"),
                Json.readMap(rs.getString("i_not_posted")));
    }

    static List<String> split(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
    }

    private static CustomerHistory customer(ResultSet rs) throws SQLException {
        String channels = rs.getString("customer_channels");
        return new CustomerHistory(rs.getInt("customer_mentions"), rs.getInt("customer_complaints"),
                rs.getInt("customer_replies"), channels == null || channels.isBlank() ? List.of()
                        : Arrays.stream(channels.split(",")).map(Platform::valueOf).toList());
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
