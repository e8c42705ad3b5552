package org.earshot.domain;

/** Where a stored alert is on its way to Slack. An alert leaves PENDING once, to SENT or DROPPED. */
public enum DeliveryState {
    /** Waiting for its time (quiet hours, a retry) or for the dispatcher's next run. */
    PENDING,
    /** Slack acknowledged it. */
    SENT,
    /** Never sent, with the reason: no route matched, or the route's webhook is gone. */
    DROPPED
}
