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
import org.earshot.domain.Mention;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.OutboxStore;
import org.earshot.store.OutboxStore.PendingReply;
import org.earshot.store.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts approved replies from the outbox, block by block, each block acknowledged in the database
 * before the next is sent. A claim is a lease: if this process dies mid-post, the row comes due again
 * when the lease ends and the same idempotency keys are sent again, which the platform (or the
 * publisher's own check) turns into a no-op for blocks it already has.
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

    public OutboxDispatcher(Database db, OutboxStore outbox, TaskStore tasks, AuditLog audit,
                            Map<String, Connector> connectors, Clock clock, Duration lease, Backoff backoff) {
        this.db = db;
        this.outbox = outbox;
        this.tasks = tasks;
        this.audit = audit;
        this.connectors = Map.copyOf(connectors);
        this.clock = clock;
        this.lease = lease;
        this.backoff = backoff;
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
                outbox.blockPosted(c, taskId, blocksPosted, postedId, last, at);
                if (last) {
                    tasks.markDelivery(c, taskId, TaskState.POSTED, at);
                    audit.record(c, at, taskId, "earshot", "posted", "reply " + postedId + " on " + mention.connectorId());
                }
            });
        }
        LOG.info("task {}: reply posted on {}", taskId, mention.connectorId());
        return true;
    }

    private void fail(PendingReply reply, String error, boolean permanent) {
        Instant now = clock.instant();
        Instant retryAt = now.plus(backoff.after(reply.attempts()));
        db.useTransaction(c -> {
            outbox.failed(c, reply.taskId(), error, permanent, retryAt);
            tasks.markDelivery(c, reply.taskId(), TaskState.FAILED, now);
            audit.record(c, now, reply.taskId(), "earshot", permanent ? "post-failed" : "post-retry",
                    permanent ? error : error + " (next try " + retryAt + ")");
        });
        LOG.warn("task {}: posting failed ({}): {}", reply.taskId(), permanent ? "permanent" : "will retry", error);
    }
}
