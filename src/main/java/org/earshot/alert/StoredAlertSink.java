package org.earshot.alert;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.earshot.config.AlertRoute;
import org.earshot.domain.Alert;
import org.earshot.domain.DeliveryState;
import org.earshot.store.AlertStore;
import org.earshot.store.Database;
import org.earshot.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises alerts by storing them, routed and with the time they may go; the {@link AlertDispatcher}
 * sends them from its own thread, so a slow or absent Slack never holds up the code that raised one.
 */
public final class StoredAlertSink implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger(StoredAlertSink.class);
    static final String NO_ROUTE = "no route";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final AlertStore store;
    private final AlertRouter router;
    private final Clock clock;

    public StoredAlertSink(Database db, AlertStore store, AlertRouter router, Clock clock) {
        this.db = db;
        this.store = store;
        this.router = router;
        this.clock = clock;
    }

    @Override
    public Optional<Raised> latest(String dedupKeyPrefix) {
        return db.inTransaction(c -> store.latest(c, dedupKeyPrefix)).map(k -> new Raised(k.dedupKey(), k.at()));
    }

    @Override
    public boolean raise(Alert alert) {
        Instant now = clock.instant();
        Optional<AlertRoute> route = router.route(alert);
        try {
            boolean added = db.inTransaction(c -> route.isPresent()
                    ? store.add(c, alert, route.get().name(), DeliveryState.PENDING, null,
                            router.deliverableFrom(route.get(), alert.level(), now))
                    : store.add(c, alert, null, DeliveryState.DROPPED, NO_ROUTE, now));
            if (added && route.isEmpty()) {
                LOG.info("alert {} ({}): no route takes it; stored as dropped", alert.dedupKey(), alert.kind().id());
            }
            return added;
        } catch (StoreException e) {
            // Two raisers of one key at once: the unique key let one in.
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
