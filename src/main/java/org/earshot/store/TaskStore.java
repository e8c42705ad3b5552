package org.earshot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.DisallowedTransitionException;
import org.earshot.domain.Draft;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Score;
import org.earshot.domain.TaskState;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Response tasks with their mention and delivery; state changes are compare-and-set on the current state. */
public final class TaskStore {
    private static final String SELECT = TaskMapper.SELECT;

    public long insert(Handle h, long mentionId, Score score, Draft draft, Instant now, Instant dueAt) {
        return insert(h, mentionId, score, draft, now, dueAt, CustomerHistory.NONE);
    }

    /** @param customer what the team knew of the person when the mention was heard, shown with the task */
    public long insert(Handle h, long mentionId, Score score, Draft draft, Instant now, Instant dueAt,
                       CustomerHistory customer) {
        return insert(h, mentionId, score, draft, now, dueAt, customer, null);
    }

    /** @param language the mention's, ISO 639-1, or null when not read */
    public long insert(Handle h, long mentionId, Score score, Draft draft, Instant now, Instant dueAt,
                       CustomerHistory customer, String language) {
        return insert(h, mentionId, "MENTION", score, draft, now, dueAt, customer, language);
    }

    /** An incident's task: no mention of its own; {@link IncidentStore} keeps what the incident is. */
    long insertIncident(Handle h, Score score, Draft draft, Instant now, Instant dueAt) {
        return insert(h, null, "INCIDENT", score, draft, now, dueAt, CustomerHistory.NONE, null);
    }

