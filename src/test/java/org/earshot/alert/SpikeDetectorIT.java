package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.earshot.Wiring;
import org.earshot.config.SpikeRule;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Intent;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.reply.ReplyDrafter;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Incidents;
import org.earshot.testing.MutableClock;
import org.earshot.testing.RecordingAlertSink;
import org.earshot.testing.StoredTasks;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpikeDetectorIT {
    private static final SpikeRule RULE = new SpikeRule(Duration.ofHours(1), Duration.ofHours(24), 3.0, 5);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private final TaskStore taskStore = new TaskStore();
    private Database db;
    private StoredTasks stored;
    private SpikeDetector detector;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        stored = new StoredTasks(db);
        detector = new SpikeDetector(db, new MentionStore(), new Incidents(db, taskStore, new org.earshot.store.OutboxStore(), new org.earshot.store.AuditLog(),
                new ReplyDrafter(TestConfigs.policy(), Wiring.CHANNELS)), RULE, List.of("acme", "globex"), "https://queue.example", sink, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** One or two negative mentions an hour over the day before the last hour. */
    private void usualDay(String brand) {
        for (int hour = 2; hour <= 24; hour++) {
            Instant at = clock.instant().minus(Duration.ofHours(hour)).plusSeconds(600);
            stored.mentionOnly(brand, Sentiment.NEGATIVE, at);
            if (hour % 2 == 0) {
                stored.mentionOnly(brand, Sentiment.NEGATIVE, at.plusSeconds(60));
            }
        }
    }

    private void lastHour(String brand, Sentiment sentiment, int count) {
        for (int i = 0; i < count; i++) {
            stored.mentionOnly(brand, sentiment, clock.instant().minus(Duration.ofMinutes(50)).plusSeconds(i * 60L));
        }
    }

    private List<ResponseTask> incidents() {
        return db.inTransaction(c -> taskStore.list(c, java.util.EnumSet.of(org.earshot.domain.TaskState.NEW), 500))
                .stream().filter(ResponseTask::isIncident).toList();
    }

    @Test
    void aWaveOfNegativeMentionsRaisesOneSpikeAndOpensOneIncidentWithAHoldingStatement() {
        usualDay("acme");
        lastHour("acme", Sentiment.NEGATIVE, 12);

        List<Long> opened = detector.check();
        clock.advance(Duration.ofSeconds(30));
        detector.check();
        clock.advance(Duration.ofMinutes(20));
        detector.check();

        assertThat(opened).hasSize(1);
        assertThat(sink.ofKind(AlertKind.SPIKE)).hasSize(1);
        Alert spike = sink.raised.get(0);
        assertThat(spike.dedupKey()).isEqualTo("spike:acme:2026-11-23T11:00:00Z");
        assertThat(spike.text()).startsWith("12 negative mentions of acme since Mon 23 Nov 11:10 UTC (social 12)");
        assertThat(spike.link()).isEqualTo("https://queue.example/tasks/" + opened.get(0));
        assertThat(spike.facts()).contains("where: social (mastodon)");
        List<ResponseTask> incidents = incidents();
        assertThat(incidents).hasSize(1);
        ResponseTask incident = incidents.get(0);
        assertThat(incident.draft().intent()).isEqualTo(Intent.CRISIS);
        assertThat(incident.draft().followUp()).isTrue();
        assertThat(incident.draft().text()).isEqualTo("We know some of you are having trouble with our service."
                + " We're looking into it and will update here within 24 hours. Sam");
        assertThat(incident.score().urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
    }

    @Test
    void aBusyButUsualHourIsNoSpike() {
        for (int hour = 1; hour <= 24; hour++) {
            for (int i = 0; i < 8; i++) {
                stored.mentionOnly("acme", Sentiment.NEGATIVE, clock.instant().minus(Duration.ofHours(hour))
                        .plusSeconds(60L * i + 1));
            }
        }

        assertThat(detector.read("acme").count()).isEqualTo(8);
        assertThat(detector.check()).isEmpty();
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void fewerThanTheMinimumVolumeIsNoSpikeEvenOnAQuietBrand() {
        lastHour("acme", Sentiment.NEGATIVE, 4);

        assertThat(detector.check()).isEmpty();
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void praiseAndAnotherBrandsComplaintsDoNotCount() {
        usualDay("acme");
        lastHour("acme", Sentiment.POSITIVE, 20);
        lastHour("globex", Sentiment.NEGATIVE, 3);

        assertThat(detector.check()).isEmpty();
        assertThat(detector.read("acme").count()).isZero();
    }

    @Test
    void theIncidentIsNotCountedAsAComplaintNorAlertedAsANewMention() {
        usualDay("acme");
        lastHour("acme", Sentiment.NEGATIVE, 12);
        detector.check();

        assertThat(detector.read("acme").count()).isEqualTo(12);
        MentionAlerts mentionAlerts = new MentionAlerts(db, taskStore, sink, "https://queue.example", clock);
        assertThat(mentionAlerts.sweep(Duration.ofHours(1))).isZero();
    }
}
