package org.earshot.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.earshot.connector.ConnectorHealth;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.intake.ConnectorHealthCheck;

/**
 * Raises CONNECTOR_UNHEALTHY when the health check reports a problem, at most once per {@code repeatEvery}
 * for a connector, counted from its last alert as the sink stored it, so the limit holds across restarts
 * and across nodes. The dedup key names the time of the alert it follows ({@code connector_unhealthy:<id>:after-<epoch second>}),
 * so two nodes that read the same last alert raise the same key and the store lets one in. Fewer than
 * {@code failuresBeforeAlert} failed polls in a row stay quiet: the schedule retries them.
 */
public final class ConnectorAlerts {
    private final ConnectorHealthCheck healthCheck;
    private final Map<String, String> brandByConnector;
    private final Duration repeatEvery;
    private final int failuresBeforeAlert;
    private final String queueUrl;
    private final AlertSink sink;
    private final Clock clock;

    public ConnectorAlerts(ConnectorHealthCheck healthCheck, Map<String, String> brandByConnector, Duration repeatEvery,
                           int failuresBeforeAlert, String queueUrl, AlertSink sink, Clock clock) {
        this.healthCheck = healthCheck;
        this.brandByConnector = Map.copyOf(brandByConnector);
        this.repeatEvery = repeatEvery;
        this.failuresBeforeAlert = failuresBeforeAlert;
        this.queueUrl = queueUrl.endsWith("/") ? queueUrl.substring(0, queueUrl.length() - 1) : queueUrl;
        this.sink = sink;
        this.clock = clock;
    }

    /** @return how many alerts were new */
    public int check() {
        Instant now = clock.instant();
        int raised = 0;
        for (ConnectorHealth h : healthCheck.report()) {
            if (h.healthy() || isPassingHiccup(h)) {
                continue;
            }
            String prefix = "connector_unhealthy:" + h.connectorId() + ":";
            Optional<AlertSink.Raised> last = sink.latest(prefix);
            if (last.isPresent() && now.isBefore(last.get().at().plus(repeatEvery))) {
                continue;
            }
            String kind = kindOf(h.problem());
            List<String> facts = new ArrayList<>();
            facts.add("consecutive failures: " + h.consecutiveFailures());
            facts.add("last success: " + (h.lastSuccess() == null ? "never" : h.lastSuccess().toString()));
            facts.add("mentions in the last hour: " + h.mentionsLastHour());
            if (h.lastMentionAt() != null) {
                facts.add("last mention: " + AlertTimes.format(h.lastMentionAt()));
            }
            Alert alert = new Alert(AlertKind.CONNECTOR_UNHEALTHY,
                    prefix + "after-" + last.map(r -> String.valueOf(r.at().getEpochSecond())).orElse("none"),
                    brandByConnector.get(h.connectorId()), null, null,
                    "Connector " + h.connectorId() + " unhealthy: " + kind.replace('_', ' '),
                    withoutKind(h.problem()), facts,
                    queueUrl + "/", null, now);
            if (sink.raise(alert)) {
                raised++;
            }
        }
        return raised;
    }

    private boolean isPassingHiccup(ConnectorHealth h) {
        return h.consecutiveFailures() > 0 && h.consecutiveFailures() < failuresBeforeAlert && !h.lastErrorPermanent();
    }

    /** The problem without its kind in front, which the title says already: "refused: 401 …" → "401 …". */
    static String withoutKind(String problem) {
        String once = AlertWords.withoutRepeatedLabels(problem);
        int colon = once.indexOf(": ");
        return colon < 0 ? once : once.substring(colon + 2);
    }

    /** The problem's first word(s) before the colon: "failing", "refused", "stalled", "out of quota", "quiet". */
    static String kindOf(String problem) {
        int colon = problem.indexOf(':');
        String head = colon < 0 ? "no successful poll" : problem.substring(0, colon);
        return head.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
