package org.earshot.alert;

/**
 * How one alert route's webhook is doing, for the health endpoint.
 *
 * @param problem empty when fine; otherwise what went wrong last: a refusal such as "Slack answered HTTP
 *                404 channel_not_found" (kept), or a 500 or broken connection (cleared when Slack takes a message)
 * @param stopped true when nothing more is sent on this route until the config changes and Earshot restarts
 */
public record RouteHealth(String route, String problem, boolean stopped) {
    public boolean ok() {
        return problem.isEmpty();
    }
}
