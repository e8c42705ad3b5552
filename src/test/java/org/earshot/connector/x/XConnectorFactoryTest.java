package org.earshot.connector.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.earshot.connector.Connector;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

class XConnectorFactoryTest {

    @Test
    void buildsAnXConnectorForTheConfiguredIdBrandAndSchedule() {
        XConnectorFactory factory = new XConnectorFactory();

        Connector connector = factory.create(XFixtures.config(XFixtures.settings("https://api.x.com")), XFixtures.brand());

        assertThat(factory.type()).isEqualTo("x");
        assertThat(connector.id()).isEqualTo("x");
        assertThat(connector.platform()).isEqualTo(Platform.X);
        assertThat(connector.brand()).isEqualTo("acme");
        assertThat(connector.schedule()).isEqualTo(Duration.ofSeconds(60));
        assertThat(connector.source()).isInstanceOf(XMentionSource.class);
        assertThat(connector.publisher()).isInstanceOf(XReplyPublisher.class);
    }

    @Test
    void buildsTheV11ModeFromTheSameFactory() {
        Connector connector = new XConnectorFactory().create(XFixtures.config(XFixtures.settingsV1("https://api.x.com")),
                XFixtures.brand());

        assertThat(connector.platform()).isEqualTo(Platform.X);
        assertThat(connector.source()).isInstanceOf(XMentionSource.class);
    }

    @Test
    void loadingTheFactoryTurnsOffTheJdksHiddenResendOfPosts() {
        new XConnectorFactory();

        assertThat(System.getProperty(XV1Client.JDK_RETRY_POST)).isEqualTo("false");
    }
}
