package org.earshot.alert;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that raises alerts on a schedule, run in turn, each inside catch-and-log so one failing
 * trigger never stops the others: the new-mention sweep, the service-level clock, follow-ups, spikes,
 * connector health, and the daily digest.
 */
public final class AlertTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(AlertTriggers.class);
    /** How far back the new-mention sweep looks for alerts a crash after a poll left unraised. */
    public static final Duration SWEEP_BACK = Duration.ofHours(1);

    private final MentionAlerts mentionAlerts;
    private final ServiceLevelClock serviceLevels;
    private final FollowUps followUps;
    private final SpikeDetector spikes;
    private final ConnectorAlerts connectors;
    private final DailyDigest digest;

    public AlertTriggers(MentionAlerts mentionAlerts, ServiceLevelClock serviceLevels, FollowUps followUps,
                         SpikeDetector spikes, ConnectorAlerts connectors, DailyDigest digest) {
        this.mentionAlerts = mentionAlerts;
        this.serviceLevels = serviceLevels;
        this.followUps = followUps;
        this.spikes = spikes;
        this.connectors = connectors;
        this.digest = digest;
    }

    public void runOnce() {
        run("new mentions", () -> mentionAlerts.sweep(SWEEP_BACK));
        run("service levels", serviceLevels::check);
        run("follow-ups", followUps::check);
        run("spikes", () -> spikes.check().size());
        run("connector health", connectors::check);
        run("daily digest", digest::check);
    }

    private static void run(String name, java.util.function.IntSupplier trigger) {
        try {
            trigger.getAsInt();
        } catch (RuntimeException e) {
            LOG.error("alerts: {} failed: {}", name, e.getMessage(), e);
        }
    }
}
