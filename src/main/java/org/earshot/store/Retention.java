package org.earshot.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Prunes what a configured time makes old: mentions that never became a task (they did not match a
 * brand's rules closely enough, or were excluded) and that the team never corrected, received longer
 * ago than {@code storage.retention}. Tasks, their mentions, the audit log and corrections stay.
 */
public final class Retention {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Retention.class);
    private final Database database;
    private final Duration keep;
    private final Clock clock;

    public Retention(Database database, Duration keep, Clock clock) {
        this.database = database;
        this.keep = keep;
        this.clock = clock;
    }

    /** One pruning pass; answers how many mentions it removed. */
    public int pruneOnce() {
        Instant before = clock.instant().minus(keep);
        int removed = database.inTransaction(h -> h.createUpdate("""
                        delete from mention where received_at < :before
                          and not exists (select 1 from response_task t where t.mention_id = mention.id)
                          and not exists (select 1 from score_correction c where c.mention_id = mention.id)""")
                .bind("before", before).execute());
        if (removed > 0) {
            LOG.info("retention: removed {} mention(s) received before {} that never became tasks", removed, before);
        }
        return removed;
    }
}
