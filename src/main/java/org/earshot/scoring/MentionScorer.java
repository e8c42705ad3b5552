package org.earshot.scoring;

import java.util.List;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;

/** Scores a mention: negativity, urgency, priority and the reasons behind them. Pure and thread-safe. */
public final class MentionScorer {

    public Score score(ScoringInput input) {
        // placeholder until the scoring package lands
        return new Score(0.5, Sentiment.NEUTRAL, 0.3, UrgencyLevel.NORMAL, 0.4, List.of());
    }
}
