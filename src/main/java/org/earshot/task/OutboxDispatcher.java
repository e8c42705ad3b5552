package org.earshot.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.TopLevelPost;
import org.earshot.domain.Mention;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.IncidentStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.OutboxStore.PendingReply;
import org.earshot.store.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts approved replies from the outbox, block by block, each block acknowledged in the database
 * before the next is sent. A claim is a lease: if this process dies mid-post, the row comes due again
 * when the lease ends and the same idempotency keys are sent again, which the platform (or the
 * publisher's own check) turns into a no-op for blocks it already has. A failed attempt is tried
 * again with backoff, up to {@code maxAttempts}; after that, or when the platform refuses the reply
 * for good, the reply is blocked with its last error until a person retries it.
 */
public final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Database db;
    private final OutboxStore outbox;
    private final TaskStore tasks;
    private final AuditLog audit;
    private final Map<String, Connector> connectors;
    private final Clock clock;
    private final Duration lease;
    private final Backoff backoff;
    private final int maxAttempts;
    private final IncidentStore incidents;

    /** @param maxAttempts how many failed attempts block a reply (at least 1) */
    public OutboxDispatcher(Database db, OutboxStore outbox, TaskStore tasks, AuditLog audit,
                            Map<String, Connector> connectors, Clock clock, Duration lease, Backoff backoff,
                            int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts);
        }
        this.db = db;
        this.outbox = outbox;
        this.tasks = tasks;
        this.audit = audit;
        this.connectors = Map.copyOf(connectors);
        this.clock = clock;
        this.lease = lease;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.incidents = new IncidentStore(tasks);
    }

    /** Posts every due reply; returns how many were completed in this run. */
    public int dispatchDue() {
        List<Long> due = db.inTransaction(c -> outbox.due(c, clock.instant(), 50));
        int done = 0;
        for (long taskId : due) {
            if (dispatch(taskId)) {
                done++;
            }
        }
        return done;
    }

    private boolean dispatch(long taskId) {
        Instant now = clock.instant();
        Optional<PendingReply> claimed = db.inTransaction(c -> outbox.claim(c, taskId, now, now.plus(lease)));
        if (claimed.isEmpty()) {
            return false;
        }
        PendingReply reply = claimed.get();
        ResponseTask task = db.inTransaction(c -> tasks.find(c, taskId)).orElseThrow();
        if (task.isIncident()) {
            return postStatement(reply, task);
        }
        Mention mention = task.mention();
        Connector connector = connectors.get(mention.connectorId());
        if (connector == null) {
            fail(reply, "connector '" + mention.connectorId() + "' is not configured any more", false);
            return false;
        }
        String tip = reply.threadTipId() == null ? mention.externalId() : reply.threadTipId();
        for (int i = reply.blocksPosted(); i < reply.blocks().size(); i++) {
            ReplyBlock block = new ReplyBlock(mention, reply.blocks().get(i), tip, i, reply.blocks().size(),
                    reply.idempotencyKey() + "-" + i);
            PostedReply posted;
            try {
                posted = connector.publisher().publish(block);
            } catch (ConnectorException | RuntimeException e) {
                boolean permanent = e instanceof ConnectorException ce && ce.isPermanent();
                fail(reply, "block " + (i + 1) + " of " + reply.blocks().size() + ": " + e.getMessage(), permanent);
                return false;
            }
            tip = posted.externalId();
            boolean last = i == reply.blocks().size() - 1;
            int blocksPosted = i + 1;
            String postedId = posted.externalId();
            db.useTransaction(c -> {
                Instant at = clock.instant();
                // The task's row is locked before the outbox's, in the order approving and retrying take them.
                TaskState from = last ? tasks.lockState(c, taskId).orElseThrow() : null;
                outbox.blockPosted(c, taskId, blocksPosted, postedId, last, at);
                if (last) {
                    tasks.move(c, taskId, from, TaskState.POSTED, at);
                    audit.record(c, at, taskId, "earshot", "posted", "reply " + postedId + " on " + mention.connectorId());
                }
            });
        }
        LOG.info("task {}: reply posted on {}", taskId, mention.connectorId());
        return true;
    }

    /**
     * An incident's holding statement: one post of the brand's own (not a reply) on each channel of the
     * incident, each recorded before the next, so a retry posts only on the channels left; the same when the
     * statement is due again because the burst reached a channel after it was posted. A channel whose
     * publisher cannot post at top level (mail, a feed) is settled as not posted, with why, on the incident
     * and in the audit, and never tried again.
     */
    private boolean postStatement(PendingReply reply, ResponseTask task) {
        long taskId = task.id();
        String text = String.join("\n\n", reply.blocks());
        Map<String, String> before = db.inTransaction(c -> incidents.posts(c, taskId));
        java.util.Set<String> settled = db.inTransaction(c -> incidents.settled(c, taskId));
        List<String> postedNow = new java.util.ArrayList<>();
        List<String> skipped = new java.util.ArrayList<>();
        for (String channel : task.incident().channels()) {
            if (settled.contains(channel)) {
                continue;
            }
            Connector connector = connectors.get(channel);
            if (connector == null || !connector.publisher().postsTopLevel()) {
                String why = (connector == null ? "its connector is not configured any more"
                        : connector.publisher().whyNoTopLevel()) + "; post the statement there by hand if it needs it";
                db.useTransaction(c -> incidents.recordNotPosted(c, taskId, channel, why));
                skipped.add(channel + " (" + why + ")");
                continue;
            }
            PostedReply statement;
            try {
                statement = connector.publisher().postTopLevel(new TopLevelPost(task.brand(), text,
                        reply.idempotencyKey() + "-" + channel, task.createdAt()));
            } catch (ConnectorException | RuntimeException e) {
                boolean permanent = e instanceof ConnectorException ce && ce.isPermanent();
                fail(reply, "statement on " + channel + ": " + e.getMessage(), permanent);
                return false;
            }
            db.useTransaction(c -> incidents.recordPost(c, taskId, channel, statement.externalId(), statement.url(),
                    clock.instant()));
            postedNow.add(channel);
        }
        String first = before.isEmpty() ? postedNow.isEmpty() ? null
                : db.inTransaction(c -> incidents.posts(c, taskId)).values().stream().findFirst().orElse(null)
                : before.values().iterator().next();
        String detail = "statement posted on " + (postedNow.isEmpty() ? "no channel" : String.join(", ", postedNow))
                + (before.isEmpty() ? "" : " (already on " + String.join(", ", before.keySet()) + ")")
                + (skipped.isEmpty() ? "" : "; not on " + String.join(", ", skipped));
        db.useTransaction(c -> {
            Instant at = clock.instant();
            TaskState from = tasks.lockState(c, taskId).orElseThrow();
            outbox.blockPosted(c, taskId, reply.blocks().size(), first, true, at);
            tasks.move(c, taskId, from, TaskState.POSTED, at);
            audit.record(c, at, taskId, "earshot", "posted", detail);
        });
        LOG.info("incident task {}: {}", taskId, detail);
        return true;
    }

    /** Records a failed attempt: tried again with backoff, or blocked when refused for good or out of attempts. */
    private void fail(PendingReply reply, String error, boolean permanent) {
        Instant now = clock.instant();
        boolean blocked = permanent || reply.attempts() >= maxAttempts;
        Instant retryAt = now.plus(backoff.after(reply.attempts()));
        String action = permanent ? "post-failed" : blocked ? "post-blocked" : "post-retry";
        String detail = permanent ? error
                : blocked ? error + " (blocked after " + reply.attempts() + " attempts until someone retries it)"
                : error + " (next try " + retryAt + ")";
        db.useTransaction(c -> {
            TaskState from = tasks.lockState(c, reply.taskId()).orElseThrow();
            if (blocked) {
                outbox.block(c, reply.taskId(), error, permanent, now);
            } else {
                outbox.failed(c, reply.taskId(), error, retryAt);
            }
            tasks.move(c, reply.taskId(), from, TaskState.FAILED, now);
            audit.record(c, now, reply.taskId(), "earshot", action, detail);
        });
        LOG.warn("task {}: posting failed ({}): {}", reply.taskId(), permanent ? "refused for good; blocked"
                : blocked ? "blocked after " + reply.attempts() + " attempts" : "will retry", error);
    }
}
