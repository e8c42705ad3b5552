package org.earshot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earshot.domain.ScoreCorrection;

/** People's relabellings of tasks, every one kept; per task and per label the latest counts. */
public final class CorrectionStore {
    private static final String SELECT = "select id, task_id, mention_id, scorer_sentiment, scorer_urgency_level,"
            + " sentiment, urgency_level, actor, at, mention_text from score_correction";

    /** Stores the correction as given (its id is ignored) and returns the new row's id. */
    public long insert(Connection c, ScoreCorrection k) throws SQLException {
        String sql = "insert into score_correction (task_id, mention_id, scorer_sentiment, scorer_urgency_level,"
                + " sentiment, urgency_level, actor, at, mention_text) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, k.taskId());
            ps.setLong(2, k.mentionId());
            ps.setString(3, k.scorerSentiment().name());
            ps.setString(4, k.scorerUrgencyLevel().name());
            ps.setString(5, k.sentiment() == null ? null : k.sentiment().name());
            ps.setString(6, k.urgencyLevel() == null ? null : k.urgencyLevel().name());
            ps.setString(7, k.actor());
            ps.setObject(8, Timestamps.of(k.at()));
            ps.setString(9, k.mentionText());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Every correction of one task, oldest first. */
    public List<ScoreCorrection> forTask(Connection c, long taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where task_id = ? order by id")) {
            ps.setLong(1, taskId);
            return readAll(ps);
        }
    }

    /**
     * One correction per corrected task, in the order tasks were first corrected: the latest sentiment
     * and the latest urgency level people gave it (a later correction of urgency alone keeps an earlier
     * sentiment), with the actor and time of the latest correction.
     */
    public List<ScoreCorrection> latestPerTask(Connection c) throws SQLException {
        List<ScoreCorrection> all;
        try (PreparedStatement ps = c.prepareStatement(SELECT + " order by id")) {
            all = readAll(ps);
        }
        Map<Long, ScoreCorrection> byTask = new LinkedHashMap<>();
        for (ScoreCorrection k : all) {
            byTask.merge(k.taskId(), k, (old, now) -> new ScoreCorrection(now.id(), now.taskId(), now.mentionId(),
                    old.scorerSentiment(), old.scorerUrgencyLevel(),
                    now.sentiment() != null ? now.sentiment() : old.sentiment(),
                    now.urgencyLevel() != null ? now.urgencyLevel() : old.urgencyLevel(),
                    now.actor(), now.at(), now.mentionText()));
        }
        return new ArrayList<>(byTask.values());
    }

    private static List<ScoreCorrection> readAll(PreparedStatement ps) throws SQLException {
        List<ScoreCorrection> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ScoreCorrection(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("mention_id"),
                        TaskStore.sentiment(rs.getString("scorer_sentiment")),
                        TaskStore.urgencyLevel(rs.getString("scorer_urgency_level")),
                        TaskStore.sentiment(rs.getString("sentiment")),
                        TaskStore.urgencyLevel(rs.getString("urgency_level")),
                        rs.getString("actor"), Timestamps.read(rs, "at"), rs.getString("mention_text")));
            }
        }
        return out;
    }
}
