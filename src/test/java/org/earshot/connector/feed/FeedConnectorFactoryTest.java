package org.earshot.connector.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigException;
import org.earshot.connector.Connector;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

class FeedConnectorFactoryTest {
    private static final BrandConfig NAMELESS = new BrandConfig("acme", "Acme Air", List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of());

    @Test
    void buildsAReadOnlyFeedConnectorForTheConfiguredIdBrandAndSchedule() {
        FeedConnectorFactory factory = new FeedConnectorFactory();

        Connector connector = factory.create(FeedFixtures.config(FeedFixtures.settings("https://feeds.example")),
                FeedFixtures.brand());

        assertThat(factory.type()).isEqualTo("feed");
        assertThat(connector.id()).isEqualTo("news");
        assertThat(connector.platform()).isEqualTo(Platform.RSS);
        assertThat(connector.brand()).isEqualTo("acme");
        assertThat(connector.schedule()).isEqualTo(Duration.ofMinutes(15));
        assertThat(connector.source()).isInstanceOf(FeedMentionSource.class);
        assertThat(connector.publisher()).isInstanceOf(FeedReplyPublisher.class);
    }

    @Test
    void matchingTheBrandNeedsTermsToMatch() {
        assertThatThrownBy(() -> new FeedConnectorFactory().create(
                FeedFixtures.config(FeedFixtures.settings("https://feeds.example")), NAMELESS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("earshot.yaml: connectors.news.matchBrand is true but brand 'acme' has no keywords,"
                        + " handles or hashtags to match; set matchBrand: false for feeds that are all about the brand");
    }

    @Test
    void feedsAllAboutTheBrandNeedNoTerms() {
        var settings = FeedFixtures.settings("https://feeds.example");
        settings.put("matchBrand", false);

        assertThat(new FeedConnectorFactory().create(FeedFixtures.config(settings), NAMELESS).platform())
                .isEqualTo(Platform.RSS);
    }
}
