package org.earshot.scoring;

import java.util.List;
import org.earshot.domain.Sentiment;

/**
 * How the text feels.
 *
 * @param compound   -1 (very negative) to +1 (very positive)
 * @param negativity 0 (not negative at all) to 1
 * @param reasons    what made it negative, in the customer's words ("still waiting", "sarcasm: 'oh great'")
 */
public record SentimentResult(double compound, double negativity, Sentiment sentiment, List<String> reasons) {

    public SentimentResult {
        reasons = java.util.Collections.unmodifiableList(reasons);
    }
}
