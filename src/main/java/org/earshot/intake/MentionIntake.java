package org.earshot.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
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
import org.earshot.store.QuarantineStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Triage;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one connector: read from its cursor, keep what matches the brand, score and draft each
 * new mention outside any transaction, then save the mentions, tasks and the next cursor in one short
 * transaction. A mention that cannot be scored, drafted or stored, and an item the connector could not
 * read, are kept in quarantine instead, so one bad item never holds up the others or the cursor. A failed
 * poll saves nothing but the connector's health, so the next poll starts from the same cursor.
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
    private final Quarantine quarantine = new Quarantine(new QuarantineStore());

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
        String cursor = db.inTransaction(h -> cursors.find(h, connector.id())).orElse(null);
        PollResult result;
        try {
            result = connector.source().poll(cursor);
        } catch (ConnectorException | RuntimeException e) {
            return recordFailure(connector, e);
        }
        Instant now = clock.instant();
        BrandMatcher matcher = matchers.get(connector.brand());
        List<IncomingMention> accepted = result.mentions().stream().filter(matcher::accepts).toList();
        // Scoring and drafting (a model, perhaps an LLM) run here, before any transaction is open.
        List<PreparedMention> prepared = prepare(connector, accepted, now);
        List<Long> opened;
        try {
            opened = db.inTransaction(h -> {
                List<Long> ids = new ArrayList<>();
                Set<String> people = new HashSet<>();
                for (PreparedMention p : prepared) {
                    store(h, connector, p, now, people).ifPresent(ids::add);
                }
                finish(h, connector, result, now);
                return ids;
            });
        } catch (RuntimeException batchFailed) {
            // One of them cannot be stored: each goes on its own, and the one that fails is kept aside.
            LOG.info("connector {}: storing the poll's {} mention(s) together failed ({}); storing each alone",
                    connector.id(), prepared.size(), batchFailed.getMessage());
            opened = storeEachAlone(connector, prepared, result, now);
        }
        if (!opened.isEmpty()) {
            LOG.info("connector {}: {} new mention(s), {} task(s) opened", connector.id(), result.mentions().size(),
                    opened.size());
        }
        return new PollOutcome(result.mentions().size(), opened, null);
    }

    /**
     * Stores mentions read again from quarantine, as a poll would (a mention known already is left
     * alone); the ids of the tasks opened.
     *
     * @throws IllegalStateException when one still cannot be stored, saying why; nothing is stored then
     */
    public List<Long> storeReread(Connector connector, List<IncomingMention> reread) {
        Instant now = clock.instant();
        List<PreparedMention> prepared = prepare(connector, reread, now);
        prepared.stream().filter(p -> p.problem() != null).findFirst().ifPresent(p -> {
            throw new IllegalStateException(p.problem());
        });
        return db.inTransaction(h -> {
            List<Long> ids = new ArrayList<>();
            Set<String> people = new HashSet<>();
            for (PreparedMention p : prepared) {
                store(h, connector, p, now, people).ifPresent(ids::add);
            }
            return ids;
        });
    }

    /**
     * What each new mention will be stored with: a problem that keeps it from being stored, or (unless it
     * joins an open conversation) its scores and draft. Mentions stored already are left out.
     */
    private List<PreparedMention> prepare(Connector connector, List<IncomingMention> accepted, Instant now) {
        List<PreparedMention> lookedUp = db.inTransaction(h -> {
            List<PreparedMention> out = new ArrayList<>();
            for (IncomingMention incoming : accepted) {
                if (incoming.externalId().length() > MentionStore.MAX_EXTERNAL_ID) {
                    out.add(PreparedMention.refused(incoming, "the platform's id is " + incoming.externalId().length()
                            + " characters long; at most " + MentionStore.MAX_EXTERNAL_ID + " can be stored"));
                } else if (!mentions.known(h, incoming.platform(), incoming.externalId())) {
                    boolean joins = mentions.openTaskOfThread(h, incoming.platform(), incoming.threadKey()).isPresent();
                    Mention unsaved = MentionStore.asStored(connector.id(), connector.brand(), incoming, now);
                    out.add(PreparedMention.lookedUp(incoming, unsaved, joins ? null
                            : mentions.historyBefore(h, incoming.platform(), incoming.author(), 0)));
                }
            }
            return out;
        });
        // The learned model reads the mentions that will be scored in one go.
        triage.readAhead(lookedUp.stream().filter(p -> p.history() != null).map(PreparedMention::incoming).toList());
        return lookedUp.stream().map(p -> assessed(p, now)).toList();
    }

    private PreparedMention assessed(PreparedMention p, Instant now) {
        if (p.problem() != null || p.history() == null) {
            return p;
        }
        try {
            return p.withAssessment(triage.assess(p.unsaved(), p.history(), now));
        } catch (RuntimeException e) {
            return PreparedMention.refused(p.incoming(), "could not be scored or drafted: " + describe(e));
        }
    }

    /** Stores one prepared mention in the caller's transaction; the id of the task it opened, if any. */
    private Optional<Long> store(Handle h, Connector connector, PreparedMention p, Instant now,
                                 Set<String> peopleStored) {
        if (p.problem() != null) {
            quarantine.holdMention(h, connector, p.incoming(), p.problem(), now);
            return Optional.empty();
        }
        IncomingMention incoming = p.incoming();
        // Looked up again here: an earlier mention of this batch may have opened the conversation's task.
        Optional<Long> thread = mentions.openTaskOfThread(h, incoming.platform(), incoming.threadKey());
        OptionalLong mentionId = mentions.insertIfNew(h, connector.id(), connector.brand(), incoming, now,
                thread.orElse(null));
        List<String> person = personKeys(incoming);
        boolean wroteEarlierInBatch = person.stream().anyMatch(peopleStored::contains);
        peopleStored.addAll(person);
        if (mentionId.isEmpty() || thread.isPresent()) {
            // Known already, or a reply/repost/quote joining its conversation's open task.
            return Optional.empty();
        }
        Mention stored = p.unsaved().withId(mentionId.getAsLong());
        CustomerHistory history = p.history();
        Triage.Assessment a = p.assessment();
        if (a == null || wroteEarlierInBatch) {
            // Rare: the same person wrote twice in this batch, or the conversation's task closed meanwhile.
            history = mentions.historyBefore(h, stored.platform(), stored.author(), stored.id());
            if (a == null || !history.equals(p.history())) {
                a = triage.assess(stored, history, now);
            }
        }
        long taskId = tasks.insert(h, stored.id(), a.score(), a.draft(), now, a.dueAt(), history, a.language());
        if (a.llmPending()) {
            tasks.markLlmPending(h, taskId);
        }
        if (a.modelPending()) {
            tasks.markModelPending(h, taskId);
        }
        return Optional.of(taskId);
    }

    /** Who wrote it, as the customer history matches people: the account on its platform, and the person key. */
    private static List<String> personKeys(IncomingMention m) {
        String account = m.platform().name() + "|" + m.author().handle().toLowerCase(java.util.Locale.ROOT);
        String personKey = m.author().personKey();
        return personKey.isEmpty() ? List.of(account) : List.of(account, "person|" + personKey);
    }

    /** The poll's own bookkeeping: what it could not read, its next cursor and its health. */
    private void finish(Handle h, Connector connector, PollResult result, Instant now) {
        result.unreadable().forEach(u -> quarantine.holdUnreadable(h, connector, u, now));
        if (result.nextCursor() != null) {
            cursors.save(h, connector.id(), result.nextCursor(), now);
        }
        health.recordSuccess(h, connector.id(), now, result.mentions().size(), result.quotaLeft());
    }

    private List<Long> storeEachAlone(Connector connector, List<PreparedMention> prepared, PollResult result,
                                      Instant now) {
        List<Long> ids = new ArrayList<>();
        Set<String> people = new HashSet<>();
        for (PreparedMention p : prepared) {
            try {
                db.inTransaction(h -> store(h, connector, p, now, people)).ifPresent(ids::add);
            } catch (RuntimeException e) {
                db.useTransaction(h -> quarantine.holdMention(h, connector, p.incoming(),
                        "the database refused it: " + describe(e), now));
            }
        }
        db.useTransaction(h -> finish(h, connector, result, now));
        return ids;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() <= 500 ? message : message.substring(0, 500) + "…";
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
