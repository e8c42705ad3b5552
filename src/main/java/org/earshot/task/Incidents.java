package org.earshot.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.earshot.domain.Draft;
import org.earshot.domain.Incident;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.reply.ReplyDrafter;
import org.earshot.store.Database;
import org.earshot.store.IncidentStore;

/**
 * A brand's incidents: one CRITICAL task per burst of complaints, with a holding statement to approve and
 * no mention of its own. Alerts find that a burst is on; opening and growing its task is this class's work.
 */
public final class Incidents {
    /** The queue's highest priority: an incident comes before every mention. */
    static final double PRIORITY = 100.0;

    private final Database db;
    private final IncidentStore incidents;
    private final ReplyDrafter drafter;

    public Incidents(Database db, IncidentStore incidents, ReplyDrafter drafter) {
        this.db = db;
        this.incidents = incidents;
        this.drafter = drafter;
    }

    /**
     * The brand's incident that still lasts: one waiting for approval, or one whose burst was heard at or
     * after {@code heardSince}.
     */
    public Optional<IncidentStore.Stored> lasting(String brand, Instant heardSince) {
        return db.inTransaction(c -> incidents.lasting(c, brand, heardSince));
    }

    /** Opens the incident of a burst; @return its task */
    public long open(Incident burst, Instant now) {
        Draft holding = drafter.holdingStatement("our service", burst.platforms().get(0));
        Score score = new Score(1.0, Sentiment.NEGATIVE, 1.0, UrgencyLevel.CRITICAL, PRIORITY,
                List.of("spike: " + burst.summary()));
        return db.inTransaction(c -> incidents.open(c, burst, score, holding, now, now));
    }

    /** The burst as it grew since the incident opened. */
    public void grow(long taskId, Incident burst, Instant now) {
        db.useTransaction(c -> incidents.update(c, taskId, burst, now));
    }
}
