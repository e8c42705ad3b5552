package org.earshot.task;

import java.time.Clock;
import java.util.List;
import org.earshot.domain.Draft;
import org.earshot.domain.ResponseTask;
import org.earshot.reply.DraftInput;
import org.earshot.reply.ReplyDrafter;
import org.earshot.store.Database;
import org.earshot.store.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM's drafts, written as a job of their own: intake opens each task with the templates' draft at
 * once, and this job asks the LLM for its draft afterwards, outside any transaction, and puts it in place
 * if nobody has decided the task meanwhile. A slow or dead LLM therefore delays only itself; when it fails,
 * the templates' draft stays, with a notice that says why.
 */
public final class LlmDrafts {
    private static final Logger LOG = LoggerFactory.getLogger(LlmDrafts.class);
    /** Tasks one run drafts; the rest wait for the next run, highest priority first. */
    private static final int PER_RUN = 10;

    private final Database db;
    private final TaskStore tasks;
    private final ReplyDrafter drafter;
    private final Clock clock;

    public LlmDrafts(Database db, TaskStore tasks, ReplyDrafter drafter, Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.drafter = drafter;
        this.clock = clock;
    }

    /** Drafts the waiting tasks; returns how many drafts it put in place. */
    public int runOnce() {
        List<ResponseTask> waiting = db.inTransaction(h -> tasks.llmPending(h, PER_RUN));
        int replaced = 0;
        for (ResponseTask task : waiting) {
            DraftInput input = Triage.draftInput(task.mention(), task.score(), task.customer());
            Draft draft = drafter.draft(task.dueAt() == null ? input
                    : input.withTimeLeft(java.time.Duration.between(clock.instant(), task.dueAt())));
            boolean done = db.inTransaction(h -> tasks.replacePendingDraft(h, task.id(), draft, clock.instant()));
            if (done) {
                replaced++;
            } else {
                LOG.info("task {}: decided before the LLM's draft came; the draft is not used", task.id());
            }
        }
        return replaced;
    }
}
