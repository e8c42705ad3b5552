package org.earshot.web;

import java.time.Instant;
import java.util.List;
import org.earshot.connector.ConnectorHealth;

/** The connectors' health as the API shows it; {@code quotaLeft} is -1 when the platform does not say. */
record HealthView(boolean healthy, List<ConnectorView> connectors) {

    record ConnectorView(String connectorId, boolean healthy, String problem, Instant lastSuccess,
                         Instant lastFailure, String lastError, int consecutiveFailures, long mentionsLastPoll,
                         long mentionsLastHour, Instant lastMentionAt, long quotaLeft) {
    }

    static HealthView of(List<ConnectorHealth> health) {
        List<ConnectorView> views = health.stream()
                .map(h -> new ConnectorView(h.connectorId(), h.healthy(), h.problem(), h.lastSuccess(),
                        h.lastFailure(), h.lastError(), h.consecutiveFailures(), h.mentionsLastPoll(),
                        h.mentionsLastHour(), h.lastMentionAt(), h.quotaLeft()))
                .toList();
        return new HealthView(views.stream().allMatch(ConnectorView::healthy), views);
    }
}
