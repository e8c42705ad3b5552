package org.earshot.alert;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs alerts at INFO and remembers their dedup keys for this run only. A stand-in until alerts are
 * stored and delivered to Slack.
 */
public final class LoggingAlertSink implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingAlertSink.class);

    private final Set<String> raised = ConcurrentHashMap.newKeySet();

    @Override
    public boolean raise(Alert alert) {
        if (!raised.add(alert.dedupKey())) {
            return false;
        }
        LOG.info("alert {} [{}]: {} {}", alert.kind().id(), alert.dedupKey(), alert.title(), alert.link());
        return true;
    }
}
