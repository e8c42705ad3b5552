package org.earshot.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.earshot.Wiring;
import org.earshot.config.EarshotConfig;
import org.earshot.domain.UrgencyLevel;
import org.earshot.testing.MutableClock;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The alert sink and dispatcher as Wiring builds them for the daemon. */
class WiredAlertsIT {
    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/slack"))
            .build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(AlertFixtures.WEDNESDAY_NOON);

    private Wiring open() {
        EarshotConfig base = TestConfigs.withDatabaseIn(dir);
        EarshotConfig config = new EarshotConfig(base.file(), base.storage(), base.web(), base.brands(),
                base.connectors(), base.serviceLevels(), base.slack(), base.policy(),
                AlertFixtures.exampleConfig(slack.baseUrl()));
        return new Wiring(config, List.of(), clock,
                Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)));
    }

    @Test
    void anAlertRaisedOnTheWiredSinkIsSentOnceAcrossARestart() {
        try (Wiring earshot = open()) {
            assertThat(earshot.alerts().raise(AlertFixtures.mention("m-1", UrgencyLevel.HIGH, clock.instant()))).isTrue();
            assertThat(earshot.deliverAlertsDue()).isEqualTo(1);
            assertThat(earshot.alertRouteHealth()).extracting(RouteHealth::route).containsExactly("urgent", "team");
        }
        try (Wiring restarted = open()) {
            assertThat(restarted.alerts().raise(AlertFixtures.mention("m-1", UrgencyLevel.HIGH, clock.instant())))
                    .isFalse();
            clock.advance(Duration.ofHours(1));
            assertThat(restarted.deliverAlertsDue()).isZero();
        }
        slack.verify(1, postRequestedFor(urlPathEqualTo("/services/T000/B000/urgent")));
    }
}
