package org.earshot.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earshot.Wiring;
import org.earshot.connector.ConnectorException;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.store.AuditLog;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's life cycle on a real H2 file: poll, task, approve, post exactly once, across restarts. */
class TaskLifecycleIT {
    @TempDir
    Path dir;

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private Wiring earshot;

    @BeforeEach
    void start() {
        earshot = open();
    }

    @AfterEach
    void stop() {
        earshot.close();
    }

    private Wiring open() {
        return new Wiring(platform.configWithDatabaseIn(dir), List.of(platform.factory()), clock,
                Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)));
    }

    private void restart() {
        earshot.close();
        earshot = open();
    }

    private void hear(String id, String handle, String text) {
        platform.posts.add(new IncomingMention(Platform.MASTODON, id, new Author(handle, "Dana Reyes", 120), text, "",
                clock.instant(), "https://mastodon.example/@" + handle + "/" + id, Map.of()));
    }

    private void hearInThread(String id, String handle, String text, String threadKey) {
        platform.posts.add(new IncomingMention(Platform.MASTODON, id, new Author(handle, "Lee", 5), text, "",
                clock.instant(), "", Map.of(), threadKey));
    }


    private List<ResponseTask> open(Set<TaskState> states) {
        return earshot.queries().list(states, 100);
    }

    @Test
    void eachNewMentionOpensOneTaskWithScoresADraftAndADueTime() {
        hear("1", "dana@mastodon.example", "@acmeair my bag never arrived in Denver");
        earshot.pollOnce("social");

        List<ResponseTask> tasks = open(EnumSet.of(TaskState.NEW));
        assertThat(tasks).hasSize(1);
        ResponseTask task = tasks.get(0);
        assertThat(task.mention().text()).contains("my bag never arrived");
        assertThat(task.draft().text()).isNotBlank();
        assertThat(task.dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void aRestartReadsNothingTwiceAndLosesNothing() {
        hear("1", "dana@mastodon.example", "first");
        earshot.pollOnce("social");
        restart();
        hear("2", "lee@mastodon.example", "second, after the restart");
        earshot.pollOnce("social");
        earshot.pollOnce("social");

        assertThat(open(EnumSet.of(TaskState.NEW))).extracting(t -> t.mention().externalId())
                .containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void theSameMentionDeliveredTwiceIsStoredOnce() {
        hear("1", "dana@mastodon.example", "hello");
        hear("1", "dana@mastodon.example", "hello");
        earshot.pollOnce("social");
        assertThat(open(EnumSet.of(TaskState.NEW))).hasSize(1);
    }

    @Test
    void aFailedPollKeepsTheCursorAndRecordsTheErrorOnHealth() {
        hear("1", "dana@mastodon.example", "hello");
        platform.nextPollFailure = ConnectorException.transientFailure("HTTP 503 from mastodon.example", null);

        MentionIntakeOutcome.assertFailed(earshot.pollOnce("social"), "HTTP 503");
        assertThat(earshot.connectorHealth()).singleElement().satisfies(h -> {
            assertThat(h.lastError()).contains("HTTP 503");
            assertThat(h.healthy()).isFalse();
        });

        earshot.pollOnce("social");
        assertThat(open(EnumSet.of(TaskState.NEW))).hasSize(1);
        assertThat(earshot.connectorHealth().get(0).healthy()).isTrue();
    }

    @Test
    void theBrandsOwnPostsAreNeverTakenForMentions() {
        hear("1", "acmeair", "We're sorry to hear that, Dana!");
        hear("2", "@SpamBot@Mastodon.example", "cheap followers");
        earshot.pollOnce("social");
        assertThat(open(EnumSet.allOf(TaskState.class))).isEmpty();
    }

    @Test
    void anApprovedReplyIsPostedOnceInReplyToTheMention() {
        hear("110", "dana@mastodon.example", "@acmeair my bag never arrived");
        earshot.pollOnce("social");
        long id = open(EnumSet.of(TaskState.NEW)).get(0).id();

        earshot.approvals().approve(id, "Hi Dana, I'm sorry your bag has not arrived. I'm tracing it now.", "sam", false);
        earshot.dispatchDue();
        earshot.dispatchDue();

        assertThat(platform.publishCalls).singleElement().satisfies(b -> {
            assertThat(b.inReplyToId()).isEqualTo("110");
            assertThat(b.text()).isEqualTo("Hi Dana, I'm sorry your bag has not arrived. I'm tracing it now.");
        });
        ResponseTask posted = earshot.queries().get(id);
        assertThat(posted.state()).isEqualTo(TaskState.POSTED);
        assertThat(posted.decision().actor()).isEqualTo("sam");
        assertThat(earshot.queries().history(id)).extracting(e -> e.action()).containsExactly("approved-edited", "posted");
    }

    @Test
    void anEditPromisingWhatThePolicyDoesNotAllowIsRefusedUnlessOverriddenAndTheOverrideIsAudited() {
        hear("110", "dana@mastodon.example", "@acmeair my bag never arrived");
        earshot.pollOnce("social");
        long id = open(EnumSet.of(TaskState.NEW)).get(0).id();
        String promise = "Hi Dana, so sorry! You will get compensation of 500 euros by tomorrow.";

        assertThatThrownBy(() -> earshot.approvals().approve(id, promise, "sam", false))
                .isInstanceOf(ReplyRulesViolatedException.class).hasMessageContaining("hard: ");
        assertThat(earshot.queries().get(id).state()).isEqualTo(TaskState.NEW);

        earshot.approvals().approve(id, promise, "lead", true);
        assertThat(earshot.queries().history(id)).extracting(e -> e.action()).containsExactly("approved-edited", "override");
    }

    @Test
    void aLongerReplyIsPostedAsBlocksThreadedInOrder() {
        hear("110", "dana@mastodon.example", "@acmeair my bag never arrived");
        earshot.pollOnce("social");
        long id = open(EnumSet.of(TaskState.NEW)).get(0).id();

        earshot.approvals().approve(id, "Hi Dana, I'm sorry your bag has not arrived yet.\n\n"
                + "I'm Sam and I'm tracing it with the Denver team now; you'll hear back from me within 24 hours.", "sam", false);
        earshot.dispatchDue();

        assertThat(platform.publishCalls).hasSize(2);
        assertThat(platform.publishCalls.get(0).inReplyToId()).isEqualTo("110");
        assertThat(platform.publishCalls.get(1).inReplyToId())
                .isEqualTo("reply-" + platform.publishCalls.get(0).idempotencyKey());
        assertThat(platform.publishCalls.get(1).text()).startsWith("I'm Sam");
    }

    @Test
    void approvingTwiceOrApprovingARejectedTaskIsAConflictAndPostsNothingMore() {
        hear("1", "dana@mastodon.example", "hello");
        hear("2", "lee@mastodon.example", "hello again");
        earshot.pollOnce("social");
        List<ResponseTask> tasks = open(EnumSet.of(TaskState.NEW));
        long first = tasks.get(0).id();
        long second = tasks.get(1).id();

        earshot.approvals().approve(first, null, "sam", false);
        assertThatThrownBy(() -> earshot.approvals().approve(first, null, "sam", false))
                .isInstanceOf(TaskConflictException.class).hasMessageContaining("is APPROVED");
        earshot.approvals().reject(second, "not for us", "sam");
        assertThatThrownBy(() -> earshot.approvals().approve(second, null, "sam", false))
                .isInstanceOf(TaskConflictException.class).hasMessageContaining("is REJECTED");

        earshot.dispatchDue();
        assertThat(platform.publishCalls).hasSize(1);
    }

    @Test
    void anApprovalSurvivesTheProcessDyingBeforeThePostAndIsPostedOnceAfterRestart() {
        hear("1", "dana@mastodon.example", "hello");
        earshot.pollOnce("social");
        long id = open(EnumSet.of(TaskState.NEW)).get(0).id();
        earshot.approvals().approve(id, null, "sam", false);

        restart();
        earshot.dispatchDue();
        earshot.dispatchDue();

        assertThat(platform.publishCalls).hasSize(1);
        assertThat(earshot.queries().get(id).state()).isEqualTo(TaskState.POSTED);
    }

    @Test
    void aPostWhoseAcknowledgementIsLostIsRetriedWithTheSameKeySoThePlatformKeepsOneReply() {
        hear("1", "dana@mastodon.example", "hello");
        earshot.pollOnce("social");
        long id = open(EnumSet.of(TaskState.NEW)).get(0).id();
        earshot.approvals().approve(id, null, "sam", false);
        platform.loseNextAcknowledgement = true;

        earshot.dispatchDue();
        ResponseTask failed = earshot.queries().get(id);
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.delivery().lastError()).contains("connection reset");

        restart();
        earshot.dispatchDue();
        assertThat(platform.publishCalls).hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        earshot.dispatchDue();
        assertThat(platform.publishCalls).hasSize(2);
        assertThat(platform.publishCalls).extracting(b -> b.idempotencyKey()).containsOnly(
                platform.publishCalls.get(0).idempotencyKey());
        assertThat(platform.repliesByKey).hasSize(1);
        assertThat(earshot.queries().get(id).state()).isEqualTo(TaskState.POSTED);
    }

    @Test
    void aClaimedReplyIsNotPostedAgainUntilItsLeaseEnds() {
        hear("1", "dana@mastodon.example", "hello");
        earshot.pollOnce("social");
        long id = open(EnumSet.of(TaskState.NEW)).get(0).id();
        earshot.approvals().approve(id, null, "sam", false);
        // Another node claimed the row and died before posting.
        earshot.database().inTransaction(c -> new org.earshot.store.OutboxStore().claim(c, id, clock.instant(),
                clock.instant().plus(Duration.ofMinutes(2))));

        earshot.dispatchDue();
        assertThat(platform.publishCalls).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        earshot.dispatchDue();
        assertThat(platform.publishCalls).hasSize(1);
    }

    @Test
    void aPermanentPublishErrorStopsRetriesAndShowsOnTheTask() {
        hear("1", "dana@mastodon.example", "hello");
        earshot.pollOnce("social");
        long id = open(EnumSet.of(TaskState.NEW)).get(0).id();
        earshot.approvals().approve(id, null, "sam", false);
        platform.nextPublishFailure = ConnectorException.permanentFailure("Mastodon 422: Validation failed", null);

        earshot.dispatchDue();
        clock.advance(Duration.ofHours(1));
        earshot.dispatchDue();

        assertThat(platform.publishCalls).hasSize(1);
        assertThat(earshot.queries().get(id).delivery().lastError()).contains("422");
        assertThat(earshot.queries().get(id).delivery().blocked()).isTrue();
        assertThat(earshot.queries().blockedReplies()).containsExactly(id);
    }

    @Test
    void aReplyThatKeepsFailingIsBlockedAfterTheAttemptCapAndNotTriedAgainUntilRetried() {
        earshot.close();
        earshot = new Wiring(platform.configWithDatabaseIn(dir), List.of(platform.factory()), clock,
                Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)).withMaxPostAttempts(3));
        hear("1", "dana@mastodon.example", "hello");
        earshot.pollOnce("social");
        long id = open(EnumSet.of(TaskState.NEW)).get(0).id();
        earshot.approvals().approve(id, null, "sam", false);
        platform.publishFailure = ConnectorException.transientFailure("Mastodon answered HTTP 503", null);

        for (int i = 0; i < 6; i++) {
            earshot.dispatchDue();
            clock.advance(Duration.ofMinutes(31));
        }

        assertThat(platform.publishCalls).hasSize(3);
        ResponseTask blocked = earshot.queries().get(id);
        assertThat(blocked.state()).isEqualTo(TaskState.FAILED);
        assertThat(blocked.delivery().blocked()).isTrue();
        assertThat(blocked.delivery().attempts()).isEqualTo(3);
        assertThat(blocked.delivery().lastError()).contains("503");
        assertThat(earshot.queries().history(id)).extracting(AuditLog.Entry::action)
                .containsSubsequence("post-retry", "post-retry", "post-blocked");

        platform.publishFailure = null;
        ResponseTask retried = earshot.approvals().retry(id, "sam");
        assertThat(retried.state()).isEqualTo(TaskState.APPROVED);
        assertThat(retried.delivery().attempts()).isZero();
        assertThat(retried.delivery().blocked()).isFalse();
        earshot.dispatchDue();
        earshot.dispatchDue();

        assertThat(platform.publishCalls).hasSize(4);
        assertThat(platform.repliesByKey).hasSize(1);
        assertThat(earshot.queries().get(id).state()).isEqualTo(TaskState.POSTED);
        assertThat(earshot.queries().blockedReplies()).isEmpty();
    }

    @Test
    void onlyABlockedFailedReplyCanBeRetried() {
        hear("1", "dana@mastodon.example", "hello");
        earshot.pollOnce("social");
        long id = open(EnumSet.of(TaskState.NEW)).get(0).id();

        assertThatThrownBy(() -> earshot.approvals().retry(id, "sam")).isInstanceOf(TaskConflictException.class)
                .hasMessage("task " + id + " is NEW and cannot be retried: only a FAILED post can be retried");

        earshot.approvals().approve(id, null, "sam", false);
        platform.nextPublishFailure = ConnectorException.transientFailure("connection reset", null);
        earshot.dispatchDue();
        assertThat(earshot.queries().get(id).state()).isEqualTo(TaskState.FAILED);
        assertThatThrownBy(() -> earshot.approvals().retry(id, "sam")).isInstanceOf(TaskConflictException.class)
                .hasMessageContaining("is FAILED but its reply is not blocked: the outbox tries it again by itself");
        assertThatThrownBy(() -> earshot.approvals().retry(9999, "sam")).isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    void rejectingNeedsAReasonAndKeepsIt() {
        hear("1", "dana@mastodon.example", "buy followers now");
        earshot.pollOnce("social");
        long id = open(EnumSet.of(TaskState.NEW)).get(0).id();

        assertThatThrownBy(() -> earshot.approvals().reject(id, " ", "sam")).isInstanceOf(IllegalArgumentException.class);
        ResponseTask rejected = earshot.approvals().reject(id, "spam", "sam");
        assertThat(rejected.state()).isEqualTo(TaskState.REJECTED);
        assertThat(rejected.decision().rejectReason()).isEqualTo("spam");
    }

    @Test
    void repliesRepostsAndQuotesOfAPostFoldIntoItsOpenTask() {
        hear("100", "dana@mastodon.example", "@acmeair my flight was cancelled");
        earshot.pollOnce("social");
        hearInThread("101", "lee@mastodon.example", "same here, flight cancelled", "100");
        hearInThread("102", "kim@mastodon.example", "boosting this", "100");
        hearInThread("103", "ana@mastodon.example", "replying to a reply", "101");
        earshot.pollOnce("social");

        List<ResponseTask> tasks = open(EnumSet.of(TaskState.NEW));
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t.mention().externalId()).isEqualTo("100"));
        assertThat(earshot.queries().thread(tasks.get(0).id())).extracting(m -> m.externalId())
                .containsExactly("101", "102", "103");
    }

    @Test
    void aReplyAfterTheTaskWasAnsweredOpensANewTask() {
        hear("100", "dana@mastodon.example", "@acmeair my flight was cancelled");
        earshot.pollOnce("social");
        long first = open(EnumSet.of(TaskState.NEW)).get(0).id();
        earshot.approvals().approve(first, null, "sam", true);

        hearInThread("101", "dana@mastodon.example", "thanks, but I still have no hotel", "100");
        earshot.pollOnce("social");

        assertThat(open(EnumSet.of(TaskState.NEW))).extracting(t -> t.mention().externalId()).containsExactly("101");
    }

    @Test
    void anUnknownTaskIsNotFound() {
        assertThatThrownBy(() -> earshot.approvals().approve(999, null, "sam", false))
                .isInstanceOf(TaskNotFoundException.class);
    }

    /** Small helper so the failure assertion reads as one line. */
    private static final class MentionIntakeOutcome {
        static void assertFailed(org.earshot.intake.MentionIntake.PollOutcome outcome, String error) {
            assertThat(outcome.failed()).isTrue();
            assertThat(outcome.error()).contains(error);
        }
    }
}
