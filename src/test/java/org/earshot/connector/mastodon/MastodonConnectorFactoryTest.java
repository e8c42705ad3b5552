package org.earshot.connector.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.earshot.connector.Connector;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

class MastodonConnectorFactoryTest {

    @Test
    void buildsAMastodonConnectorForTheConfiguredIdBrandAndSchedule() {
        MastodonConnectorFactory factory = new MastodonConnectorFactory();

        Connector connector = factory.create(
                MastodonFixtures.config(MastodonFixtures.settings("https://mastodon.example")), MastodonFixtures.brand());

        assertThat(factory.type()).isEqualTo("mastodon");
        assertThat(connector.id()).isEqualTo("mastodon");
        assertThat(connector.platform()).isEqualTo(Platform.MASTODON);
        assertThat(connector.brand()).isEqualTo("acme");
        assertThat(connector.schedule()).isEqualTo(Duration.ofSeconds(60));
        assertThat(connector.source()).isInstanceOf(MastodonMentionSource.class);
        assertThat(connector.publisher()).isInstanceOf(MastodonReplyPublisher.class);
    }
}
