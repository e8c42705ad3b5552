package org.earshot.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earshot.domain.ScoreCorrection;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** People's relabellings of tasks, every one kept; per task and per label the latest counts. */
public final class CorrectionStore {
    private static final String SELECT = "select id, task_id, mention_id, scorer_sentiment, scorer_urgency_level,"
            + " sentiment, urgency_level, actor, at, mention_text from score_correction";

    private static final RowMapper<ScoreCorrection> CORRECTION = (rs, ctx) -> new ScoreCorrection(rs.getLong("id"),
            rs.getLong("task_id"), rs.getLong("mention_id"),
            TaskMapper.sentiment(rs.getString("scorer_sentiment")),
            TaskMapper.urgencyLevel(rs.getString("scorer_urgency_level")),
            TaskMapper.sentiment(rs.getString("sentiment")),
            TaskMapper.urgencyLevel(rs.getString("urgency_level")),
            rs.getString("actor"), Timestamps.read(rs, "at"), rs.getString("mention_text"));

    /** Stores the correction as given (its id is ignored) and returns the new row's id. */
    public long insert(Handle h, ScoreCorrection k) {
        return h.createUpdate(InsertStatement.into("score_correction", "task_id", "mention_id", "scorer_sentiment",
                        "scorer_urgency_level", "sentiment", "urgency_level", "actor", "at", "mention_text"))
                .bind("task_id", k.taskId())
                .bind("mention_id", k.mentionId())
                .bind("scorer_sentiment", k.scorerSentiment())
                .bind("scorer_urgency_level", k.scorerUrgencyLevel())
                .bind("sentiment", k.sentiment())
                .bind("urgency_level", k.urgencyLevel())
                .bind("actor", k.actor())
                .bind("at", k.at())
                .bind("mention_text", k.mentionText())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Every correction of one task, oldest first. */
    public List<ScoreCorrection> forTask(Handle h, long taskId) {
        return h.createQuery(SELECT + " where task_id = :task order by id").bind("task", taskId).map(CORRECTION).list();
    }

    /**
     * One correction per corrected task, in the order tasks were first corrected: the latest sentiment
     * and the latest urgency level people gave it (a later correction of urgency alone keeps an earlier
     * sentiment), with the actor and time of the latest correction.
     */
    public List<ScoreCorrection> latestPerTask(Handle h) {
        return latestPerTask(h.createQuery(SELECT + " order by id").map(CORRECTION).list());
    }

    /** {@link #latestPerTask(Handle)} for the mentions of one brand alone: what that brand's head learns from. */
    public List<ScoreCorrection> latestPerTaskOfBrand(Handle h, String brand) {
        return latestPerTask(h.createQuery(SELECT + " where mention_id in (select id from mention where brand = :brand)"
                + " order by id").bind("brand", brand).map(CORRECTION).list());
    }

    private static List<ScoreCorrection> latestPerTask(List<ScoreCorrection> all) {
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

    /** The id of the newest correction, 0 when there is none: it changes whenever anyone corrects anything. */
    public long newestId(Handle h) {
        return h.createQuery("select coalesce(max(id), 0) from score_correction").mapTo(Long.class).one();
    }
}
