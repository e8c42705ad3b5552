package org.earshot.drill;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.earshot.Wiring;
import org.earshot.config.ConfigLoader;
import org.earshot.config.EarshotConfig;

/**
 * What {@code earshot run} does, as a process of its own for the kill -9 drill, with the outbox's
 * lease and first backoff cut from 2 minutes and 30 seconds to 5 seconds and 1 second: a daemon killed
 * mid-post leaves its claim behind, and the restarted one takes the reply again only when that lease
 * ends. Everything else (the connectors, the database, the scheduler, the REST API) is the daemon's own.
 */
public final class DrillDaemon {
    static final Wiring.Timings TIMINGS = new Wiring.Timings(Duration.ofSeconds(1), Duration.ofSeconds(5),
            new org.earshot.task.Backoff(Duration.ofSeconds(1), Duration.ofMinutes(30)),
            Wiring.Timings.DEFAULT.maxPostAttempts(), Duration.ofSeconds(1), Wiring.Timings.DEFAULT.alertDeliveryLease(),
            Wiring.Timings.DEFAULT.alertDeliveryBackoff(), Wiring.Timings.DEFAULT.alertTriggersInterval());

    private DrillDaemon() {
    }

    public static void main(String[] args) throws InterruptedException {
        EarshotConfig config = new ConfigLoader(System::getenv, Wiring.CHANNELS).load(Path.of(args[0]));
        Wiring wiring = new Wiring(config, Wiring.CONNECTOR_FACTORIES, Clock.systemUTC(), TIMINGS);
        wiring.startScheduler();
        wiring.startWeb();
        System.out.println(wiring.banner());
        new CountDownLatch(1).await();
    }
}
