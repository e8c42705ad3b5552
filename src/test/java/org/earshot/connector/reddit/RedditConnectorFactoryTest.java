package org.earshot.connector.reddit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigException;
import org.earshot.connector.Connector;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

class RedditConnectorFactoryTest {

    @Test
    void buildsARedditConnectorForTheConfiguredIdBrandAndSchedule() {
        RedditConnectorFactory factory = new RedditConnectorFactory();

        Connector connector = factory.create(RedditFixtures.config(RedditFixtures.settings("https://reddit.example")),
                RedditFixtures.brand());

        assertThat(factory.type()).isEqualTo("reddit");
        assertThat(connector.id()).isEqualTo("reddit");
        assertThat(connector.platform()).isEqualTo(Platform.REDDIT);
        assertThat(connector.brand()).isEqualTo("acme");
        assertThat(connector.schedule()).isEqualTo(Duration.ofSeconds(60));
        assertThat(connector.source()).isInstanceOf(RedditMentionSource.class);
        assertThat(connector.publisher()).isInstanceOf(RedditReplyPublisher.class);
    }

    @Test
    void aBrandWithNothingToSearchForStopsTheStartNamingTheKey() {
        BrandConfig silent = new BrandConfig("acme", "Acme Air", List.of(), List.of("@acmeair@mastodon.example"),
                List.of(), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> new RedditConnectorFactory().create(
                RedditFixtures.config(RedditFixtures.settings("https://reddit.example")), silent))
                .isInstanceOf(ConfigException.class)
                .hasMessage("earshot.yaml: connectors.reddit.brand names brand 'acme', which has no keywords,"
                        + " handles or hashtags to search Reddit for");
    }
}
