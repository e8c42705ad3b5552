package org.earshot.alert;

import org.earshot.domain.Alert;

/**
 * Where raised alerts go: stored once by their dedup key, routed, and delivered later by the alert
 * dispatcher (so a Slack outage delays alerts but loses none).
 */
public interface AlertSink {

    /** @return true when the alert is new, false when its dedup key was raised before */
    boolean raise(Alert alert);
}
