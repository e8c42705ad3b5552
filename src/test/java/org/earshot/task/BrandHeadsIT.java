package org.earshot.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.EarshotConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorFactory;
import org.earshot.domain.Author;
import org.earshot.domain.Channel;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Sentiment;
import org.earshot.scoring.model.LearnedNegativity;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.MutableClock;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brand's corrections refit that brand's negativity head (with the real e5 model), the model-scoring
 * job reads that brand's mentions with it, another brand's mentions keep the shipped head, and the head
 * is stored: a restart scores with the same numbers.
 */
class BrandHeadsIT {
    /** Factual "wrong thing arrived" complaints: the shipped head, trained on tone of voice, calls them mild. */
    private static final List<String> TAUGHT = List.of(
            "ordered a blue kettle and a red toaster arrived",
            "the parcel had someone else's shoes in it",
            "ordered size 10 boots, got size 6",
            "the box had a phone case in it, not the phone",
            "ordered two chairs, one arrived",
            "my order came with the wrong charger",
            "ordered a lamp and got a bag of screws",
            "the package I got was for a different address");
    private static final String NEW = "ordered a tv and received a box of rocks";

    @TempDir
    Path dir;

    private final InMemoryPlatform acme = new InMemoryPlatform();
    private final InMemoryPlatform globex = new InMemoryPlatform();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private String modelBefore;
    private Wiring earshot;
    private int nextId = 1;

    @BeforeEach
    void openWithTheLearnedModel() {
        modelBefore = System.getProperty(LearnedNegativity.PROPERTY);
        System.setProperty(LearnedNegativity.PROPERTY, "learned");
        earshot = open();
    }

    @AfterEach
    void close() {
        earshot.close();
        if (modelBefore == null) {
            System.clearProperty(LearnedNegativity.PROPERTY);
        } else {
            System.setProperty(LearnedNegativity.PROPERTY, modelBefore);
        }
    }

    /** Two brands, each heard by its own connector: acme on "acme-social", globex on "globex-social". */
    private Wiring open() {
        EarshotConfig base = acme.configWithDatabaseIn(dir);
        BrandConfig globexBrand = new BrandConfig("globex", "Globex", List.of("globex"), List.of("@globex"),
                List.of(), List.of(), List.of(), List.of("globex"));
        List<BrandConfig> brands = new java.util.ArrayList<>(base.brands());
        brands.add(globexBrand);
        Map<String, ConnectorConfig> connectors = new java.util.LinkedHashMap<>();
        for (String brand : List.of("acme", "globex")) {
            String id = brand + "-social";
            connectors.put(id, new ConnectorConfig(id, "memory", brand, true, Duration.ofSeconds(5),
                    new ConfigNode(base.file(), "connectors." + id, null)));
        }
        EarshotConfig config = new EarshotConfig(base.file(), base.storage(), base.web(), brands, connectors,
                base.serviceLevels(), base.slack(), base.policy());
        ConnectorFactory both = new ConnectorFactory() {
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
                InMemoryPlatform platform = c.brand().equals("acme") ? acme : globex;
                return new Connector(c.id(), Platform.MASTODON, c.brand(), c.schedule(), platform, platform);
            }
        };
        return new Wiring(config, List.of(both), clock, Wiring.Timings.DEFAULT);
    }

    /** A mention heard by the brand's connector and read by the model-scoring job. */
    private ResponseTask hear(String brand, String text) {
        String id = String.valueOf(nextId++);
        (brand.equals("acme") ? acme : globex).posts.add(new IncomingMention(Platform.MASTODON, brand + id,
                new Author("dana" + brand + id + "@mastodon.example", "Dana", 120), text, "", clock.instant(), "",
                Map.of()));
        List<Long> opened = earshot.pollOnce(brand + "-social").newTaskIds();
        assertThat(opened).hasSize(1);
        earshot.scoreWithModelOnce();
        return earshot.queries().get(opened.get(0));
    }

    private void teachAcmeThatAWrongDeliveryIsNegative() {
        for (String text : TAUGHT) {
            ResponseTask t = hear("acme", text);
            earshot.corrections().correct(t.id(), Sentiment.NEGATIVE, null, "lee");
        }
    }

    @Test
    void aBrandsCorrectionsRaiseItsOwnScoresAndLeaveTheOtherBrandsAlone() {
        double acmeBefore = hear("acme", NEW).score().negativity();
        double globexBefore = hear("globex", NEW).score().negativity();
        assertThat(acmeBefore).isEqualTo(globexBefore);

        teachAcmeThatAWrongDeliveryIsNegative();

        ResponseTask acmeAfter = hear("acme", NEW);
        ResponseTask globexAfter = hear("globex", NEW);
        System.out.printf("'%s': before %.3f; after acme's corrections acme %.3f %s, globex %.3f %s%n", NEW,
                acmeBefore, acmeAfter.score().negativity(), acmeAfter.score().sentiment(),
                globexAfter.score().negativity(), globexAfter.score().sentiment());
        assertThat(acmeAfter.score().negativity()).isGreaterThan(acmeBefore + 0.05);
        assertThat(acmeAfter.score().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(acmeAfter.score().reasons()).anyMatch(r -> r.startsWith("negative by the brand's corrections"));
        assertThat(globexAfter.score().reasons()).noneMatch(r -> r.contains("brand's corrections"));
        assertThat(globexAfter.score().negativity()).isEqualTo(globexBefore);
        assertThat(earshot.brandHeads().orElseThrow().current().brands()).containsExactly("acme");
    }

    @Test
    void aBrandsHeadIsStoredSoARestartScoresItsMentionsTheSame() {
        teachAcmeThatAWrongDeliveryIsNegative();
        double beforeRestart = hear("acme", NEW).score().negativity();

        earshot.close();
        earshot = open();
        assertThat(earshot.brandHeads().orElseThrow().current().brands()).containsExactly("acme");
        assertThat(hear("acme", NEW).score().negativity()).isEqualTo(beforeRestart);
        assertThat(earshot.refreshSharedStateOnce()).isFalse();
    }

    @Test
    void aCorrectionThatLeavesSentimentAloneFitsNoHead() {
        ResponseTask t = hear("acme", TAUGHT.get(0));
        earshot.corrections().correct(t.id(), null, org.earshot.domain.UrgencyLevel.HIGH, "lee");
        assertThat(earshot.brandHeads().orElseThrow().current().brands()).isEmpty();
    }
}
