package org.earshot.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Intent;
import org.earshot.domain.Sentiment;
import org.earshot.domain.TaskState;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.UrgencyLevel;
import org.earshot.scoring.model.LearnedNegativity;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learned model off the poll: a poll stores and queues a mention at once with the lexicon's scores,
 * and the model-scoring job (with the real e5 model) puts the model's in place afterwards, alerting
 * once for a mention it made pressing.
 */
class ModelScoringIT {
    @TempDir
    Path dir;

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private String modelBefore;
    private Wiring earshot;

    @BeforeEach
    void openWithTheLearnedModel() {
        modelBefore = System.getProperty(LearnedNegativity.PROPERTY);
        System.setProperty(LearnedNegativity.PROPERTY, "learned");
        earshot = new Wiring(platform.configWithDatabaseIn(dir), List.of(platform.factory()), clock,
                Wiring.Timings.DEFAULT);
    }

    @AfterEach
    void close() {
        earshot.close();
        if (modelBefore == null) {
            System.clearProperty(LearnedNegativity.PROPERTY);
        } else {
            System.setProperty(LearnedNegativity.PROPERTY, modelBefore);
        }
    }

    private long poll(String id, String text, long followers) {
        platform.posts.add(new IncomingMention(Platform.MASTODON, id, new Author("sam" + id + "@mastodon.example",
                "Sam", followers), text, "", clock.instant(), "", Map.of()));
        List<Long> opened = earshot.pollOnce("social").newTaskIds();
        assertThat(opened).hasSize(1);
        return opened.get(0);
    }

    private long mentionAlerts(long taskId) {
        return earshot.database().inTransaction(h -> h.createQuery("select count(*) from alert where dedup_key = :key")
                .bind("key", "new_mention:task-" + taskId).mapTo(Long.class).one());
    }

    @Test
    void aPollQueuesTheMentionAtOnceWithTheLexiconsScoresAndTheJobPutsTheModelsInPlaceOnce() {
        long id = poll("1", "flight delayed 3 hours, no update", 40);
        ResponseTask queued = earshot.queries().get(id);
        assertThat(queued.state()).isEqualTo(TaskState.NEW);
        assertThat(queued.score().negativity()).isEqualTo(new MentionScorer().score(new ScoringInput(Platform.MASTODON,
                "flight delayed 3 hours, no update", "", queued.mention().author(), CustomerHistory.NONE,
                clock.instant(), clock.instant())).negativity());

        assertThat(earshot.scoreWithModelOnce()).isEqualTo(1);
        ResponseTask scored = earshot.queries().get(id);
        // The model calls a factual complaint more negative than the lexicon does (0.82 against 0.66).
        assertThat(scored.score().negativity()).isGreaterThan(queued.score().negativity() + 0.1);
        assertThat(scored.score().priority()).isGreaterThan(queued.score().priority());
        assertThat(earshot.scoreWithModelOnce()).isZero();
    }

    @Test
    void aMentionOnlyTheModelFindsPressingIsAlertedOnceTheJobHasReadIt() {
        long id = poll("2", "so I waited in line for an hour just to be told to come back tomorrow", 200_000);
        assertThat(earshot.queries().get(id).score().urgencyLevel()).isEqualTo(UrgencyLevel.LOW);
        assertThat(mentionAlerts(id)).isZero();

        earshot.scoreWithModelOnce();
        ResponseTask scored = earshot.queries().get(id);
        assertThat(scored.score().urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(scored.score().reasons()).anyMatch(r -> r.startsWith("reads as negative (model"));
        assertThat(mentionAlerts(id)).isEqualTo(1);

        earshot.runAlertTriggersOnce();
        assertThat(mentionAlerts(id)).isEqualTo(1);
    }

    @Test
    void aMentionAlertedOnAtThePollIsNotAlertedAgainWhenTheModelScoresIt() {
        long id = poll("3", "still waiting for the refund you promised in October", 200_000);
        assertThat(mentionAlerts(id)).isEqualTo(1);

        earshot.scoreWithModelOnce();
        assertThat(earshot.queries().get(id).score().urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(mentionAlerts(id)).isEqualTo(1);
    }

    @Test
    void theModelsIntentRewritesTheDraftOfANewTaskNobodyTouched() {
        long id = poll("4", "paid for wifi on the plane and it worked for ten minutes", 40);
        assertThat(earshot.queries().get(id).draft().intent()).isEqualTo(Intent.OTHER);

        earshot.scoreWithModelOnce();
        assertThat(earshot.queries().get(id).draft().intent()).isEqualTo(Intent.COMPLAINT);
    }

    @Test
    void aTaskAPersonRelabelledBeforeTheModelReadItKeepsTheirLabels() {
        long id = poll("5", "so I waited in line for an hour just to be told to come back tomorrow", 200_000);
        earshot.corrections().correct(id, Sentiment.NEUTRAL, UrgencyLevel.LOW, "lee");
        ResponseTask relabelled = earshot.queries().get(id);

        earshot.scoreWithModelOnce();
        ResponseTask after = earshot.queries().get(id);
        assertThat(after.score().sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(after.score().urgencyLevel()).isEqualTo(UrgencyLevel.LOW);
        assertThat(after.score().negativity()).isEqualTo(relabelled.score().negativity());
        assertThat(mentionAlerts(id)).isZero();
        assertThat(earshot.scoreWithModelOnce()).isZero();
    }
}
