package org.earshot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Everything Earshot is told by its config file, checked when it loads. */
public record EarshotConfig(
        Path file,
        StorageConfig storage,
        WebConfig web,
        List<BrandConfig> brands,
        Map<String, ConnectorConfig> connectors,
        ServiceLevels serviceLevels,
        SlackConfig slack,
        ReplyPolicy policy,
        AlertsConfig alerts,
        ReadingConfig reading,
        AnalysisConfig analysis) {

    public EarshotConfig {
        brands = List.copyOf(brands);
        connectors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(connectors));
        reading = reading == null ? ReadingConfig.DEFAULT : reading;
        analysis = analysis == null ? AnalysisConfig.DEFAULT : analysis;
    }

    /**
     * A config that reads the default languages with the shipped intent examples, and as much of each
     * text as {@link AnalysisConfig#DEFAULT}.
     */
    public EarshotConfig(Path file, StorageConfig storage, WebConfig web, List<BrandConfig> brands,
                         Map<String, ConnectorConfig> connectors, ServiceLevels serviceLevels, SlackConfig slack,
                         ReplyPolicy policy, AlertsConfig alerts) {
        this(file, storage, web, brands, connectors, serviceLevels, slack, policy, alerts, ReadingConfig.DEFAULT,
                AnalysisConfig.DEFAULT);
    }

    /** A config without alerts. */
    public EarshotConfig(Path file, StorageConfig storage, WebConfig web, List<BrandConfig> brands,
                         Map<String, ConnectorConfig> connectors, ServiceLevels serviceLevels, SlackConfig slack,
                         ReplyPolicy policy) {
        this(file, storage, web, brands, connectors, serviceLevels, slack, policy, AlertsConfig.off());
    }

    public BrandConfig brand(String id) {
        return brands.stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no brand '" + id + "'"));
    }
}
