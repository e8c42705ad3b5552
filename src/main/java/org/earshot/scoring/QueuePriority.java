package org.earshot.scoring;

/**
 * The queue's order, 0 to 100, higher first: 55% urgency + 20% negativity + 15% reach (log of
 * followers, full at a million) + 10% time waited (full at 12 hours), as {@link MentionScorer} says.
 * The scorer still computes it inline; {@code QueuePriorityTest} fails if the two ever differ.
 */
public final class QueuePriority {
    static final double URGENCY = 0.55;
    static final double NEGATIVITY = 0.2;
    static final double REACH = 0.15;
    static final double WAITED = 0.1;

    private QueuePriority() {
    }

    /** All four parts from 0 to 1. */
    public static double of(double urgency, double negativity, double reach, double waited) {
        return round(100 * (URGENCY * urgency + NEGATIVITY * negativity + REACH * reach + WAITED * waited));
    }

    /**
     * The priority once urgency and negativity changed by the given amounts, reach and waiting time
     * as they were: what the scorer would have said had it seen these numbers.
     */
    public static double afterChange(double priority, double urgencyChange, double negativityChange) {
        if (urgencyChange == 0 && negativityChange == 0) {
            return priority;
        }
        double p = priority + 100 * (URGENCY * urgencyChange + NEGATIVITY * negativityChange);
        return round(Math.max(0, Math.min(100, p)));
    }

    private static double round(double p) {
        return Math.round(p * 10) / 10.0;
    }
}
