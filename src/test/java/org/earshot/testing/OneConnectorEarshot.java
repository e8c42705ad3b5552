package org.earshot.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earshot.Wiring;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.EarshotConfig;
import org.earshot.connector.ConnectorHealth;
import org.earshot.domain.QuarantinedItem;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.intake.MentionIntake;
import org.earshot.intake.Requeue;

/**
 * Earshot with one real connector (pointed at WireMock), a database in the test's folder and the
 * example brand: polls as its job does, and shows what was stored, kept in quarantine and saved as cursor.
 */
public final class OneConnectorEarshot implements AutoCloseable {
    private final Wiring earshot;
    private final String connectorId;

    public OneConnectorEarshot(Path dir, ConnectorConfig connector, Clock clock) {
        EarshotConfig base = TestConfigs.withDatabaseIn(dir);
        EarshotConfig config = new EarshotConfig(base.file(), base.storage(), base.web(), base.brands(),
                Map.of(connector.id(), connector), base.serviceLevels(), base.slack(), base.policy());
        this.earshot = new Wiring(config, Wiring.CONNECTOR_FACTORIES, clock,
                Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)));
        this.connectorId = connector.id();
    }

    public MentionIntake.PollOutcome poll() {
        return earshot.pollOnce(connectorId);
    }

    public Optional<String> cursor() {
        return earshot.cursorOf(connectorId);
    }

    /** The external ids of the mentions that opened tasks, newest task first. */
    public List<String> taskMentionIds() {
        return earshot.queries().list(EnumSet.allOf(TaskState.class), 500).stream()
                .map(ResponseTask::mention).map(m -> m.externalId()).toList();
    }

    public List<QuarantinedItem> held() {
        return earshot.requeue().open(100);
    }

    /** The raw form kept for an item, as text. */
    public String payload(QuarantinedItem item) {
        return new String(earshot.requeue().find(item.id()).orElseThrow().payload(), StandardCharsets.UTF_8);
    }

    public List<Requeue.Outcome> requeueAll() {
        return earshot.requeue().requeueAll();
    }

    public ConnectorHealth health() {
        return earshot.connectorHealth().stream().filter(h -> h.connectorId().equals(connectorId)).findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
        earshot.close();
    }
}
