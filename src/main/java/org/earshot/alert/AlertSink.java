package org.earshot.alert;

import org.earshot.domain.Alert;

/**
 * Where raised alerts go: stored once by their dedup key, routed, and delivered later by the alert
 * dispatcher (so a Slack outage delays alerts but loses none).
 */
public interface AlertSink {

    /** @return true when the alert is new, false when its dedup key was raised before */
    boolean raise(Alert alert);

    /** An alert raised before: its dedup key and when it was raised. */
    record Raised(String dedupKey, java.time.Instant at) {
    }

    /**
     * The latest alert raised whose dedup key starts with {@code dedupKeyPrefix}, for limits that must hold
     * across restarts and nodes; empty when none was, or when this sink keeps nothing.
     */
    default java.util.Optional<Raised> latest(String dedupKeyPrefix) {
        return java.util.Optional.empty();
    }
}
