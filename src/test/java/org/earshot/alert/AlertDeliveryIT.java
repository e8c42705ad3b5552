package org.earshot.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.earshot.config.AlertsConfig;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.DeliveryState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpClientFactory;
import org.earshot.http.RateLimitHeaders;
import org.earshot.http.ResilienceSettings;
import org.earshot.store.AlertStore;
import org.earshot.store.AlertStore.StoredAlert;
import org.earshot.store.Database;
import org.earshot.task.Backoff;
import org.earshot.testing.MutableClock;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Alerts raised, stored and delivered to WireMock standing in for Slack, on a clock the test moves. */
class AlertDeliveryIT {
    private static final String URGENT = "/services/T000/B000/urgent";
    private static final String TEAM = "/services/T000/B000/team";
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/slack"))
            .build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(AlertFixtures.WEDNESDAY_NOON);
    private final AlertStore store = new AlertStore();
    private Database db;
    private CloseableHttpClient client;
    private AlertRouter router;
    private StoredAlertSink sink;
    private AlertDispatcher dispatcher;

    @BeforeEach
    void start() {
        db = Database.open(TestConfigs.h2In(dir));
        client = HttpClientFactory.withDefaults().create();
        AlertsConfig config = AlertFixtures.exampleConfig(slack.baseUrl());
        router = new AlertRouter(config);
        sink = new StoredAlertSink(db, store, router, clock);
        dispatcher = newDispatcher();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        db.close();
    }

    /** A dispatcher as a freshly started process builds it: its own Slack resilience, the same database. */
    private AlertDispatcher newDispatcher() {
        ConnectorResilience resilience = new ConnectorResilience("slack", client,
                // The circuit breaker pauses in real time; the test's clock does not move it.
                new ResilienceSettings(1, Duration.ofSeconds(1), Duration.ZERO, 100, Duration.ofSeconds(1),
                        Duration.ofMillis(1)),
                new RateLimitHeaders.Scheme("X-RateLimit-Remaining", "X-RateLimit-Reset",
                        RateLimitHeaders.ResetFormat.SECONDS_UNTIL), clock);
        return new AlertDispatcher(db, store, router, new SlackWebhook(client, resilience, clock),
                new SlackMessage(AlertFixtures.QUEUE, AlertFixtures.LONDON), clock, LEASE, Backoff.DELIVERY.startingAt(FIRST_BACKOFF));
    }

    private StoredAlert stored(String key) {
        return db.inTransaction(c -> store.find(c, key)).orElseThrow();
    }

    private static MappingBuilder urgentAnswers(int status, String body) {
        return post(urlPathEqualTo(URGENT)).atPriority(1).willReturn(aResponse().withStatus(status).withBody(body));
    }

    private void verifyUrgentPosts(int count) {
        slack.verify(count, postRequestedFor(urlPathEqualTo(URGENT)));
    }

    private Alert high(String key) {
        return AlertFixtures.mention(key, UrgencyLevel.HIGH, clock.instant());
    }

