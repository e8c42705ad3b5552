package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.Test;

class TeamCorrectionsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final MentionScorer SCORER = new MentionScorer();

    private static final String GATE_AGENT = "The gate agent at JFK told us to sit on the floor for three hours";
    private static final String SIMILAR = "Gate agent made us sit on the floor again";

    private static Score score(String text) {
        return SCORER.score(new ScoringInput(Platform.X, text, "", new Author("someone", "Some One", 150),
                CustomerHistory.NONE, NOW, NOW));
    }

    private static TeamCorrections.Example example(String text, Sentiment sentiment, UrgencyLevel level) {
        return TeamCorrections.Example.of(text, sentiment, level);
    }

    @Test
    void aCorrectionMovesASimilarNewMentionAndSaysWhy() {
        TeamCorrections team = TeamCorrections.learn(List.of(example(GATE_AGENT, Sentiment.NEGATIVE, null)));
        Score before = score(SIMILAR);
        assertThat(before.sentiment()).isEqualTo(Sentiment.NEUTRAL);

        Score after = team.adjust(SIMILAR, before);

        assertThat(after.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(after.negativity()).isGreaterThan(before.negativity());
        assertThat(after.priority()).isGreaterThan(before.priority());
        assertThat(after.reasons()).last().asString().startsWith("team label: 'gate agent'").endsWith("→ negative");
    }

    @Test
    void aDissimilarMentionIsUntouched() {
        TeamCorrections team = TeamCorrections.learn(List.of(example(GATE_AGENT, Sentiment.NEGATIVE, UrgencyLevel.HIGH)));

        for (String text : List.of("Loved the new lounge at the gate", "Is the floor of the lounge heated?",
                "Where do I find my boarding pass?")) {
            Score before = score(text);
            assertThat(team.adjust(text, before)).as(text).isEqualTo(before);
        }
    }

    @Test
    void aLongMentionThatSharesOnlyAFewTermsIsUntouched() {
        TeamCorrections team = TeamCorrections.learn(List.of(example(GATE_AGENT, Sentiment.NEGATIVE, null)));
        String text = "Booked a trip to Lisbon for my parents' anniversary; the gate agent checked passports, "
                + "boarding went smoothly, seats were roomy and the meal was decent. Landing was on time.";
        Score before = score(text);

        assertThat(team.adjust(text, before)).isEqualTo(before);
    }

    @Test
    void urgencyMovesOneLevelAtMostAndTheReasonSaysWhereItStopped() {
        TeamCorrections team = TeamCorrections.learn(List.of(example(GATE_AGENT, null, UrgencyLevel.CRITICAL)));
        Score before = score(SIMILAR);
        assertThat(before.urgencyLevel()).isEqualTo(UrgencyLevel.LOW);

        Score after = team.adjust(SIMILAR, before);

        assertThat(after.urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
        assertThat(after.urgency() - before.urgency()).isPositive().isLessThanOrEqualTo(TeamCorrections.MAX_URGENCY_NUDGE);
        assertThat(after.sentiment()).isEqualTo(before.sentiment());
        assertThat(after.reasons()).last().asString().contains("→ urgency critical (one step, to normal)");
    }

    @Test
    void sentimentMovesOneStepAtMost() {
        String sarcasm = "ok so another tarmac wait of three hours";
        String again = "sure, another tarmac wait, fine";
        TeamCorrections team = TeamCorrections.learn(List.of(example(sarcasm, Sentiment.NEGATIVE, null)));
        Score before = score(again);
        assertThat(before.sentiment()).isEqualTo(Sentiment.POSITIVE);

        Score after = team.adjust(again, before);

        assertThat(after.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(after.reasons()).last().asString().endsWith("→ negative (one step, to neutral)");
    }

    @Test
    void aClearSentimentIsLeftAsTheScorerSaidIt() {
        TeamCorrections team = TeamCorrections.learn(List.of(example(GATE_AGENT, Sentiment.NEGATIVE, null)));
        String text = "The gate agent got us off the floor and into seats, absolutely wonderful, thank you!";
        Score before = score(text);
        assertThat(before.sentiment()).isEqualTo(Sentiment.POSITIVE);

        assertThat(team.adjust(text, before).sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void aCriticalUrgencyIsNeverLowered() {
        String smoke = "Smoke coming from the engine on the tarmac, is this normal";
        TeamCorrections team = TeamCorrections.learn(List.of(example(smoke, null, UrgencyLevel.LOW)));
        Score before = score(smoke);
        assertThat(before.urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);

        assertThat(team.adjust(smoke, before).urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
    }

    @Test
    void theAdjustedScoreIsConsistent() {
        TeamCorrections team = TeamCorrections.learn(List.of(example(GATE_AGENT, Sentiment.NEGATIVE, UrgencyLevel.HIGH)));
        Score before = score(SIMILAR);

        Score after = team.adjust(SIMILAR, before);

        assertThat(UrgencyAssessor.level(after.urgency())).isEqualTo(after.urgencyLevel());
        assertThat(after.negativity()).isEqualTo(ScoreBands.negativityFor(after.sentiment(), after.negativity()));
        assertThat(after.priority()).isEqualTo(QueuePriority.afterChange(before, after.urgencyLevel(),
                after.urgency(), after.negativity()));
    }

    @Test
    void termsPeopleLabelledBothWaysAreNotLearned() {
        TeamCorrections team = TeamCorrections.learn(List.of(
                example(GATE_AGENT, Sentiment.NEGATIVE, null),
                example("The gate agent at JFK found us seats on the floor above", Sentiment.POSITIVE, null)));

        assertThat(team.sentimentTerms(50)).extracting(TeamCorrections.LearnedTerm::term)
                .doesNotContain("gate agent", "gate", "agent", "floor", "jfk");
        Score before = score(SIMILAR);
        assertThat(team.adjust(SIMILAR, before)).isEqualTo(before);
    }

    @Test
    void termsCommonToMostMentionsAreNotLearned() {
        List<String> recent = new ArrayList<>(Collections.nCopies(40, "Flying acme air to Denver"));
        recent.addAll(Collections.nCopies(30, "Where is the lounge"));
        CommonTerms common = CommonTerms.of(recent);
        TeamCorrections team = TeamCorrections.learn(List.of(
                example("acme air lost my stroller", Sentiment.NEGATIVE, null)), common);

        assertThat(team.sentimentTerms(50)).extracting(TeamCorrections.LearnedTerm::term)
                .contains("lost", "stroller").doesNotContain("acme air", "acme", "air");
        String text = "I love acme air";
        Score before = score(text);
        assertThat(team.adjust(text, before)).isEqualTo(before);
    }

    @Test
    void aTermInMostOfManyCorrectionsIsNotLearned() {
        List<TeamCorrections.Example> examples = new ArrayList<>();
        for (String problem : List.of("lost stroller", "broken seat", "cold meal", "rude steward", "late bus",
                "dirty toilet", "missing blanket", "loud speaker", "sticky tray", "noisy engine")) {
            examples.add(example("Skyhop " + problem, Sentiment.NEGATIVE, null));
        }

        assertThat(TeamCorrections.learn(examples).sentimentTerms(100)).extracting(TeamCorrections.LearnedTerm::term)
                .contains("lost stroller", "noisy engine").doesNotContain("skyhop");
    }

    @Test
    void handlesLinksNumbersAndStopWordsAreNotTerms() {
        TeamCorrections team = TeamCorrections.learn(List.of(example(
                "@acmeair the wifi on AA102 is down again https://t.example/x 3 times", Sentiment.NEGATIVE, null)));

        assertThat(team.sentimentTerms(50)).extracting(TeamCorrections.LearnedTerm::term)
                .containsExactlyInAnyOrder("wifi", "down", "times");
    }

    @Test
    void withoutCorrectionsNothingChanges() {
        Score before = score(SIMILAR);

        assertThat(TeamCorrections.NONE.adjust(SIMILAR, before)).isSameAs(before);
        assertThat(TeamCorrections.NONE.isEmpty()).isTrue();
    }
}
