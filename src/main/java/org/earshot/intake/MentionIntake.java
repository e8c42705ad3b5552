package org.earshot.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PollResult;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Mention;
import org.earshot.matching.BrandMatcher;
import org.earshot.store.CursorStore;
import org.earshot.store.Database;
import org.earshot.store.HealthStore;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Triage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one connector: read from its cursor, keep what matches the brand, open a task per new
 * mention, and save the mentions, tasks and the next cursor in one transaction. A failed poll saves
 * nothing but the connector's health, so the next poll starts from the same cursor.
 */
public final class MentionIntake {
    private static final Logger LOG = LoggerFactory.getLogger(MentionIntake.class);

    private final Database db;
    private final MentionStore mentions;
    private final TaskStore tasks;
    private final CursorStore cursors;
    private final HealthStore health;
    private final Triage triage;
    private final java.util.Map<String, BrandMatcher> matchers;
    private final Clock clock;

    public MentionIntake(Database db, MentionStore mentions, TaskStore tasks, CursorStore cursors, HealthStore health,
                         Triage triage, java.util.Map<String, BrandMatcher> matchers, Clock clock) {
        this.db = db;
        this.mentions = mentions;
        this.tasks = tasks;
        this.cursors = cursors;
        this.health = health;
        this.triage = triage;
        this.matchers = java.util.Map.copyOf(matchers);
        this.clock = clock;
    }

    /** What one poll did: mentions read, new tasks opened; or the error that stopped it. */
    public record PollOutcome(int read, List<Long> newTaskIds, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    public PollOutcome pollOnce(Connector connector) {
        String cursor = db.inTransaction(c -> cursors.find(c, connector.id())).orElse(null);
        PollResult result;
        try {
            result = connector.source().poll(cursor);
        } catch (ConnectorException | RuntimeException e) {
            return recordFailure(connector, e);
        }
        Instant now = clock.instant();
        BrandMatcher matcher = matchers.get(connector.brand());
        // The learned model reads the batch here, outside the transaction.
        triage.readAhead(result.mentions().stream().filter(matcher::accepts).toList());
        List<Long> opened = db.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            for (IncomingMention incoming : result.mentions()) {
                if (!matcher.accepts(incoming)) {
                    continue;
                }
                java.util.Optional<Long> thread = mentions.openTaskOfThread(c, incoming.platform(), incoming.threadKey());
                OptionalLong mentionId = mentions.insertIfNew(c, connector.id(), connector.brand(), incoming, now,
                        thread.orElse(null));
                if (mentionId.isEmpty() || thread.isPresent()) {
                    // Known already, or a reply/repost/quote joining its conversation's open task.
                    continue;
                }
                Mention stored = mentions.find(c, mentionId.getAsLong()).orElseThrow();
                CustomerHistory history = mentions.historyBefore(c, stored.platform(), stored.author(),
                        stored.id());
                Triage.Assessment a = triage.assess(stored, history, now);
                ids.add(tasks.insert(c, stored.id(), a.score(), a.draft(), now, a.dueAt(), history));
            }
            if (result.nextCursor() != null) {
                cursors.save(c, connector.id(), result.nextCursor(), now);
            }
            health.recordSuccess(c, connector.id(), now, result.mentions().size(), result.quotaLeft());
            return ids;
        });
        if (!opened.isEmpty()) {
            LOG.info("connector {}: {} new mention(s), {} task(s) opened", connector.id(), result.mentions().size(),
                    opened.size());
        }
        return new PollOutcome(result.mentions().size(), opened, null);
    }

    private PollOutcome recordFailure(Connector connector, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        boolean permanent = e instanceof ConnectorException ce && ce.isPermanent();
        int failures = db.inTransaction(c -> health.recordFailure(c, connector.id(), clock.instant(), message,
                permanent));
        // The first failure in a row is logged with its cause; repeats are one line each, not a stack trace.
        // A platform's own answer (401, 429, a bad payload) says all there is in its message.
        boolean explained = e instanceof ConnectorException && e.getCause() == null;
        if (failures == 1 && explained) {
            LOG.warn("connector {}: poll failed: {}", connector.id(), message);
        } else if (failures == 1) {
            LOG.warn("connector {}: poll failed: {}", connector.id(), message, e);
        } else {
            LOG.warn("connector {}: poll failed again ({} in a row): {}", connector.id(), failures, message);
        }
        return new PollOutcome(0, List.of(), message);
    }
}
