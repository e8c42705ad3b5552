package org.earshot.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.earshot.domain.Channel;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.domain.Warning;
import org.earshot.reply.ReplyDrafter;
import org.earshot.reply.ReplyGuardrails;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;

/**
 * A person's decision on a task. Approving stores the exact text, who approved it, and puts the
 * reply in the outbox, all in one transaction: from then on only that text can be posted. A reply that
 * promises to come back starts its follow-up clock in the same transaction, due when the text says
 * ("within 1 hour"), else when the policy says for the mention. The task of a platform whose connector
 * declares it read-only (a feed) is closed as answered by hand instead: nothing can be posted there.
 */
public final class Approvals {
    private final Database db;
    private final TaskStore tasks;
    private final MentionStore mentions;
    private final OutboxStore outbox;
    private final AuditLog audit;
    private final ReplyDrafter drafter;
    private final Clock clock;

    public Approvals(Database db, TaskStore tasks, MentionStore mentions, OutboxStore outbox, AuditLog audit,
                     ReplyDrafter drafter, Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.mentions = mentions;
        this.outbox = outbox;
        this.audit = audit;
        this.drafter = drafter;
        this.clock = clock;
    }

    /**
     * @param editedText the text to post instead of the draft, or null to post the draft as it is
     * @param override   approve even though the text breaks a hard rule; recorded in the audit log
     */
    public ResponseTask approve(long id, String editedText, String actor, boolean override) {
        return approve(id, editedText, actor, override, null, Duration.ZERO);
    }

    /**
     * @param openedVersion the task's version when the person opened it ({@code ResponseTask.Handling#version}):
     *                      refused with a conflict when the task changed since; null to approve whatever it is now
     * @param undoWindow    how long the outbox holds the reply before its first attempt, so the approval can be
     *                      undone ({@link #undo}); zero sends at the outbox's next run
     */
    public ResponseTask approve(long id, String editedText, String actor, boolean override, Instant openedVersion,
                                Duration undoWindow) {
        Instant now = clock.instant();
        db.useTransaction(c -> {
            TaskState state = tasks.lockState(c, id).orElseThrow(() -> new TaskNotFoundException(id));
            if (state != TaskState.NEW) {
                throw new TaskConflictException(id, state, "approved");
            }
            ResponseTask task = tasks.find(c, id).orElseThrow();
            Instant version = task.handling().version();
            if (openedVersion != null && version != null && !version.equals(openedVersion)) {
                throw new TaskConflictException("task " + id + " changed since you opened it (at " + version
                        + ": its draft or labels were changed): nothing was approved; reload it, read it again,"
                        + " and approve what you see");
            }
            if (task.isIncident()) {
                approveStatement(c, task, editedText, actor, override, now);
                return;
            }
            boolean edited = editedText != null && !editedText.strip().equals(task.draft().text().strip());
            String text = edited ? editedText.strip() : task.draft().text();
            if (text.isBlank()) {
                throw new IllegalArgumentException("task " + id + " has no reply text to approve; write one or reject it");
            }
            List<Warning> warnings = edited
                    ? drafter.check(text, Triage.draftInput(task.mention(), task.score(),
                            mentions.historyBefore(c, task.mention().platform(), task.mention().author(),
                                    task.mention().id())))
                    : task.draft().warnings();
            // Hard warnings break a rule approving enforces: only an explicit override lets them through.
            List<Warning> hard = warnings.stream().filter(Warning::isHard).toList();
            if (!hard.isEmpty() && !override) {
                throw new ReplyRulesViolatedException(id, hard);
            }
            // The follow-up runs from what the approved text promises, edits included, not from the draft.
            boolean followUp = edited ? ReplyGuardrails.opensFollowUp(text) : task.draft().followUp();
            Instant followUpDue = now.plus(drafter.followUpWithin(text, task.draft().intent(), task.score().urgencyLevel()));
            if (channel(task).readOnly()) {
                // Nothing can be posted on a read-only platform, so the task closes as answered by hand.
                tasks.markAnsweredByHand(c, id, actor, text, now);
                audit.record(c, now, id, actor, "answered-by-hand", text);
            } else {
                List<String> blocks = edited ? drafter.blocks(text, task.mention().platform()) : task.draft().blocks();
                tasks.markApproved(c, id, actor, text, now);
                outbox.add(c, id, idempotencyKey(task), blocks, now.plus(undoWindow));
                audit.record(c, now, id, actor, edited ? "approved-edited" : "approved", text);
            }
            if (followUp) {
                tasks.startFollowUp(c, id, followUpDue);
            }
            if (!hard.isEmpty()) {
                audit.record(c, now, id, actor, "override", String.join("; ", hard.stream().map(Warning::line).toList()));
            }
        });
        return find(id);
    }

