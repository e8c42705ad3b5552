package org.earshot.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.UnreadableItem;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.QuarantinedItem;
import org.earshot.store.Database;
import org.earshot.store.QuarantineStore;

/**
 * The quarantine as people work with it: what waits, each item with its raw form, and reading an item
 * again (after an upgrade that can read it): a mention that is now stored leaves the list, one that
 * still fails stays with the new reason.
 */
public final class Requeue {
    private final Database db;
    private final QuarantineStore store;
    private final MentionIntake intake;
    private final Map<String, Connector> connectors;
    private final Clock clock;

    public Requeue(Database db, MentionIntake intake, Map<String, Connector> connectors, Clock clock) {
        this.db = db;
        this.store = new QuarantineStore();
        this.intake = intake;
        this.connectors = Map.copyOf(connectors);
        this.clock = clock;
    }

    /** What reading one item again gave. */
    public record Outcome(long itemId, boolean stored, List<Long> tasksOpened, String result) {
    }

    public List<QuarantinedItem> open(int limit) {
        return db.inTransaction(h -> store.open(h, limit));
    }

    public Optional<QuarantinedItem> find(long id) {
        return db.inTransaction(h -> store.find(h, id));
    }

    /** Reads every waiting item again, oldest first. */
    public List<Outcome> requeueAll() {
        List<Outcome> out = new ArrayList<>();
        List<QuarantinedItem> open = new ArrayList<>(open(Integer.MAX_VALUE));
        java.util.Collections.reverse(open);
        for (QuarantinedItem item : open) {
            out.add(requeue(item.id()).orElseThrow());
        }
        return out;
    }

    /** Reads the item again; empty when there is no such item. */
    public Optional<Outcome> requeue(long id) {
        Optional<QuarantinedItem> found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        QuarantinedItem item = found.get();
        Outcome outcome = readAgain(item);
        db.useTransaction(h -> store.requeued(h, id, outcome.result(), clock.instant()));
        return Optional.of(outcome);
    }

    private Outcome readAgain(QuarantinedItem item) {
        Connector connector = connectors.get(item.connectorId());
        if (connector == null) {
            return new Outcome(item.id(), false, List.of(), "still held: connector " + item.connectorId()
                    + " is not in the config any more");
        }
        try {
            List<IncomingMention> mentions = switch (item.kind()) {
                case MENTION -> List.of(MentionJson.decode(item.payload()));
                case RAW -> connector.source().reread(new UnreadableItem(item.externalId(), item.reason(),
                        item.payload(), item.truncated()));
            };
            List<Long> opened = intake.storeReread(connector, mentions);
            return new Outcome(item.id(), true, opened, QuarantinedItem.STORED + ": " + mentions.size()
                    + " mention(s) read, " + opened.size() + " task(s) opened");
        } catch (ConnectorException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(item.id(), false, List.of(), "still held: " + why);
        }
    }
}