    @Test
    void anAlertIsPostedAsBlockKitWithALinkToItsTaskAndMarkedSent() {
        assertThat(sink.raise(high("m-1"))).isTrue();

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        slack.verify(1, postRequestedFor(urlPathEqualTo(URGENT))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.blocks[0].type", equalTo("header")))
                .withRequestBody(matchingJsonPath("$.blocks[3].elements[0].url",
                        equalTo(AlertFixtures.QUEUE + "/tasks/42"))));
        StoredAlert sent = stored("m-1");
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.route()).isEqualTo("urgent");
        assertThat(sent.sentAt()).isEqualTo(AlertFixtures.WEDNESDAY_NOON);
    }

    @Test
    void raisingIsOnlyStoringNothingReachesSlackUntilTheDispatcherRuns() {
        sink.raise(high("m-1"));

        verifyUrgentPosts(0);
        assertThat(stored("m-1").state()).isEqualTo(DeliveryState.PENDING);
    }

    @Test
    void theSameDedupKeyRaisedTwiceSendsOneMessage() {
        assertThat(sink.raise(high("m-1"))).isTrue();
        assertThat(sink.raise(high("m-1"))).isFalse();
        dispatcher.dispatchDue();
        assertThat(sink.raise(high("m-1"))).isFalse();
        dispatcher.dispatchDue();

        verifyUrgentPosts(1);
    }

    @Test
    void anAlertNoRouteTakesIsStoredAsDroppedAndNeverSent() {
        sink.raise(AlertFixtures.mention("low-1", UrgencyLevel.LOW, clock.instant()));
        dispatcher.dispatchDue();

        StoredAlert dropped = stored("low-1");
        assertThat(dropped.state()).isEqualTo(DeliveryState.DROPPED);
        assertThat(dropped.dropReason()).isEqualTo("no route");
        assertThat(dropped.route()).isNull();
        slack.verify(0, postRequestedFor(urlPathMatching("/services/.*")));
    }

    @Test
    void alertsGoToTheirRoutesWebhook() {
        sink.raise(high("m-1"));
        sink.raise(AlertFixtures.of(AlertKind.SLA_WARNING, "w-1", clock.instant()));
        dispatcher.dispatchDue();

        verifyUrgentPosts(1);
        slack.verify(1, postRequestedFor(urlPathEqualTo(TEAM))
                .withRequestBody(matchingJsonPath("$.blocks[0].text.text", equalTo("sla_warning w-1"))));
    }

    @Test
    void quietHoursHoldANonCriticalAlertUntilTheyEndButSendACriticalOneAtOnce() {
        clock.advance(Duration.ofHours(11)); // Wednesday 23:00 in London
        sink.raise(high("held"));
        sink.raise(AlertFixtures.mention("critical", UrgencyLevel.CRITICAL, clock.instant()));

        dispatcher.dispatchDue();
        verifyUrgentPosts(1);
        slack.verify(postRequestedFor(urlPathEqualTo(URGENT))
                .withRequestBody(matchingJsonPath("$.blocks[0].text.text", equalTo("Stranded at FRA"))));
        assertThat(stored("held").state()).isEqualTo(DeliveryState.PENDING);

        clock.advance(Duration.ofHours(8).minusSeconds(1)); // 06:59:59
        dispatcher.dispatchDue();
        verifyUrgentPosts(1);

        clock.advance(Duration.ofSeconds(1)); // 07:00, quiet hours are over
        dispatcher.dispatchDue();
        verifyUrgentPosts(2);
        assertThat(stored("held").state()).isEqualTo(DeliveryState.SENT);
        assertThat(stored("held").sentAt()).isEqualTo(Instant.parse("2026-11-19T07:00:00Z"));
    }

    @Test
    void aBusinessHoursOnlyRouteSendsWhatCameAtTheWeekendOnMondayMorning() {
        clock.advance(Duration.ofDays(3).minusHours(2)); // Saturday 10:00
        sink.raise(AlertFixtures.of(AlertKind.FOLLOW_UP_DUE, "f-1", clock.instant()));

        dispatcher.dispatchDue();
        slack.verify(0, postRequestedFor(urlPathEqualTo(TEAM)));

        clock.advance(Duration.ofHours(47)); // Monday 09:00
        dispatcher.dispatchDue();
        slack.verify(1, postRequestedFor(urlPathEqualTo(TEAM)));
    }

    @Test
    void a429WaitsAsLongAsRetryAfterSaysThenSends() {
        StubMapping limited = slack.stubFor(post(urlPathEqualTo(URGENT)).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "90").withBody("rate_limited")));
        sink.raise(high("m-1"));

        dispatcher.dispatchDue();
        StoredAlert waiting = stored("m-1");
        assertThat(waiting.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(AlertFixtures.WEDNESDAY_NOON.plusSeconds(90));
        assertThat(waiting.lastError()).contains("429");

        slack.removeStub(limited);
        clock.advance(Duration.ofSeconds(89));
        dispatcher.dispatchDue();
        verifyUrgentPosts(1);

        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        verifyUrgentPosts(2);
        assertThat(stored("m-1").state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void aServerErrorIsRetriedWithExponentialBackoffUntilSlackRecovers() {
        StubMapping down = slack.stubFor(urgentAnswers(500, "rollup_error"));
        sink.raise(high("m-1"));

        dispatcher.dispatchDue();
        assertThat(stored("m-1").nextAttemptAt()).isEqualTo(clock.instant().plus(FIRST_BACKOFF));
        clock.advance(FIRST_BACKOFF);
        dispatcher.dispatchDue();
        assertThat(stored("m-1").nextAttemptAt()).isEqualTo(clock.instant().plus(FIRST_BACKOFF.multipliedBy(2)));
        verifyUrgentPosts(2);
        assertThat(dispatcher.routeHealth().get(0).problem()).contains("HTTP 500").contains("rollup_error");
        assertThat(dispatcher.routeHealth().get(0).stopped()).isFalse();
        assertThat(dispatcher.routeHealth().get(0).pending()).isEqualTo(1);
        assertThat(dispatcher.routeHealth().get(0).lastDelivery()).isNull();

        slack.removeStub(down);
        clock.advance(FIRST_BACKOFF.multipliedBy(2));
        dispatcher.dispatchDue();
        assertThat(dispatcher.routeHealth().get(0).ok()).isTrue();
        // Recovered: nothing waits, the delivery is on record, and the last error stays for whoever looks.
        assertThat(dispatcher.routeHealth().get(0).pending()).isZero();
        assertThat(dispatcher.routeHealth().get(0).lastDelivery()).isEqualTo(clock.instant());
        assertThat(dispatcher.routeHealth().get(0).lastError()).contains("HTTP 500");

        verifyUrgentPosts(3);
        assertThat(stored("m-1").state()).isEqualTo(DeliveryState.SENT);
        assertThat(stored("m-1").attempts()).isEqualTo(3);
    }

    @Test
    void aBrokenConnectionIsRetriedLater() {
        slack.stubFor(post(urlPathEqualTo(URGENT)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        sink.raise(high("m-1"));

        dispatcher.dispatchDue();

        assertThat(stored("m-1").state()).isEqualTo(DeliveryState.PENDING);
        assertThat(stored("m-1").nextAttemptAt()).isEqualTo(clock.instant().plus(FIRST_BACKOFF));
        verifyUrgentPosts(1);
    }

    @Test
    void channelNotFoundStopsTheRouteDropsItsAlertsAndShowsOnRouteHealth() {
        slack.stubFor(urgentAnswers(404, "channel_not_found"));
        sink.raise(high("m-1"));
        sink.raise(high("m-2"));

        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(5));
        sink.raise(high("m-3"));
        dispatcher.dispatchDue();

        verifyUrgentPosts(1);
        for (String key : new String[] {"m-1", "m-2", "m-3"}) {
            assertThat(stored(key).state()).isEqualTo(DeliveryState.DROPPED);
            assertThat(stored(key).dropReason()).contains("404").contains("channel_not_found");
        }
        assertThat(dispatcher.routeHealth()).extracting(RouteHealth::route, RouteHealth::problem, RouteHealth::stopped,
                RouteHealth::lastError, RouteHealth::pending).containsExactly(
                tuple("urgent", "Slack answered HTTP 404 channel_not_found", true,
                        "Slack answered HTTP 404 channel_not_found", 0L),
                tuple("team", "", false, "", 0L));
    }

    @Test
    void anArchivedChannelOrAForbiddenWebhookStopsTheRouteToo() {
        slack.stubFor(urgentAnswers(410, "channel_is_archived"));
        slack.stubFor(post(urlPathEqualTo(TEAM)).atPriority(1)
                .willReturn(aResponse().withStatus(403).withBody("action_prohibited")));
        sink.raise(high("m-1"));
        sink.raise(AlertFixtures.of(AlertKind.SLA_WARNING, "w-1", clock.instant()));

        dispatcher.dispatchDue();

        assertThat(dispatcher.routeHealth()).allMatch(h -> !h.ok() && h.stopped());
    }

    @Test
    void anInvalidPayloadDropsThatAlertOnlyAndTheRouteGoesOn() {
        slack.stubFor(post(urlPathEqualTo(URGENT)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.blocks[0].text.text", containing("bad")))
                .willReturn(aResponse().withStatus(400).withBody("invalid_payload")));
        sink.raise(new Alert(AlertKind.SPIKE, "bad", "acme", null, null, "bad", "", java.util.List.of(), "", null,
                clock.instant()));
        sink.raise(high("good"));

        dispatcher.dispatchDue();

        assertThat(stored("bad").state()).isEqualTo(DeliveryState.DROPPED);
        assertThat(stored("good").state()).isEqualTo(DeliveryState.SENT);
        assertThat(dispatcher.routeHealth().get(0).stopped()).isFalse();
    }

    @Test
    void aNewDispatcherOnTheSameDatabaseSendsNothingTwice() {
        sink.raise(high("m-1"));
        dispatcher.dispatchDue();

        AlertDispatcher afterRestart = newDispatcher();
        clock.advance(LEASE.multipliedBy(2));
        afterRestart.dispatchDue();

        verifyUrgentPosts(1);
    }

    @Test
    void anAlertClaimedByAProcessThatDiedIsSentOnceWhenItsLeaseEnds() {
        sink.raise(high("m-1"));
        long id = stored("m-1").id();
        Instant now = clock.instant();
        db.inTransaction(c -> store.claim(c, java.util.List.of(id), now, now.plus(LEASE)));

        AlertDispatcher afterRestart = newDispatcher();
        afterRestart.dispatchDue();
        verifyUrgentPosts(0);

        clock.advance(LEASE);
        afterRestart.dispatchDue();
        afterRestart.dispatchDue();
        verifyUrgentPosts(1);
    }

    /**
     * The known at-least-once window (README, alerts): incoming webhooks take no idempotency key, so a
     * process that dies after Slack's ok and before the alert is marked sent leaves it to go again.
     */
    @Test
    void aProcessThatDiesBetweenSlacksOkAndMarkingItSentSendsThatAlertOnceMoreAfterItsLease() {
        sink.raise(high("m-1"));
        StoredAlert alert = stored("m-1");
        Instant now = clock.instant();
        db.inTransaction(c -> store.claim(c, java.util.List.of(alert.id()), now, now.plus(LEASE)));
        SlackWebhook diedAfterThis = new SlackWebhook(client, new ConnectorResilience("slack", client,
                ResilienceSettings.defaults(100, Duration.ofSeconds(1)), new RateLimitHeaders.Scheme(
                        "X-RateLimit-Remaining", "X-RateLimit-Reset", RateLimitHeaders.ResetFormat.SECONDS_UNTIL),
                clock), clock);
        assertThat(diedAfterThis.post(slack.baseUrl() + URGENT,
                new SlackMessage(AlertFixtures.QUEUE, AlertFixtures.LONDON).single(alert.alert())))
                .isInstanceOf(SlackWebhook.Sent.class);

        AlertDispatcher afterRestart = newDispatcher();
        clock.advance(LEASE);
        afterRestart.dispatchDue();
        afterRestart.dispatchDue();

        verifyUrgentPosts(2);
        assertThat(stored("m-1").state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void alertsThatPiledUpWhileSlackWasDownGoAsOneMessage() {
        StubMapping down = slack.stubFor(urgentAnswers(500, "rollup_error"));
        for (int i = 1; i <= 7; i++) {
            sink.raise(high("m-" + i));
            dispatcher.dispatchDue();
            clock.advance(Duration.ofSeconds(1));
        }

        slack.removeStub(down);
        slack.resetRequests();
        clock.advance(Duration.ofMinutes(30));
        assertThat(dispatcher.dispatchDue()).isEqualTo(7);

        verifyUrgentPosts(1);
        slack.verify(postRequestedFor(urlPathEqualTo(URGENT)).withRequestBody(
                matchingJsonPath("$.blocks[0].text.text", equalTo("7 alerts while Slack was unreachable"))));
        for (int i = 1; i <= 7; i++) {
            assertThat(stored("m-" + i).state()).isEqualTo(DeliveryState.SENT);
        }
    }

    @Test
    void aSpikeStaysItsOwnMessageWhenTheRestFoldAndTheFoldShowsTheCriticalOneFirst() {
        for (int i = 1; i <= 7; i++) {
            sink.raise(high("m-" + i));
        }
        sink.raise(AlertFixtures.mention("m-critical", UrgencyLevel.CRITICAL, clock.instant()));
        sink.raise(new Alert(AlertKind.SPIKE, "spike-1", "acme", null, UrgencyLevel.HIGH,
                "22 negative mentions of acme in the last 1h", "", java.util.List.of(), "", null, clock.instant()));

        assertThat(dispatcher.dispatchDue()).isEqualTo(9);

        verifyUrgentPosts(2);
        slack.verify(postRequestedFor(urlPathEqualTo(URGENT)).withRequestBody(
                matchingJsonPath("$.text", containing("22 negative mentions of acme"))));
        slack.verify(postRequestedFor(urlPathEqualTo(URGENT))
                .withRequestBody(matchingJsonPath("$.blocks[0].text.text", equalTo("8 alerts due at once on this channel")))
                .withRequestBody(matchingJsonPath("$.blocks[1].text.text", matching("(?s)• [^\\n]*\\[critical\\].*"))));
    }

    @Test
    void aFewDueAlertsStillGoOneByOneInTheOrderTheyWereRaised() {
        for (int i = 1; i <= 3; i++) {
            sink.raise(new Alert(AlertKind.SPIKE, "s-" + i, "acme", null, null, "spike " + i, "", java.util.List.of(),
                    "", null, clock.instant().plusSeconds(i)));
        }

        dispatcher.dispatchDue();

        assertThat(slack.findAll(postRequestedFor(urlPathEqualTo(URGENT))))
                .extracting(r -> r.getBodyAsString().replaceAll(".*\"header\",\"text\":\\{\"type\":\"plain_text\",\"text\":\"([^\"]+)\".*", "$1"))
                .containsExactly("spike 1", "spike 2", "spike 3");
    }
}
