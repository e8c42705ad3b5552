package org.earshot.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earshot.domain.Author;
import org.earshot.domain.Draft;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.reply.ReplyDrafter;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;

/**
 * A brand's incident: Earshot's own mention of it and one CRITICAL task holding a statement to
 * approve. Alerts find that an incident is due; opening its task is the task package's work.
 */
public final class Incidents {
    /** The platform id of an incident's own mention: {@code earshot-spike:<brand>:<window start>}. */
    public static final String PREFIX = MentionStore.OWN_PREFIX + "spike:";

    private final Database db;
    private final MentionStore mentions;
    private final TaskStore tasks;
    private final ReplyDrafter drafter;

    public Incidents(Database db, MentionStore mentions, TaskStore tasks, ReplyDrafter drafter) {
        this.db = db;
        this.mentions = mentions;
        this.tasks = tasks;
        this.drafter = drafter;
    }

    public boolean isOpen(String brand) {
        return !db.inTransaction(c -> tasks.openOwn(c, PREFIX + brand + ":")).isEmpty();
    }

    /**
     * Opens the incident of {@code brand} for the window starting at {@code bucket}, on the connector where
     * most complaints were heard; empty when that window's incident was opened before.
     */
    public Optional<Long> open(String brand, Platform platform, String connectorId, Instant bucket, String summary,
                               Instant now) {
        IncomingMention own = new IncomingMention(platform, PREFIX + brand + ":" + bucket,
                new Author("earshot", "Earshot", 0), summary, "Incident: " + brand, now, "", Map.of());
        Draft holding = drafter.holdingStatement("our service", platform);
        Score score = new Score(1.0, Sentiment.NEGATIVE, 1.0, UrgencyLevel.CRITICAL, 1.0, List.of("spike: " + summary));
        return db.inTransaction(c -> {
            var mentionId = mentions.insertIfNew(c, connectorId, brand, own, now);
            if (mentionId.isEmpty()) {
                return Optional.<Long>empty();
            }
            return Optional.of(tasks.insert(c, mentionId.getAsLong(), score, holding, now, now));
        });
    }
}
