package org.earshot.task;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.earshot.domain.ResponseTask;
import org.earshot.store.Database;
import org.earshot.store.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned model's scores, as a job of their own: a poll stores and queues each mention at once with
 * the lexicon's scores (a burst at the lexicon's speed), and this job reads the waiting tasks with the
 * model in batches, outside any transaction, then puts the new negativity, urgency, priority, reasons
 * (and the intent and draft, while the task is new and its draft untouched) in place. A task a person
 * relabelled keeps their labels. The caller raises the alerts of tasks the model made pressing; the
 * alert's key is the task's, so a task alerted on already is not alerted again.
 */
public final class ModelScoring {
    private static final Logger LOG = LoggerFactory.getLogger(ModelScoring.class);
    /** Tasks read in one batch: enough to keep every core busy, few enough to show progress. */
    public static final int BATCH = 256;

    private final Database db;
    private final TaskStore tasks;
    private final Triage triage;
    private final Clock clock;

    public ModelScoring(Database db, TaskStore tasks, Triage triage, Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.triage = triage;
        this.clock = clock;
    }

    /** Scores one batch of waiting tasks; the ids of those whose scores changed to the model's. */
    public List<Long> runOnce() {
        List<ResponseTask> waiting = db.inTransaction(h -> tasks.modelPending(h, BATCH));
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<ResponseTask> mentions = waiting.stream().filter(t -> !t.isIncident()).toList();
        Instant now = clock.instant();
        List<Triage.Assessment> assessed = triage.withModel(mentions, now);
        return db.inTransaction(h -> {
            List<Long> scored = new ArrayList<>();
            for (int i = 0; i < mentions.size(); i++) {
                ResponseTask t = mentions.get(i);
                Triage.Assessment a = assessed.get(i);
                if (tasks.putModelScores(h, t.id(), a.score(), a.draft(), t.draft().text(), now)) {
                    scored.add(t.id());
                }
            }
            // Incidents have no mention to read; they wait no more either.
            waiting.stream().filter(ResponseTask::isIncident).forEach(t -> tasks.putModelScores(h, t.id(),
                    t.score(), t.draft(), t.draft().text(), now));
            return scored;
        });
    }

    /**
     * Scores batches until none is waiting, handing each batch's rescored tasks to {@code scored} (the
     * alerts) as it goes: what the scheduled job runs.
     *
     * @return how many tasks it scored
     */
    public int drain(java.util.function.Consumer<List<Long>> scored) {
        int total = 0;
        while (true) {
            List<Long> batch;
            try {
                batch = runOnce();
            } catch (RuntimeException e) {
                LOG.warn("learned model: scoring waiting tasks failed, trying again next run: {}", e.getMessage(), e);
                return total;
            }
            if (batch.isEmpty() && db.inTransaction(h -> tasks.modelPending(h, 1)).isEmpty()) {
                return total;
            }
            scored.accept(batch);
            total += batch.size();
        }
    }
}
