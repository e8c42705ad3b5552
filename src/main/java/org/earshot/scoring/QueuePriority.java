package org.earshot.scoring;

import org.earshot.domain.Score;
import org.earshot.domain.UrgencyLevel;

/**
 * The queue's order, 0 to 100, higher first, for the scorer and for relabelled scores alike. The
 * urgency bands stay in order: low 0–25, normal 25–50, high 50–75, critical 75–100. Within a band:
 * 40% where the urgency sits in the band, 25% negativity, 20% reach and 15% time waited (each 0 to 1).
 */
public final class QueuePriority {
    private static final double[] BAND_FLOOR = {0, UrgencyAssessor.NORMAL, UrgencyAssessor.HIGH,
        UrgencyAssessor.CRITICAL, 1};
    private static final double IN_BAND = 0.4;
    private static final double NEGATIVITY = 0.25;
    static final double REACH = 0.2;
    static final double WAITED = 0.15;

    private QueuePriority() {
    }

    /** All parts but the level from 0 to 1. */
    public static double of(UrgencyLevel level, double urgency, double negativity, double reach, double waited) {
        return priority(level, urgency, negativity, REACH * reach + WAITED * waited);
    }

    /**
     * The priority once urgency (and so perhaps its level) and negativity changed, reach and waiting
     * time as they were: what the scorer would have said had it seen these numbers.
     */
    public static double afterChange(Score before, UrgencyLevel level, double urgency, double negativity) {
        int band = before.urgencyLevel().ordinal();
        double within = (before.priority() - 25 * band) / 25;
        double rest = within - IN_BAND * inBand(before.urgencyLevel(), before.urgency())
                - NEGATIVITY * before.negativity();
        return priority(level, urgency, negativity, Math.max(0, Math.min(REACH + WAITED, rest)));
    }

    private static double priority(UrgencyLevel level, double urgency, double negativity, double rest) {
        double within = IN_BAND * inBand(level, urgency) + NEGATIVITY * negativity + rest;
        double p = 25 * level.ordinal() + 25 * clamp(within);
        return Math.round(p * 10) / 10.0;
    }

    private static double inBand(UrgencyLevel level, double urgency) {
        int band = level.ordinal();
        return clamp((urgency - BAND_FLOOR[band]) / (BAND_FLOOR[band + 1] - BAND_FLOOR[band]));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
