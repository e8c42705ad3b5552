package org.earshot.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.earshot.alert.AlertSink;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;

/** An alert sink that lives in the test: keeps raised alerts in order and ignores a dedup key raised before. */
public final class RecordingAlertSink implements AlertSink {
    public final List<Alert> raised = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    @Override
    public synchronized boolean raise(Alert alert) {
        if (!keys.add(alert.dedupKey())) {
            return false;
        }
        raised.add(alert);
        return true;
    }

    @Override
    public synchronized java.util.Optional<Raised> latest(String dedupKeyPrefix) {
        return raised.stream().filter(a -> a.dedupKey().startsWith(dedupKeyPrefix))
                .reduce((a, b) -> b).map(a -> new Raised(a.dedupKey(), a.raisedAt()));
    }

    public synchronized List<Alert> ofKind(AlertKind kind) {
        return raised.stream().filter(a -> a.kind() == kind).toList();
    }

    public synchronized List<String> keys() {
        return raised.stream().map(Alert::dedupKey).toList();
    }
}
