package org.earshot.connector;

import java.time.Duration;

/**
 * How many requests a platform allows an account in a window, as its documentation states; a poll
 * costs at least one. A schedule faster than {@link #fastestSchedule()} would run the limit out, so the
 * wiring polls at that pace instead and says so at start.
 *
 * @param source where the figure comes from, for the operator ("X API v2 recent search, Basic")
 */
public record PollBudget(int requests, Duration window, String source) {
    public PollBudget {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a poll budget needs at least one request in a positive window, but was "
                    + requests + " per " + window);
        }
    }

    /** One poll every this long spends the whole budget and never more. */
    public Duration fastestSchedule() {
        return window.dividedBy(requests);
    }

    /** The schedule to run: the configured one, or the fastest the budget allows when that is slower. */
    public Duration paced(Duration configured) {
        Duration fastest = fastestSchedule();
        return configured.compareTo(fastest) < 0 ? fastest : configured;
    }
}
