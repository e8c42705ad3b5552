package org.earshot.connector;

import java.time.Instant;

/**
 * How a connector is doing: what its last polls left, and the problem a person should know about,
 * if any (failing, credentials refused, stalled, out of quota, quieter than expected).
 */
public record ConnectorHealth(
        String connectorId,
        Instant lastSuccess,
        Instant lastFailure,
        String lastError,
        int consecutiveFailures,
        long mentionsLastPoll,
        long quotaLeft,
        boolean lastErrorPermanent,
        long mentionsLastHour,
        Instant lastMentionAt,
        String problem,
        long quarantined) {

    /** The health as the polls left it, before anyone judged it. */
    public ConnectorHealth(String connectorId, Instant lastSuccess, Instant lastFailure, String lastError,
                           int consecutiveFailures, long mentionsLastPoll, long quotaLeft) {
        this(connectorId, lastSuccess, lastFailure, lastError, consecutiveFailures, mentionsLastPoll, quotaLeft,
                false, 0, null, consecutiveFailures > 0 ? "failing: " + lastError
                        : lastSuccess == null ? "no successful poll yet" : null, 0);
    }

    public boolean healthy() {
        return problem == null;
    }

    /** @param quarantined what its polls could not read or store and is kept, waiting for a look */
    public ConnectorHealth judged(long mentionsLastHour, Instant lastMentionAt, String problem, long quarantined) {
        return new ConnectorHealth(connectorId, lastSuccess, lastFailure, lastError, consecutiveFailures,
                mentionsLastPoll, quotaLeft, lastErrorPermanent, mentionsLastHour, lastMentionAt, problem, quarantined);
    }
}
