package org.earshot.alert;

import java.time.Instant;

/**
 * How one alert route's webhook is doing, for the health endpoint.
 *
 * @param problem      empty when fine; otherwise what is wrong now: a refusal such as "Slack answered HTTP
 *                     404 channel_not_found" (kept), or a 500 or broken connection (cleared when Slack takes a message)
 * @param stopped      true when nothing more is sent on this route until the config changes and Earshot restarts
 * @param lastError    the last error Slack gave this route since the start, kept after it recovered; empty if none
 * @param lastErrorAt  when that was, or null
 * @param lastDelivery when Slack last took a message of this route (stored, so it survives a restart), or null
 * @param pending      alerts of this route waiting to go (for their time, a retry, or the next run)
 */
public record RouteHealth(String route, String problem, boolean stopped, String lastError, Instant lastErrorAt,
                          Instant lastDelivery, long pending) {

    /** A route as the dispatcher judges it, before the stored delivery figures are added. */
    public RouteHealth(String route, String problem, boolean stopped) {
        this(route, problem, stopped, problem, null, null, 0);
    }

    public boolean ok() {
        return problem.isEmpty();
    }
}
