package org.earshot.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.ConfigLoader;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.MentionScorer;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;
import org.earshot.testing.MutableClock;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What approving does beyond posting, with the project's policy on a real H2 file: follow-ups and feeds. */
class ApprovalOutcomesIT {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final TaskStore tasks = new TaskStore();
    private final MentionStore mentions = new MentionStore();
    private final OutboxStore outbox = new OutboxStore();
    private final AuditLog audit = new AuditLog();
    private final ReplyPolicy policy = new ConfigLoader(n -> null, Wiring.CHANNELS).load(Path.of("config/earshot.yaml")).policy();
    private Database db;
    private Triage triage;
    private Approvals approvals;
    private int next;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        ReplyDrafter drafter = new ReplyDrafter(policy, Wiring.CHANNELS);
        triage = new Triage(new MentionScorer(), drafter, TestConfigs.serviceLevels());
        approvals = new Approvals(db, tasks, mentions, outbox, audit, drafter, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long task(Platform platform, String name, String text) {
        IncomingMention m = new IncomingMention(platform, "m-" + (++next), new Author("kim", name, 40), text, "",
                clock.instant(), "https://example.test/" + next, Map.of());
        return db.inTransaction(c -> {
            long mentionId = mentions.insertIfNew(c, "social", "acme", m, clock.instant()).getAsLong();
            Triage.Assessment a = triage.assess(mentions.find(c, mentionId).orElseThrow(), CustomerHistory.NONE,
                    clock.instant());
            return tasks.insert(c, mentionId, a.score(), a.draft(), clock.instant(), a.dueAt());
        });
    }

    private Instant followUpDue(long id) {
        return db.inTransaction(c -> tasks.pendingFollowUps(c)).stream().filter(p -> p.task().id() == id)
                .map(TaskStore.PendingFollowUp::dueAt).findFirst().orElse(null);
    }

    @Test
    void theFollowUpOfAStrandedTravellerIsDueWhenTheDraftPromised() {
        long id = task(Platform.X, "Kim", "@acmeair my flight got cancelled and I am stuck at Lisbon airport with two kids");
        assertThat(db.inTransaction(c -> tasks.find(c, id)).orElseThrow().draft().text()).contains("within 1 hour");

        approvals.approve(id, null, "sam", false);

        assertThat(followUpDue(id)).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void anEditThatPromisesToComeBackOpensAFollowUpDueWhenTheEditSays() {
        long id = task(Platform.MASTODON, "Lee", "@acmeair what's your baggage allowance for hand luggage?");
        assertThat(db.inTransaction(c -> tasks.find(c, id)).orElseThrow().draft().followUp()).isFalse();

        approvals.approve(id, "Hi Lee, I'm checking the hand luggage rules for your fare and you'll hear back from me "
                + "within 2 hours. Thanks for asking!", "sam", false);

        assertThat(followUpDue(id)).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
    }

    @Test
    void anEditWithoutAPromiseOpensNoFollowUp() {
        long id = task(Platform.X, "Dana", "@acmeair charged twice and still waiting for my refund");
        approvals.approve(id, "Hi Dana, the double charge is reversed now; you'll see it on your statement. Thanks for "
                + "your patience!", "sam", false);
        assertThat(followUpDue(id)).isNull();
    }

    @Test
    void approvingAFeedTaskClosesItAsAnsweredByHandAndPostsNothing() {
        long id = task(Platform.RSS, "", "Acme Air lost my bag in Madrid and nobody answers the phone");
        ResponseTask before = db.inTransaction(c -> tasks.find(c, id)).orElseThrow();
        assertThat(before.draft().warnings()).anyMatch(w -> w.rule().equals("answer-by-hand") && w.isNotice());

        ResponseTask after = approvals.approve(id, null, "sam", false);

        assertThat(after.state()).isEqualTo(TaskState.ANSWERED_BY_HAND);
        assertThat(after.decision().approvedText()).isEqualTo(before.draft().text());
        List<Long> due = db.inTransaction(c -> outbox.due(c, clock.instant().plusSeconds(3600), 10));
        assertThat(due).isEmpty();
        List<AuditLog.Entry> history = db.inTransaction(c -> audit.forTask(c, id));
        assertThat(history).extracting(AuditLog.Entry::action).containsExactly("answered-by-hand");
        // A read-only channel's draft asks the person to get in touch instead of promising to come back,
        // so there is no promise to follow up.
        assertThat(after.decision().approvedText()).doesNotContain("hear back");
        assertThat(followUpDue(id)).isNull();
        assertThat(TaskState.ANSWERED_BY_HAND.isOpen()).isFalse();
        assertThat(List.of(TaskState.values())).contains(TaskState.ANSWERED_BY_HAND);
    }
}
