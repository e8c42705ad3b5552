package org.earshot.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.Durations;
import org.earshot.connector.ConnectorHealth;
import org.earshot.store.Database;
import org.earshot.store.HealthStore;
import org.earshot.store.MentionStore;
import org.earshot.store.QuarantineStore;

/**
 * Judges each configured connector's health from its recent polls and mentions: failing, refused
 * credentials, stalled (no successful poll in three schedules), out of quota, or quieter than its
 * {@code expectMentionsWithin}. The web shows it; the alerting sends it on.
 */
public final class ConnectorHealthCheck {
    private final Database db;
    private final HealthStore health;
    private final MentionStore mentions;
    private final List<ConnectorConfig> connectors;
    private final Clock clock;
    private final Instant startedAt;
    private final QuarantineStore quarantine = new QuarantineStore();

    public ConnectorHealthCheck(Database db, HealthStore health, MentionStore mentions, List<ConnectorConfig> connectors,
                                Clock clock) {
        this.db = db;
        this.health = health;
        this.mentions = mentions;
        this.connectors = List.copyOf(connectors);
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public List<ConnectorHealth> report() {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            Map<String, ConnectorHealth> recorded = health.all(c).stream()
                    .collect(Collectors.toMap(ConnectorHealth::connectorId, Function.identity()));
            Map<String, Long> quarantined = quarantine.openByConnector(c);
            List<ConnectorHealth> out = new ArrayList<>();
            for (ConnectorConfig config : connectors) {
                ConnectorHealth polls = recorded.getOrDefault(config.id(),
                        new ConnectorHealth(config.id(), null, null, null, 0, 0, -1, false, 0, null, null, 0));
                long lastHour = mentions.countSince(c, config.id(), now.minus(Duration.ofHours(1)));
                Instant lastMention = mentions.lastReceived(c, config.id()).orElse(null);
                out.add(polls.judged(lastHour, lastMention, problem(config, polls, lastMention, now),
                        quarantined.getOrDefault(config.id(), 0L)));
            }
            return out;
        });
    }

    private String problem(ConnectorConfig config, ConnectorHealth h, Instant lastMention, Instant now) {
        if (h.consecutiveFailures() > 0 && h.lastErrorPermanent()) {
            return "refused: " + h.lastError() + " (fix the settings or credentials; retrying will not help)";
        }
        if (h.consecutiveFailures() > 0) {
            return "failing: " + h.consecutiveFailures() + " poll(s) in a row, last: " + h.lastError();
        }
        Duration stall = config.schedule().multipliedBy(3).plusMinutes(1);
        Instant lastGood = h.lastSuccess() == null ? startedAt : h.lastSuccess();
        if (lastGood.plus(stall).isBefore(now)) {
            return h.lastSuccess() == null ? "no poll has succeeded since the start"
                    : "stalled: no successful poll since " + h.lastSuccess();
        }
        if (h.quotaLeft() == 0) {
            return "out of quota: the platform's rate limit is used up";
        }
        Duration expected = config.expectMentionsWithin();
        Instant quietSince = lastMention == null ? startedAt : lastMention;
        if (expected != null && quietSince.plus(expected).isBefore(now)) {
            return "quiet: no mention for " + Durations.format(Duration.between(quietSince, now).withNanos(0)
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)) + ", expected within "
                    + Durations.format(expected);
        }
        return null;
    }
}
