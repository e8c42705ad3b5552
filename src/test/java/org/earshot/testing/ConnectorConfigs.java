package org.earshot.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;

/** A connector's entry as `earshot.yaml` would give it, for connector tests that build settings by hand. */
public final class ConnectorConfigs {
    private ConnectorConfigs() {
    }

    /** The connector {@code id} of brand "acme", enabled, with its settings under {@code connectors.<id>}. */
    public static ConnectorConfig acme(String id, String type, Duration schedule, ObjectNode settings) {
        return new ConnectorConfig(id, type, "acme", true, schedule,
                new ConfigNode(Path.of("earshot.yaml"), "connectors." + id, settings));
    }
}
