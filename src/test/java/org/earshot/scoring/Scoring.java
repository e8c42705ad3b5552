package org.earshot.scoring;

import java.time.Duration;
import java.time.Instant;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Engagement;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;

/** Shorthands for scoring a sentence in tests. */
final class Scoring {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final MentionScorer SCORER = new MentionScorer();

    private Scoring() {
    }

    static Score score(String text) {
        return score(text, 150, CustomerHistory.NONE);
    }

    static Score score(String text, long followers, CustomerHistory history) {
        return SCORER.score(new ScoringInput(Platform.X, text, "", new Author("someone", "Some One", followers), history,
                NOW, NOW));
    }

    static Score spread(String text, Engagement engagement) {
        return SCORER.score(new ScoringInput(Platform.X, text, "", new Author("someone", "Some One", 150),
                CustomerHistory.NONE, NOW, NOW, engagement));
    }

    static Score waited(String text, Duration waited) {
        return SCORER.score(new ScoringInput(Platform.X, text, "", new Author("someone", "Some One", 150),
                CustomerHistory.NONE, NOW.minus(waited), NOW));
    }
}
