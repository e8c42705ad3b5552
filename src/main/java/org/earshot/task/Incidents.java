package org.earshot.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.earshot.domain.Draft;
import org.earshot.domain.Incident;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.reply.ReplyDrafter;
import org.earshot.store.Database;
import org.earshot.domain.TaskState;
import org.earshot.store.AuditLog;
import org.earshot.store.IncidentStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;

/**
 * A brand's incidents: one CRITICAL task per burst of complaints, with a holding statement to approve and
 * no mention of its own. Alerts find that a burst is on; opening and growing its task is this class's work,
 * and so is sending an approved statement to a channel that joined the burst after it was posted.
 */
public final class Incidents {
    /** The queue's highest priority: an incident comes before every mention. */
    static final double PRIORITY = 100.0;

    private final Database db;
    private final TaskStore tasks;
    private final IncidentStore incidents;
    private final OutboxStore outbox;
    private final AuditLog audit;
    private final ReplyDrafter drafter;

    public Incidents(Database db, TaskStore tasks, OutboxStore outbox, AuditLog audit, ReplyDrafter drafter) {
        this.db = db;
        this.tasks = tasks;
        this.incidents = new IncidentStore(tasks);
        this.outbox = outbox;
        this.audit = audit;
        this.drafter = drafter;
    }

    /**
     * The brand's incident that still lasts: one waiting for approval, or one whose burst was heard at or
     * after {@code heardSince}.
     */
    public Optional<IncidentStore.Stored> lasting(String brand, Instant heardSince) {
        return db.inTransaction(c -> incidents.lasting(c, brand, heardSince));
    }

    /** Opens the incident of a burst; @return its task */
    public long open(Incident burst, Instant now) {
        Draft holding = drafter.holdingStatement("our service", burst.platforms());
        Score score = new Score(1.0, Sentiment.NEGATIVE, 1.0, UrgencyLevel.CRITICAL, PRIORITY,
                List.of("spike: " + burst.summary()));
        return db.inTransaction(c -> incidents.open(c, burst, score, holding, now, now));
    }

    /**
     * The burst as it grew since the incident opened. When its statement was posted already and the burst
     * reached a channel it was not settled on, the statement is due in the outbox again, in the same
     * transaction, and the dispatcher posts it once on the channels left (a new post there, as on the
     * first). A statement still waiting or being tried takes the new channel by itself.
     *
     * @return the channels the posted statement is now due on; empty when none
     */
    public List<String> grow(long taskId, Incident burst, Instant now) {
        return db.inTransaction(c -> {
            TaskState state = tasks.lockState(c, taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
            incidents.update(c, taskId, burst, now);
            if (state != TaskState.POSTED) {
                return List.<String>of();
            }
            Set<String> settled = incidents.settled(c, taskId);
            List<String> left = burst.channels().stream().filter(ch -> !settled.contains(ch)).toList();
            if (left.isEmpty()) {
                return List.<String>of();
            }
            if (!outbox.reopen(c, taskId, now) || !tasks.reopenStatement(c, taskId, now)) {
                throw new IllegalStateException("incident task " + taskId + " is POSTED but its statement is not"
                        + " posted in the outbox; nothing was changed");
            }
            audit.record(c, now, taskId, "earshot", "statement-due", "the burst reached " + String.join(", ", left)
                    + " after the statement was posted: the approved statement goes there once too");
            return left;
        });
    }
}
