package org.earshot.connector.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigException;
import org.earshot.connector.Connector;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

class BlueskyConnectorFactoryTest {

    @Test
    void buildsABlueskyConnectorForTheConfiguredIdBrandAndSchedule() {
        BlueskyConnectorFactory factory = new BlueskyConnectorFactory();

        Connector connector = factory.create(BlueskyFixtures.config(BlueskyFixtures.settings("https://bsky.social")),
                BlueskyFixtures.brand());

        assertThat(factory.type()).isEqualTo("bluesky");
        assertThat(connector.id()).isEqualTo("bluesky");
        assertThat(connector.platform()).isEqualTo(Platform.BLUESKY);
        assertThat(connector.brand()).isEqualTo("acme");
        assertThat(connector.schedule()).isEqualTo(Duration.ofSeconds(60));
        assertThat(connector.source()).isInstanceOf(BlueskyMentionSource.class);
        assertThat(connector.publisher()).isInstanceOf(BlueskyReplyPublisher.class);
    }

    @Test
    void somethingMustBeSearchedFor() {
        BrandConfig nameless = new BrandConfig("acme", "Acme Air", List.of(), List.of("@acmeair@mastodon.example"),
                List.of(), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> new BlueskyConnectorFactory().create(
                BlueskyFixtures.config(BlueskyFixtures.settings("https://bsky.social")), nameless))
                .isInstanceOf(ConfigException.class)
                .hasMessage("earshot.yaml: connectors.bluesky.queries is not set and brand 'acme' has no keywords,"
                        + " hashtags or handles, so there is nothing to search for");
    }
}
