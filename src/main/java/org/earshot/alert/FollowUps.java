package org.earshot.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.ResponseTask;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.TaskStore;

/**
 * Promises to come back: an approved reply whose text said "you'll hear back within …" opens a
 * follow-up due that long after its approval (else the policy's hearBack time). FOLLOW_UP_DUE goes out
 * {@code warnBefore} before it, but never before three quarters of the promised time have passed since
 * the approval (a promise of 30 minutes with a 30-minute warning would otherwise alert as it is
 * approved), unless a person marked it done; once per task ({@code follow_up_due:task-<id>}).
 */
public final class FollowUps {
    private final Database db;
    private final TaskStore tasks;
    private final AuditLog audit;
    private final Duration warnBefore;
    private final String queueUrl;
    private final AlertSink sink;
    private final Clock clock;

    public FollowUps(Database db, TaskStore tasks, AuditLog audit, Duration warnBefore, String queueUrl, AlertSink sink,
                     Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.audit = audit;
        this.warnBefore = warnBefore;
        this.queueUrl = queueUrl.endsWith("/") ? queueUrl.substring(0, queueUrl.length() - 1) : queueUrl;
        this.sink = sink;
        this.clock = clock;
    }

    /** Raises the follow-ups that are due soon or overdue; @return how many alerts were new. */
    public int check() {
        Instant now = clock.instant();
        return (int) db.inTransaction(tasks::pendingFollowUps).stream()
                .filter(f -> !now.isBefore(warnAt(f)) && sink.raise(alert(f, now)))
                .count();
    }

    /** When the follow-up alerts: {@code warnBefore} it is due, not before the last quarter of the promised time. */
    Instant warnAt(TaskStore.PendingFollowUp f) {
        Instant warn = f.dueAt().minus(warnBefore);
        Instant approved = f.task().decision().at();
        if (approved == null || !approved.isBefore(f.dueAt())) {
            return warn;
        }
        Instant lastQuarter = approved.plus(Duration.between(approved, f.dueAt()).multipliedBy(3).dividedBy(4));
        return warn.isAfter(lastQuarter) ? warn : lastQuarter;
    }

    public List<TaskStore.PendingFollowUp> pending() {
        return db.inTransaction(tasks::pendingFollowUps);
    }

    /** @return false when the task has no open follow-up */
    public boolean markDone(long taskId, String actor) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            boolean done = tasks.markFollowUpDone(c, taskId, actor, now);
            if (done) {
                audit.record(c, now, taskId, actor, "follow-up-done", "");
            }
            return done;
        });
    }

    private Alert alert(TaskStore.PendingFollowUp f, Instant now) {
        ResponseTask t = f.task();
        String when = now.isBefore(f.dueAt()) ? "due " + AlertTimes.format(f.dueAt())
                : "overdue since " + AlertTimes.format(f.dueAt());
        String promised = t.decision().approvedText() == null ? t.draft().text() : t.decision().approvedText();
        String whom = t.isIncident() ? "incident of " + t.brand() + " on " + t.incident().channelList()
                : AlertWords.personOn(t.mention());
        return new Alert(AlertKind.FOLLOW_UP_DUE, "follow_up_due:task-" + t.id(), t.brand(), t.platform(),
                t.score().urgencyLevel(), "Follow-up " + when + ": " + whom,
                t.isIncident() ? t.incident().summary() : t.mention().text(),
                List.of("task: " + t.id(), "promised: " + promised, "due: " + AlertTimes.format(f.dueAt()),
                        "approved: " + (t.decision().at() == null ? "-" : AlertTimes.format(t.decision().at())),
                        "state: " + t.state().name().toLowerCase(Locale.ROOT)),
                MentionAlerts.taskLink(queueUrl, t.id()), t.id(), now);
    }
}