    /**
     * An incident's holding statement goes in the outbox as one text, posted at top level on each of its
     * channels by the dispatcher; there is no mention, so no rule about answering one applies, but the
     * statement is checked by the rules for any post on each of its channels, its length as one post there
     * included. Its promise
     * to update starts a follow-up, as a reply's does.
     */
    private void approveStatement(org.jdbi.v3.core.Handle c, ResponseTask task, String editedText, String actor,
                                  boolean override, Instant now) {
        boolean edited = editedText != null && !editedText.strip().equals(task.draft().text().strip());
        String text = edited ? editedText.strip() : task.draft().text();
        if (text.isBlank()) {
            throw new IllegalArgumentException("incident " + task.id() + " has no statement to approve; write one"
                    + " or reject it");
        }
        // The statement is checked, edited or not, on every channel it goes to now (one may have joined the
        // burst since it was drafted), before it is approved.
        List<Warning> hard = drafter.checkStatement(text, task.incident().platforms()).stream()
                .filter(Warning::isHard).toList();
        if (!hard.isEmpty() && !override) {
            throw new ReplyRulesViolatedException(task.id(), hard);
        }
        tasks.markApproved(c, task.id(), actor, text, now);
        outbox.add(c, task.id(), "earshot-incident-" + task.id(), List.of(text), now);
        if (!hard.isEmpty()) {
            audit.record(c, now, task.id(), actor, "override", String.join("; ", hard.stream().map(Warning::line).toList()));
        }
        audit.record(c, now, task.id(), actor, edited ? "approved-edited" : "approved", text);
        if (edited ? ReplyGuardrails.opensFollowUp(text) : task.draft().followUp()) {
            tasks.startFollowUp(c, task.id(), now.plus(drafter.followUpWithin(text, task.draft().intent(),
                    task.score().urgencyLevel())));
        }
    }

    /**
     * Takes an approval back within its undo window, before the outbox tried to send anything: the reply
     * leaves the outbox and the task is open again, as it was before the approval.
     */
    public ResponseTask undo(long id, String actor) {
        Instant now = clock.instant();
        db.useTransaction(c -> {
            TaskState state = tasks.lockState(c, id).orElseThrow(() -> new TaskNotFoundException(id));
            if (state != TaskState.APPROVED) {
                throw new TaskConflictException(id, state, "undone: only an approval still waiting in the outbox"
                        + " can be undone");
            }
            if (!outbox.withdraw(c, id, now)) {
                throw new TaskConflictException("task " + id + "'s approval can no longer be undone: its undo"
                        + " window is over and the outbox has taken the reply");
            }
            tasks.markUndone(c, id, now);
            audit.record(c, now, id, actor, "undone", "approval undone before the reply was sent");
        });
        return find(id);
    }

    /**
     * The rules a person's text for this task breaks, as the queue shows them while they edit: the same
     * rules as the draft's, for this mention. The draft's own text gets the draft's warnings. An incident's
     * statement is checked on the channels of its burst as it is now.
     */
    public List<Warning> check(long id, String text) {
        return db.inTransaction(c -> {
            ResponseTask task = tasks.find(c, id).orElseThrow(() -> new TaskNotFoundException(id));
            if (task.isIncident()) {
                return drafter.checkStatement(text == null ? task.draft().text() : text.strip(),
                        task.incident().platforms());
            }
            if (text == null || text.strip().equals(task.draft().text().strip())) {
                return task.draft().warnings();
            }
            return drafter.check(text.strip(), Triage.draftInput(task.mention(), task.score(),
                    mentions.historyBefore(c, task.mention().platform(), task.mention().author(),
                            task.mention().id())));
        });
    }