    private long insert(Handle h, Long mentionId, String kind, Score score, Draft draft, Instant now, Instant dueAt,
                        CustomerHistory customer, String language) {
        return h.createUpdate(InsertStatement.into("response_task", "mention_id", "kind", "state", "negativity",
                        "sentiment", "urgency", "urgency_level", "priority", "reasons", "intent", "draft_text",
                        "draft_blocks", "draft_warnings", "follow_up", "created_at", "due_at", "updated_at",
                        "customer_mentions", "customer_complaints", "customer_replies", "customer_channels",
                        "language"))
                .bind("mention_id", mentionId)
                .bind("kind", kind)
                .bind("state", TaskState.NEW)
                .bind("negativity", score.negativity())
                .bind("sentiment", score.sentiment())
                .bind("urgency", score.urgency())
                .bind("urgency_level", score.urgencyLevel())
                .bind("priority", score.priority())
                .bind("reasons", Json.write(score.reasons()))
                .bind("intent", draft.intent())
                .bind("draft_text", draft.text())
                .bind("draft_blocks", Json.write(draft.blocks()))
                .bind("draft_warnings", WarningsColumn.write(draft.warnings()))
                .bind("follow_up", draft.followUp())
                .bind("created_at", now)
                .bind("due_at", dueAt)
                .bind("updated_at", now)
                .bind("customer_mentions", customer.previousMentions())
                .bind("customer_complaints", customer.previousComplaints())
                .bind("customer_replies", customer.previousReplies())
                .bind("customer_channels", String.join(",", customer.channels().stream().map(Platform::name).toList()))
                .bind("language", language)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<ResponseTask> find(Handle h, long id) {
        return h.createQuery(SELECT + " where t.id = :id").bind("id", id).map(TaskMapper.TASK).findFirst();
    }

    /** Marks a new task as waiting for the LLM's draft, which replaces the template's. */
    public void markLlmPending(Handle h, long id) {
        h.createUpdate("update response_task set llm_pending = true where id = :id").bind("id", id).execute();
    }

    /** Marks a new task as scored by the lexicon alone, waiting for the learned model's scores. */
    public void markModelPending(Handle h, long id) {
        h.createUpdate("update response_task set model_pending = true where id = :id").bind("id", id).execute();
    }

    /** Tasks waiting for the learned model, oldest first (the order they were heard in). */
    public List<ResponseTask> modelPending(Handle h, int limit) {
        return h.createQuery(SELECT + " where t.model_pending = true order by t.id limit :limit")
                .bind("limit", limit).map(TaskMapper.TASK).list();
    }

    /**
     * Puts the learned model's scores on a task still waiting for them; its draft too when the task is
     * new and its draft still the one it opened with ({@code openedWith}: nobody, and no LLM, wrote another).
     * A task a person relabelled keeps their labels; a task decided meanwhile keeps its draft. Either way it
     * waits no more.
     *
     * @return whether the scores were put in place
     */
    public boolean putModelScores(Handle h, long id, Score score, Draft draft, String openedWith, Instant now) {
        int drafted = h.createUpdate("update response_task set negativity = :negativity, sentiment = :sentiment,"
                        + " urgency = :urgency, urgency_level = :urgency_level, priority = :priority, reasons = :reasons,"
                        + " intent = :intent, draft_text = :draft_text, draft_blocks = :draft_blocks,"
                        + " draft_warnings = :draft_warnings, follow_up = :follow_up, model_pending = false,"
                        + " updated_at = :now where id = :id and model_pending = true and corrected_at is null"
                        + " and state = 'NEW' and draft_text = :opened_with")
                .bind("negativity", score.negativity()).bind("sentiment", score.sentiment())
                .bind("urgency", score.urgency()).bind("urgency_level", score.urgencyLevel())
                .bind("priority", score.priority()).bind("reasons", Json.write(score.reasons()))
                .bind("intent", draft.intent()).bind("draft_text", draft.text())
                .bind("draft_blocks", Json.write(draft.blocks()))
                .bind("draft_warnings", WarningsColumn.write(draft.warnings())).bind("follow_up", draft.followUp())
                .bind("opened_with", openedWith).bind("now", now).bind("id", id)
                .execute();
        if (drafted == 1) {
            return true;
        }
        int scored = h.createUpdate("update response_task set negativity = :negativity, sentiment = :sentiment,"
                        + " urgency = :urgency, urgency_level = :urgency_level, priority = :priority, reasons = :reasons,"
                        + " model_pending = false where id = :id and model_pending = true and corrected_at is null")
                .bind("negativity", score.negativity()).bind("sentiment", score.sentiment())
                .bind("urgency", score.urgency()).bind("urgency_level", score.urgencyLevel())
                .bind("priority", score.priority()).bind("reasons", Json.write(score.reasons()))
                .bind("id", id)
                .execute();
        // Scores alone leave the task's version: a person editing its draft meanwhile is not told it changed.
        h.createUpdate("update response_task set model_pending = false where id = :id").bind("id", id).execute();
        return scored == 1;
    }

    /** Open tasks waiting for the LLM's draft, highest priority first. */
    public List<ResponseTask> llmPending(Handle h, int limit) {
        return h.createQuery(SELECT + " where t.llm_pending = true and t.state = 'NEW'"
                        + " order by t.priority desc, t.id limit :limit")
                .bind("limit", limit).map(TaskMapper.TASK).list();
    }

    /**
     * Puts the LLM's draft (or the template's, with why the LLM failed) in place of the template's, if the
     * task is still open and waiting for it; false when a person decided it meanwhile.
     */
    public boolean replacePendingDraft(Handle h, long id, Draft draft, Instant now) {
        return h.createUpdate("update response_task set draft_text = :draft_text, draft_blocks = :draft_blocks,"
                        + " draft_warnings = :draft_warnings, follow_up = :follow_up, llm_pending = false,"
                        + " updated_at = :now where id = :id and state = 'NEW' and llm_pending = true")
                .bind("draft_text", draft.text()).bind("draft_blocks", Json.write(draft.blocks()))
                .bind("draft_warnings", WarningsColumn.write(draft.warnings())).bind("follow_up", draft.followUp())
                .bind("now", now).bind("id", id)
                .execute() == 1;
    }

    /** Puts a person's proposed draft in place of the task's while it is open; false when it was decided meanwhile. */
    public boolean replaceDraft(Handle h, long id, Draft draft, Instant now) {
        return h.createUpdate("update response_task set draft_text = :draft_text, draft_blocks = :draft_blocks,"
                        + " draft_warnings = :draft_warnings, follow_up = :follow_up, llm_pending = false,"
                        + " updated_at = :now where id = :id and state = 'NEW'")
                .bind("draft_text", draft.text()).bind("draft_blocks", Json.write(draft.blocks()))
                .bind("draft_warnings", WarningsColumn.write(draft.warnings())).bind("follow_up", draft.followUp())
                .bind("now", now).bind("id", id)
                .execute() == 1;
    }

    /** Tasks in the given states, incidents first, then highest priority first, oldest first among equals. */
    public List<ResponseTask> list(Handle h, Set<TaskState> states, int limit) {
        return list(h, states, null, limit);
    }

    /** @param language only tasks whose mention is in this language (ISO 639-1), or null for all */
    public List<ResponseTask> list(Handle h, Set<TaskState> states, String language, int limit) {
        var query = h.createQuery(SELECT + " where t.state in (<states>)"
                        + (language == null ? "" : " and t.language = :language")
                        + " order by case when t.kind = 'INCIDENT' then 0 else 1 end, t.priority desc, t.created_at, t.id"
                        + " limit :limit")
                .bindList("states", List.copyOf(states)).bind("limit", limit);
        if (language != null) {
            query.bind("language", language);
        }
        return query.map(TaskMapper.TASK).list();
    }

    /**
     * One page of the tasks a filter matches, how many it matches in all, how many per state and level, and
     * how many of those still awaiting their answer have their first response due by the "soon" time
     * ({@code dueSoonOrOverdue}) and by now ({@code overdue}).
     */
    public record Page(List<ResponseTask> tasks, long total, java.util.Map<TaskState, Long> byState,
                       java.util.Map<org.earshot.domain.UrgencyLevel, Long> byLevel, long dueSoonOrOverdue,
                       long overdue) {
    }

    /** The same, with "soon" being now. */
    public Page page(Handle h, org.earshot.domain.TaskFilter filter, Instant now) {
        return page(h, filter, now, now);
    }

    /**
     * The filter's page and its counts, in two queries (the page, and one grouped count): {@code byState}
     * over every state (the filter's other conditions kept), so a list of one state still says how many wait
     * in the others; {@code total}, {@code byLevel} and the due counts within the filter. A filter's own
     * {@code breachBefore} must not be before {@code dueSoon} (the API's is that time), since the due counts
     * are taken among the rows it keeps.
     */
    public Page page(Handle h, org.earshot.domain.TaskFilter filter, Instant now, Instant dueSoon) {
        java.util.Map<TaskState, Long> byState = new java.util.EnumMap<>(TaskState.class);
        for (TaskState s : TaskState.values()) {
            byState.put(s, 0L);
        }
        java.util.Map<org.earshot.domain.UrgencyLevel, Long> byLevel = new java.util.EnumMap<>(org.earshot.domain.UrgencyLevel.class);
        for (org.earshot.domain.UrgencyLevel l : org.earshot.domain.UrgencyLevel.values()) {
            byLevel.put(l, 0L);
        }
        long total = 0;
        long soon = 0;
        long overdue = 0;
        TaskListQuery everyState = new TaskListQuery(filter.anyState(), now, h);
        for (TaskListQuery.Group g : everyState.groups(h, dueSoon, now)) {
            TaskState state = TaskState.valueOf(g.state());
            byState.merge(state, g.tasks(), Long::sum);
            if (filter.states().isEmpty() || filter.states().contains(state)) {
                byLevel.merge(org.earshot.domain.UrgencyLevel.valueOf(g.level()), g.tasks(), Long::sum);
                total += g.tasks();
                soon += g.dueSoon();
                overdue += g.overdue();
            }
        }
        return new Page(new TaskListQuery(filter, now, h, everyState).page(h), total, byState, byLevel, soon,
                overdue);
    }

    /** How many tasks a filter matches. */
    public long count(Handle h, org.earshot.domain.TaskFilter filter, Instant now) {
        return new TaskListQuery(filter, now, h).count(h);
    }

    /** Tasks opened since the given time, oldest first. */
    public List<ResponseTask> createdSince(Handle h, Instant since) {
        return h.createQuery(SELECT + " where t.created_at >= :since order by t.created_at, t.id").bind("since", since)
                .map(TaskMapper.TASK).list();
    }

    /** Tasks whose customer has not had an answer yet: new, approved, or failing to post. */
    public List<ResponseTask> awaitingAnswer(Handle h) {
        return h.createQuery(SELECT + " where t.state in ('NEW', 'APPROVED', 'FAILED') order by t.created_at, t.id")
                .map(TaskMapper.TASK).list();
    }

    /**
     * Tasks whose problem is not solved yet: not yet answered, or answered with a promise to come
     * back whose follow-up is not done.
     */
    public List<ResponseTask> unresolved(Handle h) {
        return h.createQuery(SELECT + " where t.state in ('NEW', 'APPROVED', 'FAILED')"
                        + " or (t.state in ('POSTED', 'ANSWERED_BY_HAND') and t.follow_up_due_at is not null"
                        + " and t.follow_up_done_at is null) order by t.created_at, t.id")
                .map(TaskMapper.TASK).list();
    }

    /** A promise to come back to the customer that is not kept yet. */
    public record PendingFollowUp(ResponseTask task, Instant dueAt) {
    }

    public void startFollowUp(Handle h, long id, Instant dueAt) {
        h.createUpdate("update response_task set follow_up_due_at = :due where id = :id and follow_up_due_at is null")
                .bind("due", dueAt).bind("id", id)
                .execute();
    }

    /** @return false when the task has no open follow-up (none promised, or done already) */
    public boolean markFollowUpDone(Handle h, long id, String actor, Instant now) {
        return h.createUpdate("update response_task set follow_up_done_at = :now, follow_up_done_by = :actor,"
                        + " updated_at = :now where id = :id and follow_up_due_at is not null"
                        + " and follow_up_done_at is null")
                .bind("now", now).bind("actor", actor).bind("id", id)
                .execute() == 1;
    }

    /** Follow-ups not done yet, the earliest due first; a rejected task has none. */
    public List<PendingFollowUp> pendingFollowUps(Handle h) {
        return h.createQuery(SELECT + " where t.follow_up_due_at is not null and t.follow_up_done_at is null"
                        + " and t.state <> 'REJECTED' order by t.follow_up_due_at, t.id")
                .map((rs, ctx) -> new PendingFollowUp(TaskMapper.TASK.map(rs, ctx),
                        Timestamps.read(rs, "follow_up_due_at")))
                .list();
    }

    /** Locks the task's row for the rest of the transaction, so two approvals cannot both pass the state check. */
    public Optional<TaskState> lockState(Handle h, long id) {
        return h.createQuery("select state from response_task where id = :id for update").bind("id", id)
                .mapTo(TaskState.class).findFirst();
    }

    /**
     * An incident whose statement was posted, approved again for a channel that joined its burst since
     * (POSTED → APPROVED, which no mention's task may do): the same decision and text, due in the outbox.
     *
     * @return false when the task is not a POSTED incident
     */
    public boolean reopenStatement(Handle h, long id, Instant now) {
        return h.createUpdate("update response_task set state = :approved, updated_at = :now"
                        + " where id = :id and state = :posted and kind = 'INCIDENT'")
                .bind("approved", TaskState.APPROVED).bind("posted", TaskState.POSTED).bind("now", now).bind("id", id)
                .execute() == 1;
    }

    public void markApproved(Handle h, long id, String actor, String text, Instant now) {
        move(h, id, TaskState.NEW, TaskState.APPROVED, now, new ResponseTask.Decision(actor, now, text, null));
    }

    /** A read-only source's task closed with the text the person answered by hand. */
    public void markAnsweredByHand(Handle h, long id, String actor, String text, Instant now) {
        move(h, id, TaskState.NEW, TaskState.ANSWERED_BY_HAND, now, new ResponseTask.Decision(actor, now, text, null));
    }

    /** An approval taken back before anything was sent: the task is open again, undecided, without a follow-up. */
    public void markUndone(Handle h, long id, Instant now) {
        move(h, id, TaskState.APPROVED, TaskState.NEW, now, ResponseTask.Decision.NONE);
        h.createUpdate("update response_task set follow_up_due_at = null where id = :id").bind("id", id).execute();
    }

    public void markRejected(Handle h, long id, String actor, String reason, Instant now) {
        move(h, id, TaskState.NEW, TaskState.REJECTED, now, new ResponseTask.Decision(actor, now, null, reason));
    }

    /**
     * Moves a task from one state to another, the only way a task's state changes: the move must be one
     * the task's life allows ({@link TaskState#canMoveTo}), and the update is a compare-and-set on
     * {@code from}, so a task that left that state meanwhile is not moved.
     *
     * @throws DisallowedTransitionException when {@code from} cannot move to {@code to}
     * @throws IllegalStateException         when the task is not in {@code from} (any more)
     */
    public void move(Handle h, long id, TaskState from, TaskState to, Instant now) {
        move(h, id, from, to, now, null);
    }

    /** @param decision who decided and what, recorded with the move; null leaves the task's decision as it is */
    private void move(Handle h, long id, TaskState from, TaskState to, Instant now, ResponseTask.Decision decision) {
        if (!from.canMoveTo(to)) {
            throw new DisallowedTransitionException(id, from, to);
        }
        String decided = decision == null ? "" : ", decided_by = :actor, decided_at = :decided_at,"
                + " approved_text = :text, reject_reason = :reason";
        Update update = h.createUpdate("update response_task set state = :to, updated_at = :now" + decided
                        + " where id = :id and state = :from")
                .bind("to", to).bind("now", now).bind("id", id).bind("from", from);
        if (decision != null) {
            update.bind("actor", decision.actor()).bind("decided_at", decision.at())
                    .bind("text", decision.approvedText()).bind("reason", decision.rejectReason());
        }
        if (update.execute() != 1) {
            throw new IllegalStateException("task " + id + " is not " + from + " (any more), so it cannot move to " + to);
        }
    }

    /**
     * Shows people's labels on the task: the score made consistent with them (see
     * {@code scoring.ScoreBands}) and what the queue says about the correction.
     */
    public void relabel(Handle h, long id, Score score, ResponseTask.Correction correction, Instant now) {
        int updated = h.createUpdate("update response_task set negativity = :negativity, sentiment = :sentiment,"
                        + " urgency = :urgency, urgency_level = :urgency_level, priority = :priority,"
                        + " scorer_sentiment = :scorer_sentiment, scorer_urgency_level = :scorer_urgency_level,"
                        + " corrected_sentiment = :corrected_sentiment, corrected_urgency_level = :corrected_urgency_level,"
                        + " corrected_by = :corrected_by, corrected_at = :corrected_at, updated_at = :now where id = :id")
                .bind("negativity", score.negativity())
                .bind("sentiment", score.sentiment())
                .bind("urgency", score.urgency())
                .bind("urgency_level", score.urgencyLevel())
                .bind("priority", score.priority())
                .bind("scorer_sentiment", correction.scorerSentiment())
                .bind("scorer_urgency_level", correction.scorerUrgencyLevel())
                .bind("corrected_sentiment", correction.sentiment())
                .bind("corrected_urgency_level", correction.urgencyLevel())
                .bind("corrected_by", correction.actor())
                .bind("corrected_at", correction.at())
                .bind("now", now)
                .bind("id", id)
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("task " + id + " vanished while it was locked");
        }
    }
}
