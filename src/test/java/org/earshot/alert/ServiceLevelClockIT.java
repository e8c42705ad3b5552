package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.BusinessHours;
import org.earshot.config.ServiceLevel;
import org.earshot.config.ServiceLevels;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Platform;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.Database;
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

class ServiceLevelClockIT {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final BusinessHours WEEKDAYS = new BusinessHours(LONDON,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 30));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private final TaskStore taskStore = new TaskStore();
    private Database db;
    private StoredTasks stored;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        stored = new StoredTasks(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ServiceLevelClock slaClock(BusinessHours hours) {
        ServiceLevels levels = new ServiceLevels(Map.of("social", new ServiceLevel(Duration.ofHours(1), Duration.ofHours(24)),
                "email", new ServiceLevel(Duration.ofHours(12), Duration.ofHours(48))));
        return new ServiceLevelClock(db, taskStore, levels, Wiring.CHANNELS, new BusinessClock(hours), Duration.ofMinutes(30),
                "https://queue.example", sink, clock);
    }

    private static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    @Test
    void aWarningComesWithinTheWarningTimeAndOneBreachOnceTheFirstResponseIsOverdue() {
        ServiceLevelClock sla = slaClock(BusinessHours.ALWAYS);
        long id = stored.task(Platform.MASTODON, UrgencyLevel.HIGH, clock.instant());

        clock.advance(Duration.ofMinutes(29));
        assertThat(sla.check()).isZero();
        clock.advance(Duration.ofMinutes(2));
        sla.check();
        sla.check();
        clock.advance(Duration.ofMinutes(29));
        sla.check();
        clock.advance(Duration.ofMinutes(10));
        sla.check();

        assertThat(sink.keys()).containsExactly("sla_warning:first_response:task-" + id,
                "sla_breach:first_response:task-" + id);
        Alert breach = sink.ofKind(AlertKind.SLA_BREACH).get(0);
        assertThat(breach.title()).isEqualTo(
                "First response overdue (was due Mon 23 Nov 10:00 UTC): Dana Reyes (@dana) on mastodon");
        assertThat(breach.text()).startsWith("my bag never arrived");
        assertThat(breach.link()).isEqualTo("https://queue.example/tasks/" + id);
        assertThat(breach.level()).isEqualTo(UrgencyLevel.HIGH);
    }

    @Test
    void aPostedReplyMeetsTheFirstResponseButNotAPromisedFollowUpsResolution() {
        ServiceLevelClock sla = slaClock(BusinessHours.ALWAYS);
        long answered = stored.task(Platform.MASTODON, UrgencyLevel.HIGH, clock.instant());
        long rejected = stored.task(Platform.MASTODON, UrgencyLevel.HIGH, clock.instant());
        db.useTransaction(c -> {
            taskStore.markApproved(c, answered, "sam", "Sorry!", clock.instant());
            taskStore.move(c, answered, TaskState.APPROVED, TaskState.POSTED, clock.instant());
            taskStore.markRejected(c, rejected, "sam", "spam", clock.instant());
        });

        clock.advance(Duration.ofDays(3));
        sla.check();

        assertThat(sink.raised).isEmpty();
    }

    @Test
    void anEmailOnFridayAfternoonIsNotOverdueUntilTuesdayInBusinessHours() {
        ServiceLevelClock sla = slaClock(WEEKDAYS);
        clock.advance(Duration.between(clock.instant(), london("2026-11-20T16:00")));
        long id = stored.task(Platform.EMAIL, UrgencyLevel.NORMAL, clock.instant());

        clock.advance(Duration.between(clock.instant(), london("2026-11-23T17:29")));
        sla.check();
        assertThat(sink.raised).isEmpty();

        clock.advance(Duration.between(clock.instant(), london("2026-11-24T10:45")));
        sla.check();
        clock.advance(Duration.between(clock.instant(), london("2026-11-24T11:00")));
        sla.check();

        assertThat(sink.keys()).containsExactly("sla_warning:first_response:task-" + id,
                "sla_breach:first_response:task-" + id);
        assertThat(sink.raised.get(1).facts()).contains("due: " + AlertTimes.format(london("2026-11-24T11:00")));
    }

    @Test
    void theResolutionHasItsOwnWarningAndBreach() {
        ServiceLevelClock sla = slaClock(BusinessHours.ALWAYS);
        long id = stored.task(Platform.MASTODON, UrgencyLevel.LOW, clock.instant());

        clock.advance(Duration.ofHours(25));
        sla.check();

        assertThat(sink.keys()).containsExactly("sla_breach:first_response:task-" + id,
                "sla_breach:resolution:task-" + id);
    }

    @Test
    void aboutToBreachListsTasksWithTheLeastTimeLeftFirst() {
        ServiceLevelClock sla = slaClock(BusinessHours.ALWAYS);
        long early = stored.task(Platform.MASTODON, UrgencyLevel.NORMAL, clock.instant());
        clock.advance(Duration.ofMinutes(10));
        long later = stored.task(Platform.MASTODON, UrgencyLevel.NORMAL, clock.instant());
        clock.advance(Duration.ofMinutes(10));
        stored.task(Platform.EMAIL, UrgencyLevel.NORMAL, clock.instant());
        clock.advance(Duration.ofMinutes(30));

        List<ServiceLevelClock.AboutToBreach> soon = sla.aboutToBreach();

        assertThat(soon).extracting(a -> a.task().id()).containsExactly(early, later);
        assertThat(soon).extracting(ServiceLevelClock.AboutToBreach::minutesLeft).containsExactly(10L, 20L);
        assertThat(soon.get(0).target()).isEqualTo(ServiceLevelClock.Target.FIRST_RESPONSE);
    }

    @Test
    void aTasksStandingMovesFromOnTimeToAboutToBreachToBreachedAsTheClockMovesAndEndsWhenItIsDecided() {
        ServiceLevelClock sla = slaClock(BusinessHours.ALWAYS);
        long id = stored.task(Platform.MASTODON, UrgencyLevel.HIGH, clock.instant());
        java.util.function.Supplier<ServiceLevelClock.Standing> standing = () -> sla.standing(
                db.inTransaction(c -> taskStore.find(c, id)).orElseThrow()).orElseThrow();

        assertThat(standing.get()).isEqualTo(new ServiceLevelClock.Standing(ServiceLevelClock.Target.FIRST_RESPONSE,
                Instant.parse("2026-11-23T10:00:00Z"), 60, ServiceLevelClock.Standing.State.ON_TIME));
        clock.advance(Duration.ofMinutes(35));
        assertThat(standing.get().state()).isEqualTo(ServiceLevelClock.Standing.State.ABOUT_TO_BREACH);
        assertThat(standing.get().minutesLeft()).isEqualTo(25);
        clock.advance(Duration.ofHours(2));
        assertThat(standing.get().state()).isEqualTo(ServiceLevelClock.Standing.State.BREACHED);
        assertThat(standing.get().minutesLeft()).isEqualTo(-95);

        db.useTransaction(c -> taskStore.markRejected(c, id, "sam", "spam", clock.instant()));
        assertThat(sla.standing(db.inTransaction(c -> taskStore.find(c, id)).orElseThrow())).isEmpty();
    }
}
