package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.reply.ReplyDrafter;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Approvals;
import org.earshot.task.BusinessClock;
import org.earshot.testing.MutableClock;
import org.earshot.testing.RecordingAlertSink;
import org.earshot.testing.StoredTasks;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowUpsIT {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private final TaskStore taskStore = new TaskStore();
    private Database db;
    private StoredTasks stored;
    private Approvals approvals;
    private FollowUps followUps;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        stored = new StoredTasks(db);
        // The test policy promises to hear back within 24h.
        approvals = new Approvals(db, taskStore, new MentionStore(), new OutboxStore(), new AuditLog(),
                new ReplyDrafter(TestConfigs.policy(), Wiring.CHANNELS), clock);
        followUps = new FollowUps(db, taskStore, new AuditLog(), Duration.ofMinutes(30), "https://queue.example", sink,
                clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long promisingTask() {
        return stored.task("acme", Platform.MASTODON, Sentiment.NEGATIVE, UrgencyLevel.HIGH, clock.instant(),
                List.of(), true);
    }

    @Test
    void anApprovedPromiseAlertsOnceShortlyBeforeItIsDue() {
        long id = promisingTask();
        approvals.approve(id, null, "sam", false);

        clock.advance(Duration.ofHours(23).plusMinutes(29));
        assertThat(followUps.check()).isZero();
        clock.advance(Duration.ofMinutes(2));
        followUps.check();
        clock.advance(Duration.ofHours(2));
        followUps.check();

        assertThat(sink.keys()).containsExactly("follow_up_due:task-" + id);
        Alert alert = sink.raised.get(0);
        assertThat(alert.kind()).isEqualTo(AlertKind.FOLLOW_UP_DUE);
        assertThat(alert.facts()).contains("due: Tue 24 Nov 09:00 UTC", "promised: Hi Dana, sorry about that.");
    }

    @Test
    void aPromiseToComeBackWithinThirtyMinutesAlertsNearItsTimeCountedFromApprovalNotAtApproval() {
        long id = promisingTask();
        clock.advance(Duration.ofHours(2));
        approvals.approve(id, "Hi Dana, we're on it and will get back to you within 30 minutes. Sam", "sam", false);

        clock.advance(Duration.ofSeconds(13));
        int justAfterApproval = followUps.check();
        clock.advance(Duration.ofMinutes(22));
        int before = followUps.check();
        clock.advance(Duration.ofMinutes(1));
        int inTheLastQuarter = followUps.check();

        assertThat(justAfterApproval).isZero();
        assertThat(before).isZero();
        assertThat(inTheLastQuarter).isEqualTo(1);
        Alert alert = sink.raised.get(0);
        assertThat(alert.title()).isEqualTo("Follow-up due Mon 23 Nov 11:30 UTC: Dana Reyes (@dana) on mastodon");
        assertThat(alert.facts()).contains("approved: Mon 23 Nov 11:00 UTC");
    }

    @Test
    void aFollowUpMarkedDoneRaisesNothingAndCannotBeDoneTwice() {
        long id = promisingTask();
        approvals.approve(id, null, "sam", false);

        assertThat(followUps.markDone(id, "sam")).isTrue();
        assertThat(followUps.markDone(id, "sam")).isFalse();
        clock.advance(Duration.ofDays(2));
        followUps.check();

        assertThat(sink.raised).isEmpty();
        assertThat(followUps.pending()).isEmpty();
    }

    @Test
    void aReplyWithoutAPromiseOpensNoFollowUp() {
        long id = stored.task(Platform.MASTODON, UrgencyLevel.HIGH, clock.instant());
        approvals.approve(id, null, "sam", false);

        assertThat(followUps.pending()).isEmpty();
        assertThat(followUps.markDone(id, "sam")).isFalse();
    }

    @Test
    void aPostedReplyWithAnOpenFollowUpIsResolvedOnlyWhenTheFollowUpIsDone() {
        ServiceLevelClock sla = new ServiceLevelClock(db, taskStore,
                new ServiceLevels(Map.of("social", new ServiceLevel(Duration.ofHours(1), Duration.ofHours(24)))), Wiring.CHANNELS,
                new BusinessClock(BusinessHours.ALWAYS), Duration.ofMinutes(30), "https://queue.example", sink, clock);
        long open = promisingTask();
        long done = promisingTask();
        for (long id : List.of(open, done)) {
            approvals.approve(id, null, "sam", false);
            db.useTransaction(c -> taskStore.move(c, id, TaskState.APPROVED, TaskState.POSTED, clock.instant()));
        }
        followUps.markDone(done, "sam");

        clock.advance(Duration.ofHours(23).plusMinutes(45));
        sla.check();

        assertThat(sink.keys()).containsExactly("sla_warning:resolution:task-" + open);
    }
}
