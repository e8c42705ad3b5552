package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.AlertRoute;
import org.earshot.config.AlertsConfig;
import org.earshot.config.BrandConfig;
import org.earshot.config.BusinessHours;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.EarshotConfig;
import org.earshot.config.SpikeRule;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorFactory;
import org.earshot.domain.Author;
import org.earshot.domain.Channel;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.MutableClock;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert triggers as Wiring builds them, raising into the stored sink that delivery reads. */
class AlertWiringIT {
    @TempDir
    Path dir;

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));

    private Wiring open() {
        EarshotConfig base = TestConfigs.withDatabaseIn(dir);
        ConnectorConfig social = new ConnectorConfig("social", "memory", "acme", true, Duration.ofSeconds(5),
                new ConfigNode(base.file(), "connectors.social", null));
        AlertsConfig alerts = new AlertsConfig(List.of(new AlertRoute("care", "https://hooks.slack.example/x",
                List.of(), List.of(), List.of(), null, null, false)), BusinessHours.ALWAYS, SpikeRule.DEFAULT,
                Duration.ofMinutes(30), LocalTime.of(8, 0), "https://queue.example");
        EarshotConfig config = new EarshotConfig(base.file(), base.storage(), base.web(), base.brands(),
                Map.of("social", social), base.serviceLevels(), base.slack(), base.policy(), alerts);
        ConnectorFactory memory = new ConnectorFactory() {
            @Override
            public String type() {
                return "memory";
            }

            @Override
            public Channel channel() {
                return Wiring.CHANNELS.of(Platform.MASTODON);
            }

            @Override
            public Connector create(ConnectorConfig c, BrandConfig brand) {
                return new Connector(c.id(), Platform.MASTODON, c.brand(), c.schedule(), platform, platform);
            }
        };
        return new Wiring(config, List.of(memory), clock, Wiring.Timings.DEFAULT);
    }

    @Test
    void aPressingMentionPolledThroughWiringIsAlertedOnceWithALinkToItsTask() {
        platform.posts.add(new IncomingMention(Platform.MASTODON, "1", new Author("dana@mastodon.example", "Dana", 50_000),
                "There's smoke coming from the engine on flight 212 @acmeair, is this normal??", "", clock.instant(),
                "", Map.of()));
        try (Wiring earshot = open()) {
            List<Long> opened = earshot.pollOnce("social").newTaskIds();
            earshot.runAlertTriggersOnce();
            earshot.pollOnce("social");

            assertThat(opened).hasSize(1);
            String key = "new_mention:task-" + opened.get(0);
            var stored = earshot.database().inTransaction(c -> new org.earshot.store.AlertStore().find(c, key)).orElseThrow();
            assertThat(stored.alert().link()).isEqualTo("https://queue.example/tasks/" + opened.get(0));
            assertThat(earshot.alerts().raise(stored.alert())).isFalse();
        }
    }
}
