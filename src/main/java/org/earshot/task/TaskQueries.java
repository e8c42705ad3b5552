package org.earshot.task;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;

/** Reads tasks for the queue, the API and the CLI. */
public final class TaskQueries {
    private final Database db;
    private final TaskStore tasks;
    private final AuditLog audit;
    private final MentionStore mentions = new MentionStore();
    private final OutboxStore outbox = new OutboxStore();

    public TaskQueries(Database db, TaskStore tasks, AuditLog audit) {
        this.db = db;
        this.tasks = tasks;
        this.audit = audit;
    }

    /** Tasks in the given states (all states when empty), highest priority first. */
    public List<ResponseTask> list(Set<TaskState> states, int limit) {
        return list(states, null, limit);
    }

    /** The same, only tasks whose mention is in {@code language} (ISO 639-1; null for any). */
    public List<ResponseTask> list(Set<TaskState> states, String language, int limit) {
        Set<TaskState> wanted = states.isEmpty() ? EnumSet.allOf(TaskState.class) : states;
        return db.inTransaction(c -> tasks.list(c, wanted, language, limit));
    }

    /** One page of the tasks a filter matches, with the true total and the counts per state and level. */
    public TaskStore.Page page(org.earshot.domain.TaskFilter filter, java.time.Instant now) {
        return db.inTransaction(c -> tasks.page(c, filter, now));
    }

    /** The same, also counting the tasks awaiting their answer due by {@code dueSoon} and by now. */
    public TaskStore.Page page(org.earshot.domain.TaskFilter filter, java.time.Instant now, java.time.Instant dueSoon) {
        return db.inTransaction(c -> tasks.page(c, filter, now, dueSoon));
    }

    /** How many tasks a filter matches. */
    public long count(org.earshot.domain.TaskFilter filter, java.time.Instant now) {
        return db.inTransaction(c -> tasks.count(c, filter, now));
    }

    public ResponseTask get(long id) {
        return db.inTransaction(c -> tasks.find(c, id)).orElseThrow(() -> new TaskNotFoundException(id));
    }

    /** Replies, reposts and quotes that joined this task's conversation after its first mention. */
    public List<org.earshot.domain.Mention> thread(long id) {
        return db.inTransaction(c -> mentions.foldedInto(c, id));
    }

    public List<AuditLog.Entry> history(long id) {
        return db.inTransaction(c -> audit.forTask(c, id));
    }

    /** The tasks whose replies the outbox stopped trying until someone retries them, oldest first. */
    /** The whole audit log, oldest first, up to {@code limit} entries (the newest are kept when it is cut). */
    public List<AuditLog.Entry> auditLog(int limit) {
        return db.inTransaction(c -> audit.latest(c, limit));
    }

    public List<Long> blockedReplies() {
        return db.inTransaction(outbox::blocked);
    }
}