    /**
     * The messages a reply would be posted as, in order: the draft's blocks for the draft, the edit split
     * as its channel splits replies (one message where the channel takes one); an incident's statement whole.
     */
    public List<String> blocks(long id, String text) {
        ResponseTask task = db.inTransaction(c -> tasks.find(c, id).orElseThrow(() -> new TaskNotFoundException(id)));
        if (text == null || text.strip().equals(task.draft().text().strip())) {
            return task.draft().blocks();
        }
        return task.isIncident() ? List.of(text.strip()) : drafter.blocks(text.strip(), task.mention().platform());
    }

    /** What the task's platform can do: whether approving posts the reply or closes it as answered by hand. */
    public Channel channel(ResponseTask task) {
        return drafter.channels().of(task.platform());
    }

    /**
     * A person's own draft for an open task, kept as the task's draft (checked against the reply rules
     * like any draft) for someone who may approve: how a responder, who may not, proposes a reply.
     */
    public ResponseTask propose(long id, String text, String actor) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a proposed draft needs its text");
        }
        String clean = text.strip();
        Instant now = clock.instant();
        db.useTransaction(c -> {
            TaskState state = tasks.lockState(c, id).orElseThrow(() -> new TaskNotFoundException(id));
            if (state != TaskState.NEW) {
                throw new TaskConflictException(id, state, "given a proposed draft");
            }
            ResponseTask task = tasks.find(c, id).orElseThrow();
            List<Warning> warnings = drafter.check(clean, Triage.draftInput(task.mention(), task.score(),
                    mentions.historyBefore(c, task.mention().platform(), task.mention().author(), task.mention().id())));
            tasks.replaceDraft(c, id, new org.earshot.domain.Draft(task.draft().intent(), clean,
                    drafter.blocks(clean, task.mention().platform()), warnings, ReplyGuardrails.opensFollowUp(clean)), now);
            audit.record(c, now, id, actor, "draft-proposed", clean);
        });
        return find(id);
    }

    public ResponseTask reject(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        Instant now = clock.instant();
        db.useTransaction(c -> {
            TaskState state = tasks.lockState(c, id).orElseThrow(() -> new TaskNotFoundException(id));
            if (state != TaskState.NEW) {
                throw new TaskConflictException(id, state, "rejected");
            }
            tasks.markRejected(c, id, actor, reason.strip(), now);
            audit.record(c, now, id, actor, "rejected", reason.strip());
        });
        return find(id);
    }

    /**
     * Releases a blocked reply (the platform refused it for good, or the outbox ran out of attempts):
     * its attempts start again from none and the task is approved again, with the same text, so the
     * outbox posts it at its next run. Only a FAILED task whose reply is blocked can be retried; one
     * that is still being tried again needs no help.
     */
    public ResponseTask retry(long id, String actor) {
        Instant now = clock.instant();
        db.useTransaction(c -> {
            TaskState state = tasks.lockState(c, id).orElseThrow(() -> new TaskNotFoundException(id));
            if (state != TaskState.FAILED) {
                throw new TaskConflictException(id, state, "retried: only a FAILED post can be retried");
            }
            ResponseTask.Delivery before = tasks.find(c, id).orElseThrow().delivery();
            if (!outbox.release(c, id, now)) {
                throw new TaskConflictException("task " + id + " is FAILED but its reply is not blocked: the outbox"
                        + " tries it again by itself (attempt " + before.attempts() + ", last error: "
                        + before.lastError() + ")");
            }
            tasks.move(c, id, TaskState.FAILED, TaskState.APPROVED, now);
            audit.record(c, now, id, actor, "retried", "blocked after " + before.attempts() + " attempt(s): "
                    + before.lastError());
        });
        return find(id);
    }

    private ResponseTask find(long id) {
        return db.inTransaction(c -> tasks.find(c, id)).orElseThrow(() -> new TaskNotFoundException(id));
    }

    /** The same for every attempt at this task's reply, unique across tasks and installations' mentions. */
    static String idempotencyKey(ResponseTask task) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (task.mention().platform() + ":" + task.mention().externalId()).getBytes(StandardCharsets.UTF_8));
            return "earshot-" + task.id() + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
