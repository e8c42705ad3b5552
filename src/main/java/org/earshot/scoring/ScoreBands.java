package org.earshot.scoring;

import java.util.EnumMap;
import java.util.Map;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;

/**
 * Keeps a score whole when its labels change: urgency moves into the new level's band, negativity
 * into the new sentiment's band, each by the least amount that does it, and priority follows.
 */
public final class ScoreBands {
    /**
     * The scorer calls text negative from a compound of -0.05 on, which can leave negativity near 0.05;
     * a person's or the team's "negative" means more than that, so it lifts negativity to at least here.
     */
    static final double NEGATIVE_FLOOR = 0.3;
    /** The scorer's neutral texts stay under about 0.19 negativity; relabelled ones go to at most this. */
    static final double NEUTRAL_CEILING = 0.15;
    static final double POSITIVE_CEILING = 0.05;

    /** Each level's lowest and highest urgency, read off the scorer's own banding on its 0.001 grid. */
    private static final Map<UrgencyLevel, double[]> URGENCY = urgencyBands();

    private ScoreBands() {
    }

    private static Map<UrgencyLevel, double[]> urgencyBands() {
        Map<UrgencyLevel, double[]> bands = new EnumMap<>(UrgencyLevel.class);
        for (int i = 0; i <= 1000; i++) {
            double u = i / 1000.0;
            double[] band = bands.computeIfAbsent(UrgencyAssessor.level(u), l -> new double[] {u, u});
            band[1] = u;
        }
        if (bands.size() != UrgencyLevel.values().length) {
            throw new IllegalStateException("the urgency levels do not each cover a part of 0..1: " + bands.keySet());
        }
        return bands;
    }

    /** The urgency nearest to {@code urgency} that has the given level. */
    public static double urgencyFor(UrgencyLevel level, double urgency) {
        double[] band = URGENCY.get(level);
        return Math.max(band[0], Math.min(band[1], urgency));
    }

    /** The negativity nearest to {@code negativity} that fits the given sentiment. */
    public static double negativityFor(Sentiment sentiment, double negativity) {
        return switch (sentiment) {
            case NEGATIVE -> Math.max(NEGATIVE_FLOOR, negativity);
            case NEUTRAL -> Math.min(NEUTRAL_CEILING, negativity);
            case POSITIVE -> Math.min(POSITIVE_CEILING, negativity);
        };
    }

    /**
     * The score with new labels (null keeps a label as it is); a label that does not change leaves its
     * number alone. Reasons stay as they were.
     */
    public static Score relabel(Score s, Sentiment sentiment, UrgencyLevel level) {
        Sentiment newSentiment = sentiment == null ? s.sentiment() : sentiment;
        UrgencyLevel newLevel = level == null ? s.urgencyLevel() : level;
        double negativity = newSentiment == s.sentiment() ? s.negativity() : negativityFor(newSentiment, s.negativity());
        double urgency = newLevel == s.urgencyLevel() ? s.urgency() : urgencyFor(newLevel, s.urgency());
        double priority = QueuePriority.afterChange(s, newLevel, urgency, negativity);
        return new Score(negativity, newSentiment, urgency, newLevel, priority, s.reasons());
    }
}
