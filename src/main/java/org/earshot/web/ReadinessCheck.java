package org.earshot.web;

/**
 * One thing {@code /health/ready} looks at: the database, the scheduler, a connector, an alert route.
 *
 * @param status UP; DEGRADED when it works less well now but a restart would not help (a platform failing
 *               for a while, a route Slack keeps refusing to take for now); DOWN when this node cannot do its work
 *               until someone acts (no database, no scheduler, credentials refused, a route stopped for good)
 */
public record ReadinessCheck(String name, Status status, String detail) {
    public enum Status { UP, DEGRADED, DOWN }

    public static ReadinessCheck up(String name, String detail) {
        return new ReadinessCheck(name, Status.UP, detail);
    }
}
