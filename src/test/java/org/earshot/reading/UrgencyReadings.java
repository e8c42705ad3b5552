package org.earshot.reading;

import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;

/** Scores a text from its reading the way triage does (no brand head, no history, an ordinary audience). */
final class UrgencyReadings {
    private UrgencyReadings() {
    }

    static Score score(MentionReader reader, MentionScorer scorer, String text) {
        MentionReading reading = reader.read(null, text);
        ScoringInput input = new ScoringInput(Platform.X, text, null, new Author("a", "a", 100),
                CustomerHistory.NONE, null, null);
        return scorer.score(reading.lexicon(), input, reader.learnedNegativity(reading), reading.problem().orElse(null));
    }
}
