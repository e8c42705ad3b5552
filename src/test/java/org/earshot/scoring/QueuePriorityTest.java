package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scorer's priority comes from QueuePriority; a relabelled score keeps reach and waiting time. */
class QueuePriorityTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final MentionScorer SCORER = new MentionScorer();
    // Rounding: the scorer rounds urgency and negativity after it computed priority from the unrounded ones.
    private static final double ROUNDING = 0.15;

    private static Score score(String text, long followers, Duration waited) {
        return SCORER.score(new ScoringInput(Platform.X, text, "", new Author("someone", "Some One", followers),
                CustomerHistory.NONE, NOW.minus(waited), NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Smoke in the cabin and nobody told us anything", "You charged me twice for my seat",
            "The coffee on board was cold", "Nice new uniforms!", "Where is my bag?"})
    void itGivesTheScorersPriorityFromTheSameParts(String text) {
        Score s = score(text, 25_000, Duration.ofHours(3));
        double reach = Math.log10(25_001) / 6;
        double waited = 3 / 12.0;

        assertThat(QueuePriority.of(s.urgencyLevel(), s.urgency(), s.negativity(), reach, waited))
                .isCloseTo(s.priority(), within(ROUNDING));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Smoke in the cabin and nobody told us anything", "You charged me twice for my seat",
            "Nice new uniforms!"})
    void afterAChangeOfUrgencyAndNegativityItIsWhatTheScorerWouldSay(String text) {
        Score calm = score("The coffee on board was cold", 800, Duration.ofMinutes(40));
        Score other = score(text, 800, Duration.ofMinutes(40));

        double shifted = QueuePriority.afterChange(calm, other.urgencyLevel(), other.urgency(), other.negativity());

        assertThat(shifted).isCloseTo(other.priority(), within(2 * ROUNDING));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1})
    void itStaysBetween0And100(double extreme) {
        Score calm = score("The coffee on board was cold", 800, Duration.ofMinutes(40));
        assertThat(QueuePriority.afterChange(calm, org.earshot.domain.UrgencyLevel.CRITICAL, extreme, extreme))
                .isBetween(0.0, 100.0);
        assertThat(QueuePriority.afterChange(calm, org.earshot.domain.UrgencyLevel.LOW, extreme, extreme))
                .isBetween(0.0, 100.0);
    }
}
