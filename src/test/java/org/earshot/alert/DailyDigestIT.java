package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.BusinessHours;
import org.earshot.config.ServiceLevel;
import org.earshot.config.ServiceLevels;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Platform;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;
import org.earshot.task.BusinessClock;
import org.earshot.testing.MutableClock;
import org.earshot.testing.RecordingAlertSink;
import org.earshot.testing.StoredTasks;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyDigestIT {
    @TempDir
    Path dir;

    // 07:59 in London (GMT in November).
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T07:59:00Z"));
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private Database db;
    private StoredTasks stored;
    private DailyDigest digest;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        stored = new StoredTasks(db);
        TaskStore taskStore = new TaskStore();
        ServiceLevelClock sla = new ServiceLevelClock(db, taskStore,
                new ServiceLevels(Map.of("social", new ServiceLevel(Duration.ofHours(1), Duration.ofHours(24)))), Wiring.CHANNELS,
                new BusinessClock(BusinessHours.ALWAYS), Duration.ofMinutes(30), "https://queue.example",
                new RecordingAlertSink(), clock);
        digest = new DailyDigest(db, new MentionStore(), taskStore, sla, List.of("acme", "globex"),
                ZoneId.of("Europe/London"), LocalTime.of(8, 0), "https://queue.example", sink, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void heard(Sentiment sentiment, Duration ago, String... reasons) {
        stored.task("acme", Platform.MASTODON, sentiment, UrgencyLevel.NORMAL, clock.instant().minus(ago),
                List.of(reasons), false);
    }

    @Test
    void eachBrandGetsOneDigestAtTheDigestTimeWithVolumeSentimentOpenOverdueAndTopProblems() {
        heard(Sentiment.NEGATIVE, Duration.ofHours(5), "delay", "lost bag");
        heard(Sentiment.NEGATIVE, Duration.ofHours(4), "delay");
        heard(Sentiment.NEGATIVE, Duration.ofMinutes(10), "delay", "rude staff");
        heard(Sentiment.POSITIVE, Duration.ofHours(3), "praise");
        heard(Sentiment.NEGATIVE, Duration.ofDays(2), "older");

        assertThat(digest.check()).isZero();
        clock.advance(Duration.ofMinutes(1));
        digest.check();
        clock.advance(Duration.ofHours(3));
        digest.check();

        assertThat(sink.keys()).containsExactly("digest:acme:2026-11-23", "digest:globex:2026-11-23");
        Alert acme = sink.raised.get(0);
        assertThat(acme.kind()).isEqualTo(AlertKind.DIGEST);
        assertThat(acme.facts()).containsExactly(
                "mentions heard Sun 22 Nov 08:00 – Mon 23 Nov 08:00 (Europe/London): 4, in 4 task(s)",
                "sentiment of those 4 task(s): negative 3, neutral 0, positive 1",
                "unresolved now: 5 task(s), 4 past a deadline",
                "top problems in the negative ones: delay (3); lost bag (1); rude staff (1)");
        assertThat(sink.raised.get(1).facts()).contains(
                "mentions heard Sun 22 Nov 08:00 – Mon 23 Nov 08:00 (Europe/London): 0, in 0 task(s)",
                "top problems in the negative ones: none");
    }

    @Test
    void aDigestSentLateSaysWhichDayItCountsAndHowManyCameSince() {
        heard(Sentiment.NEGATIVE, Duration.ofHours(5), "delay");
        heard(Sentiment.NEGATIVE, Duration.ofHours(4), "delay");
        clock.advance(Duration.ofMinutes(90));
        for (int i = 0; i < 41; i++) {
            heard(Sentiment.NEGATIVE, Duration.ofMinutes(30), "cancelled");
        }

        digest.check();

        Alert acme = sink.raised.get(0);
        assertThat(acme.title()).isEqualTo("Daily digest for acme, 2026-11-23");
        assertThat(acme.text()).startsWith("2 mention(s) heard Sun 22 Nov 08:00 – Mon 23 Nov 08:00 (Europe/London);");
        assertThat(acme.facts()).contains("heard since Mon 23 Nov 08:00: 41 more, counted in tomorrow's digest");
    }

    @Test
    void theNextDayBringsTheNextDigest() {
        clock.advance(Duration.ofMinutes(1));
        digest.check();
        clock.advance(Duration.ofDays(1));
        digest.check();

        assertThat(sink.keys()).containsExactly("digest:acme:2026-11-23", "digest:globex:2026-11-23",
                "digest:acme:2026-11-24", "digest:globex:2026-11-24");
    }
}
