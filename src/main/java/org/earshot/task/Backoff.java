package org.earshot.task;

import java.time.Duration;

/**
 * How long a failed delivery (a reply in the outbox, an alert to Slack) waits before its next try:
 * {@code first} after the first failure, doubling after each further one, never more than {@code max}.
 */
public record Backoff(Duration first, Duration max) {
    /** Half a minute, then one, two, four… up to half an hour: a platform or Slack down for a while is not hammered. */
    public static final Backoff DELIVERY = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    public Backoff {
        if (first.toMillis() < 1) {
            throw new IllegalArgumentException("first must be at least 1ms, but was " + first);
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("max must not be shorter than first (" + first + "), but was " + max);
        }
    }

    /** A backoff starting at {@code first}, with this one's ceiling (a test's short wait, the same cap). */
    public Backoff startingAt(Duration first) {
        return new Backoff(first, max.compareTo(first) < 0 ? first : max);
    }

    /** The wait after the {@code failures}-th failed try in a row; 1 (or less) is the first failure. */
    public Duration after(int failures) {
        Duration d = first.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
        return d.compareTo(max) > 0 ? max : d;
    }
}
