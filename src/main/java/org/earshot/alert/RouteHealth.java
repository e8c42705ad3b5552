package org.earshot.alert;

/**
 * How one alert route's webhook is doing, for the health endpoint.
 *
 * @param problem empty when fine; otherwise what Slack said, such as "HTTP 404 channel_not_found"
 * @param stopped true when nothing more is sent on this route until the config changes and Earshot restarts
 */
public record RouteHealth(String route, String problem, boolean stopped) {
    public boolean ok() {
        return problem.isEmpty();
    }
}
