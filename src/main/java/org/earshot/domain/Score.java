package org.earshot.domain;

import java.util.List;

/**
 * How bad and how pressing a mention is, and why.
 *
 * @param negativity 0 (not negative at all) to 1 (as negative as it gets)
 * @param urgency    0 to 1; {@code urgencyLevel} is its band
 * @param priority   the queue's order: higher first
 * @param reasons    short phrases a person understands ("safety: 'caught fire'", "audience 820k")
 */
public record Score(
        double negativity,
        Sentiment sentiment,
        double urgency,
        UrgencyLevel urgencyLevel,
        double priority,
        List<String> reasons) {

    public Score {
        reasons = List.copyOf(reasons);
    }
}
