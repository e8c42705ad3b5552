package org.earshot.connector;

import java.time.Instant;

/** How a connector is doing, as the last polls left it. */
public record ConnectorHealth(
        String connectorId,
        Instant lastSuccess,
        Instant lastFailure,
        String lastError,
        int consecutiveFailures,
        long mentionsLastPoll,
        long quotaLeft) {

    public boolean healthy() {
        return consecutiveFailures == 0 && lastSuccess != null;
    }
}
