package org.earshot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earshot.alert.RouteHealth;
import org.earshot.config.AlertRoute;
import org.earshot.config.AlertsConfig;
import org.earshot.config.BusinessHours;
import org.earshot.config.EarshotConfig;
import org.earshot.config.SpikeRule;
import org.earshot.config.StorageConfig;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Platform;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.Database;
import org.earshot.testing.MutableClock;
import org.earshot.testing.StoredTasks;
import org.earshot.testing.TestConfigs;
import org.earshot.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the nodes of a cluster share lives in the database: two nodes on one PostgreSQL schema (see
 * {@link TestPostgres}) score with the same team model once either took a correction, and a Slack route
 * one node found gone is stopped on the other too, with WireMock as Slack.
 */
class ClusterStateIT {
    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-18T12:00:00Z"));
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private EarshotConfig config(StorageConfig storage) {
        EarshotConfig base = TestPostgres.on(storage, TestConfigs.withDatabaseIn(dir));
        AlertRoute urgent = new AlertRoute("urgent", slack.baseUrl() + "/services/T000/B000/urgent", List.of(),
                List.of(), List.of("new_mention"), UrgencyLevel.NORMAL, null, false);
        return new EarshotConfig(base.file(), base.storage(), base.web(), base.brands(), base.connectors(),
                base.serviceLevels(), base.slack(), base.policy(), new AlertsConfig(List.of(urgent),
                BusinessHours.ALWAYS, SpikeRule.DEFAULT, Duration.ofMinutes(30), java.time.LocalTime.of(8, 0),
                "https://earshot.example"));
    }

    private Wiring node(EarshotConfig config) {
        Wiring node = new Wiring(config, List.of(), clock, Wiring.Timings.DEFAULT);
        running.add(node);
        return node;
    }

    private Alert mentionAlert(String key) {
        return new Alert(AlertKind.NEW_MENTION, key, "acme", Platform.MASTODON, UrgencyLevel.HIGH, "Stranded at FRA",
                "stranded at FRA since 6am", List.of(), "", null, clock.instant());
    }

    @Test
    void aCorrectionTakenOnOneNodeReachesTheOtherNodesTeamModelOnItsNextCheck() {
        EarshotConfig config = config(TestPostgres.freshSchema());
        Wiring first = node(config);
        Wiring second = node(config);
        long[] ids = new long[3];
        try (Database db = Database.open(config.storage())) {
            StoredTasks stored = new StoredTasks(db);
            for (int i = 0; i < ids.length; i++) {
                ids[i] = stored.task("acme", Platform.MASTODON, Sentiment.NEGATIVE, UrgencyLevel.NORMAL,
                        clock.instant(), List.of(), false);
            }
        }
        assertThat(second.refreshSharedStateOnce()).isFalse();

        for (long id : ids) {
            first.corrections().correct(id, Sentiment.POSITIVE, UrgencyLevel.LOW, "sam");
        }
        assertThat(second.corrections().model().size()).isZero();
        boolean rebuilt = second.refreshSharedStateOnce();

        assertThat(rebuilt).isTrue();
        assertThat(first.corrections().model().size()).isEqualTo(3);
        assertThat(second.corrections().model().size()).isEqualTo(3);
        assertThat(second.corrections().model().sentimentTerms(5))
                .isEqualTo(first.corrections().model().sentimentTerms(5));
        assertThat(second.refreshSharedStateOnce()).isFalse();
        assertThat(first.refreshSharedStateOnce()).isFalse();
    }

    @Test
    void aRouteOneNodeFoundGoneIsStoppedOnTheOtherNodeAndAfterARestart() {
        slack.stubFor(post(urlPathEqualTo("/services/T000/B000/urgent"))
                .willReturn(aResponse().withStatus(404).withBody("channel_not_found")));
        EarshotConfig config = config(TestPostgres.freshSchema());
        Wiring first = node(config);
        Wiring second = node(config);

        first.alerts().raise(mentionAlert("m-1"));
        first.deliverAlertsDue();
        second.alerts().raise(mentionAlert("m-2"));
        second.deliverAlertsDue();
        Wiring restarted = node(config);
        restarted.alerts().raise(mentionAlert("m-3"));
        restarted.deliverAlertsDue();

        slack.verify(1, postRequestedFor(urlPathEqualTo("/services/T000/B000/urgent")));
        for (Wiring node : List.of(first, second, restarted)) {
            assertThat(node.alertRouteHealth()).singleElement().satisfies(h -> {
                assertThat(h.stopped()).isTrue();
                assertThat(h.problem()).contains("404");
            });
        }
    }

    @Test
    void signInFailuresCountedOnOneNodeHoldTheNameOffOnTheOtherNodeAndAfterARestart() {
        EarshotConfig config = config(TestPostgres.freshSchema());
        Wiring first = node(config);
        Wiring second = node(config);
        first.accounts().add("bea", org.earshot.domain.Role.APPROVER, "a long enough password");

        for (int i = 0; i < 3; i++) {
            assertWrongPassword(first, "10.0.0." + i);
        }
        for (int i = 3; i < 5; i++) {
            assertWrongPassword(second, "10.0.0." + i);
        }

        for (Wiring node : List.of(second, first, node(config))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            node.accounts().signIn("bea", "a long enough password", "10.0.0.9"))
                    .isInstanceOfSatisfying(org.earshot.account.SignInRefusedException.class, e -> {
                        assertThat(e.throttled()).isTrue();
                        assertThat(e.getMessage()).isEqualTo("too many failed sign-ins for 'bea': try again in 15 minutes");
                    });
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(second.accounts().signIn("bea", "a long enough password", "10.0.0.9").account().name())
                .isEqualTo("bea");
    }

    private static void assertWrongPassword(Wiring node, String address) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.accounts().signIn("bea", "wrong", address))
                .isInstanceOfSatisfying(org.earshot.account.SignInRefusedException.class,
                        e -> assertThat(e.throttled()).isFalse());
    }
}
