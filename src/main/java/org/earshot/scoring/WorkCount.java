package org.earshot.scoring;

/**
 * Counts the steps scoring takes (token reads and cue reads), so a test can prove that the work grows
 * in proportion to the text, without timing anything. Off unless the JVM starts with
 * {@code -Dearshot.countWork=true}; the flag is a constant, so when it is off the compiler removes
 * every count.
 */
public final class WorkCount {
    static final boolean ON = Boolean.getBoolean("earshot.countWork");
    private static long steps;

    private WorkCount() {
    }

    static void step() {
        if (ON) {
            steps++;
        }
    }

    /** The steps counted on this JVM so far (always 0 when counting is off). */
    public static long steps() {
        return steps;
    }

    public static boolean counting() {
        return ON;
    }
}
