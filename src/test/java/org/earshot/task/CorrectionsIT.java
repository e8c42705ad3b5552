package org.earshot.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.ScoreCorrection;
import org.earshot.domain.Sentiment;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relabelling tasks on a real H2 file, and what triage learns from it. */
class CorrectionsIT {
    private static final String GATE_AGENT = "@acmeair the gate agent told us to sit on the floor for three hours";
    private static final String SIMILAR = "@acmeair gate agent made us sit on the floor again";

    @TempDir
    Path dir;

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private Wiring earshot;
    private int nextId = 1;

    @BeforeEach
    void start() {
        earshot = open();
    }

    @AfterEach
    void stop() {
        earshot.close();
    }

    private Wiring open() {
        return new Wiring(platform.configWithDatabaseIn(dir), List.of(platform.factory()), clock, Wiring.Timings.DEFAULT);
    }

    /** A mention heard and triaged; returns its task. */
    private ResponseTask hear(String text) {
        String id = String.valueOf(nextId++);
        platform.posts.add(new IncomingMention(Platform.MASTODON, id, new Author("dana" + id + "@mastodon.example",
                "Dana Reyes", 120), text, "", clock.instant(), "", Map.of()));
        earshot.pollOnce("social");
        return earshot.queries().list(EnumSet.allOf(TaskState.class), 100).stream()
                .filter(t -> t.mention().externalId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void relabellingShowsThePeoplesLabelsKeepsTheScorersAndIsAudited() {
        ResponseTask task = hear(GATE_AGENT);
        assertThat(task.score().sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(task.score().urgencyLevel()).isEqualTo(UrgencyLevel.LOW);

        ResponseTask corrected = earshot.corrections().correct(task.id(), Sentiment.NEGATIVE, UrgencyLevel.HIGH, "sam");

        assertThat(corrected.score().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(corrected.score().urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(corrected.score().urgency()).isBetween(0.6, 0.85);
        assertThat(corrected.score().priority()).isGreaterThan(task.score().priority());
        assertThat(corrected.correction()).isEqualTo(new ResponseTask.Correction(Sentiment.NEGATIVE,
                UrgencyLevel.HIGH, Sentiment.NEUTRAL, UrgencyLevel.LOW, "sam", clock.instant()));
        assertThat(earshot.queries().get(task.id())).isEqualTo(corrected);
        assertThat(earshot.corrections().forTask(task.id())).singleElement().satisfies(k -> {
            assertThat(k.mentionText()).isEqualTo(GATE_AGENT);
            assertThat(k.scorerSentiment()).isEqualTo(Sentiment.NEUTRAL);
            assertThat(k.sentiment()).isEqualTo(Sentiment.NEGATIVE);
            assertThat(k.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        });
        assertThat(earshot.queries().history(task.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("corrected");
            assertThat(e.actor()).isEqualTo("sam");
            assertThat(e.detail()).isEqualTo("sentiment neutral → negative; urgency low → high");
        });
    }

    @Test
    void aLaterCorrectionOfUrgencyAloneKeepsTheEarlierSentimentAndTheScorersLabels() {
        ResponseTask task = hear(GATE_AGENT);
        earshot.corrections().correct(task.id(), Sentiment.NEGATIVE, null, "sam");
        clock.advance(Duration.ofMinutes(5));

        ResponseTask corrected = earshot.corrections().correct(task.id(), null, UrgencyLevel.CRITICAL, "kim");

        assertThat(corrected.score().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(corrected.score().urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(corrected.correction()).isEqualTo(new ResponseTask.Correction(Sentiment.NEGATIVE,
                UrgencyLevel.CRITICAL, Sentiment.NEUTRAL, UrgencyLevel.LOW, "kim", clock.instant()));
        assertThat(earshot.corrections().forTask(task.id())).extracting(ScoreCorrection::actor).containsExactly("sam", "kim");
    }

    @Test
    void aCorrectionTeachesTriageAboutSimilarMentionsAndNotOthers() {
        ResponseTask task = hear(GATE_AGENT);
        earshot.corrections().correct(task.id(), Sentiment.NEGATIVE, UrgencyLevel.HIGH, "sam");

        ResponseTask similar = hear(SIMILAR);
        ResponseTask other = hear("@acmeair loved the new lounge at the gate");

        assertThat(similar.score().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(similar.score().urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
        assertThat(similar.score().reasons()).anyMatch(r -> r.startsWith("team label: 'gate agent'")
                && r.endsWith("→ negative"));
        assertThat(other.score().sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(other.score().reasons()).noneMatch(r -> r.startsWith("team label"));
    }

    @Test
    void theLatestCorrectionOfATaskIsWhatTheModelLearns() {
        ResponseTask task = hear(GATE_AGENT);
        earshot.corrections().correct(task.id(), Sentiment.NEGATIVE, null, "sam");
        earshot.corrections().correct(task.id(), Sentiment.POSITIVE, null, "kim");

        ResponseTask similar = hear(SIMILAR);

        assertThat(similar.score().sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(similar.score().reasons()).anyMatch(r -> r.endsWith("→ positive"));
    }

    @Test
    void afterARestartTheModelIsLearnedFromTheStoredCorrections() {
        ResponseTask task = hear(GATE_AGENT);
        earshot.corrections().correct(task.id(), Sentiment.NEGATIVE, null, "sam");
        earshot.close();
        earshot = open();

        assertThat(hear(SIMILAR).score().sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void aDecidedTaskCanStillBeRelabelledAndKeepsItsState() {
        ResponseTask task = hear(GATE_AGENT);
        earshot.approvals().reject(task.id(), "answered by phone", "sam");

        ResponseTask corrected = earshot.corrections().correct(task.id(), Sentiment.NEGATIVE, null, "sam");

        assertThat(corrected.state()).isEqualTo(TaskState.REJECTED);
        assertThat(corrected.score().sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void raisingUrgencyMovesATaskUpTheQueue() {
        ResponseTask first = hear("@acmeair my bag never arrived");
        ResponseTask second = hear(GATE_AGENT);
        assertThat(second.score().priority()).isLessThan(first.score().priority());

        earshot.corrections().correct(second.id(), null, UrgencyLevel.CRITICAL, "sam");

        assertThat(earshot.queries().list(EnumSet.of(TaskState.NEW), 10)).extracting(ResponseTask::id)
                .containsExactly(second.id(), first.id());
        assertThat(earshot.queries().list(EnumSet.of(TaskState.NEW), 10))
                .isSortedAccordingTo(Comparator.comparingDouble((ResponseTask t) -> t.score().priority()).reversed());
    }

    @Test
    void aCorrectionNeedsALabelAndAKnownTask() {
        ResponseTask task = hear(GATE_AGENT);

        assertThatThrownBy(() -> earshot.corrections().correct(task.id(), null, null, "sam"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> earshot.corrections().correct(999, Sentiment.NEGATIVE, null, "sam"))
                .isInstanceOf(TaskNotFoundException.class);
        assertThat(earshot.corrections().forTask(task.id())).isEmpty();
    }
}
