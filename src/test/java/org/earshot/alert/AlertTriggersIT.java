package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.BusinessHours;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.ServiceLevel;
import org.earshot.config.ServiceLevels;
import org.earshot.config.SpikeRule;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Platform;
import org.earshot.domain.UrgencyLevel;
import org.earshot.intake.ConnectorHealthCheck;
import org.earshot.reply.ReplyDrafter;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.HealthStore;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;
import org.earshot.task.BusinessClock;
import org.earshot.task.Incidents;
import org.earshot.testing.MutableClock;
import org.earshot.testing.RecordingAlertSink;
import org.earshot.testing.StoredTasks;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert job's one run: every trigger gets its turn, and running again raises nothing twice. */
class AlertTriggersIT {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T07:00:00Z"));
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private final HealthStore health = new HealthStore();
    private Database db;
    private StoredTasks stored;
    private AlertTriggers triggers;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        stored = new StoredTasks(db);
        TaskStore tasks = new TaskStore();
        MentionStore mentions = new MentionStore();
        String url = "https://queue.example";
        ServiceLevelClock sla = new ServiceLevelClock(db, tasks,
                new ServiceLevels(Map.of("social", new ServiceLevel(Duration.ofHours(1), Duration.ofHours(24)))), Wiring.CHANNELS,
                new BusinessClock(BusinessHours.ALWAYS), Duration.ofMinutes(30), url, sink, clock);
        ConnectorConfig config = new ConnectorConfig("social", "memory", "acme", true, Duration.ofMinutes(1),
                new ConfigNode(dir, "connectors.social", null), null);
        ConnectorHealthCheck check = new ConnectorHealthCheck(db, health, mentions, List.of(config), clock);
        triggers = new AlertTriggers(new MentionAlerts(db, tasks, sink, url, clock), sla,
                new FollowUps(db, tasks, new AuditLog(), Duration.ofMinutes(30), url, sink, clock),
                new SpikeDetector(db, mentions, new Incidents(db, tasks, new org.earshot.store.OutboxStore(), new AuditLog(), new ReplyDrafter(TestConfigs.policy(), Wiring.CHANNELS)),
                        SpikeRule.DEFAULT, List.of("acme"), url, sink, clock),
                new ConnectorAlerts(check, Map.of("social", "acme"), Duration.ofHours(1), 3, url, sink, clock),
                new DailyDigest(db, mentions, tasks, sla, List.of("acme"), ZoneOffset.UTC, LocalTime.of(8, 0), url,
                        sink, clock));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void oneRunRaisesWhatEachTriggerSeesAndTheNextRunRaisesNothingNew() {
        long overdue = stored.task(Platform.MASTODON, UrgencyLevel.NORMAL, clock.instant());
        for (int i = 0; i < 3; i++) {
            db.inTransaction(c -> health.recordFailure(c, "social", clock.instant(), "HTTP 503", false));
        }
        clock.advance(Duration.ofMinutes(61));
        long pressing = stored.task(Platform.MASTODON, UrgencyLevel.CRITICAL, clock.instant());

        triggers.runOnce();
        int afterFirstRun = sink.raised.size();
        triggers.runOnce();

        assertThat(sink.raised).hasSize(afterFirstRun);
        assertThat(sink.raised).extracting(Alert::kind).containsExactlyInAnyOrder(AlertKind.NEW_MENTION,
                AlertKind.SLA_BREACH, AlertKind.CONNECTOR_UNHEALTHY, AlertKind.DIGEST);
        assertThat(sink.keys()).contains("new_mention:task-" + pressing, "sla_breach:first_response:task-" + overdue,
                "digest:acme:2026-11-23");
    }
}
