package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Platform;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.Database;
import org.earshot.store.TaskStore;
import org.earshot.testing.MutableClock;
import org.earshot.testing.RecordingAlertSink;
import org.earshot.testing.StoredTasks;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MentionAlertsIT {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private Database db;

    private MentionAlerts alerts() {
        if (db == null) {
            db = Database.open(TestConfigs.h2In(dir));
        }
        return new MentionAlerts(db, new TaskStore(), sink, "https://queue.example/", clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void criticalAndHighTasksAlertWithWhoWhereScoresDueAndLink() {
        MentionAlerts alerts = alerts();
        StoredTasks stored = new StoredTasks(db);
        long critical = stored.task(Platform.MASTODON, UrgencyLevel.CRITICAL, clock.instant());
        long high = stored.task(Platform.X, UrgencyLevel.HIGH, clock.instant());
        long normal = stored.task(Platform.X, UrgencyLevel.NORMAL, clock.instant());

        assertThat(alerts.raiseFor(List.of(critical, high, normal))).isEqualTo(2);

        assertThat(sink.keys()).containsExactly("new_mention:task-" + critical, "new_mention:task-" + high);
        Alert first = sink.raised.get(0);
        assertThat(first.kind()).isEqualTo(AlertKind.NEW_MENTION);
        assertThat(first.level()).isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(first.platform()).isEqualTo(Platform.MASTODON);
        assertThat(first.brand()).isEqualTo("acme");
        assertThat(first.text()).startsWith("my bag never arrived");
        assertThat(first.link()).isEqualTo("https://queue.example/tasks/" + critical);
        assertThat(first.taskId()).isEqualTo(critical);
        assertThat(first.facts()).anyMatch(f -> f.contains("Dana Reyes (@dana), 1200 followers"))
                .anyMatch(f -> f.contains("mastodon via connector social"))
                .anyMatch(f -> f.startsWith("scores: negativity 0.80"))
                .anyMatch(f -> f.equals("reasons: delay"))
                .anyMatch(f -> f.equals("due: Mon 23 Nov 09:00 UTC"));
    }

    @Test
    void aRestartsSweepDoesNotAlertTheSameTaskAgainButCatchesOneMissed() {
        MentionAlerts alerts = alerts();
        StoredTasks stored = new StoredTasks(db);
        long alerted = stored.task(Platform.MASTODON, UrgencyLevel.CRITICAL, clock.instant());
        alerts.raiseFor(List.of(alerted));
        long missed = stored.task(Platform.MASTODON, UrgencyLevel.HIGH, clock.instant());

        alerts.sweep(Duration.ofHours(1));
        alerts.sweep(Duration.ofHours(1));

        assertThat(sink.keys()).containsExactly("new_mention:task-" + alerted, "new_mention:task-" + missed);
    }

    @Test
    void theSweepLeavesOlderTasksAlone() {
        MentionAlerts alerts = alerts();
        new StoredTasks(db).task(Platform.MASTODON, UrgencyLevel.CRITICAL, clock.instant());
        clock.advance(Duration.ofHours(2));

        assertThat(alerts.sweep(Duration.ofHours(1))).isZero();
        assertThat(sink.raised).isEmpty();
    }
}
