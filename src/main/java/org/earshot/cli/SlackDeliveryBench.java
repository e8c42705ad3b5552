package org.earshot.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.earshot.Wiring;
import org.earshot.alert.AlertDispatcher;
import org.earshot.alert.AlertRouter;
import org.earshot.alert.MentionAlerts;
import org.earshot.alert.SlackMessage;
import org.earshot.alert.SlackWebhook;
import org.earshot.alert.StoredAlertSink;
import org.earshot.config.AlertRoute;
import org.earshot.config.AlertsConfig;
import org.earshot.config.BusinessHours;
import org.earshot.config.EarshotConfig;
import org.earshot.config.SpikeRule;
import org.earshot.connector.Connector;
import org.earshot.domain.UrgencyLevel;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpClientFactory;
import org.earshot.http.ResilienceSettings;
import org.earshot.intake.MentionIntake;
import org.earshot.store.AlertStore;
import org.earshot.store.Database;
import org.earshot.store.TaskStore;
import org.earshot.task.Backoff;

/**
 * The bench's line for a pressing mention's way from the start of the poll that hears it to the moment
 * a simulated Slack (WireMock in this process, over real HTTP) receives its message: intake, the
 * new-mention alert stored by the real sink, then the real dispatcher and webhook, run right after the
 * poll. In the daemon the dispatcher is a job, so the delivery schedule's wait comes on top; it is
 * printed after. Slack's own pace (about one message a second per webhook, which the daemon's rate
 * limiter keeps) is left out here: with it the bench would measure the limiter. Twenty mentions go
 * first, unmeasured, so the first connections and the JIT are not counted.
 */
final class SlackDeliveryBench {
    private static final int UNMEASURED = 20;

    private SlackDeliveryBench() {
    }

    /** @param pressing texts that score high or critical, used in turn */
    static void run(EarshotConfig config, int count, String... pressing) throws Exception {
        AtomicLong receivedAt = new AtomicLong();
        AtomicInteger received = new AtomicInteger();
        ServeEventListener stamp = new ServeEventListener() {
            @Override
            public String getName() {
                return "earshot-bench-received";
            }

            @Override
            public void beforeMatch(ServeEvent event, Parameters parameters) {
                receivedAt.set(System.nanoTime());
                received.incrementAndGet();
            }
        };
        WireMockServer slack = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort().extensions(stamp));
        slack.start();
        slack.stubFor(WireMock.post(WireMock.urlPathMatching("/services/.+"))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("ok")));
        Clock clock = Clock.systemUTC();
        try (BenchDatabase bench = BenchDatabase.open(config, "earshot-bench-slack", clock);
             CloseableHttpClient client = HttpClientFactory.withDefaults().create()) {
            Database db = bench.db;
            TaskStore tasks = bench.tasks;
            MentionIntake intake = bench.intake;
            String queueUrl = config.alerts().queueUrl();
            AlertsConfig alerting = new AlertsConfig(List.of(new AlertRoute("bench", "http://127.0.0.1:" + slack.port()
                    + "/services/T000/B000/bench", List.of(), List.of(), List.of(), UrgencyLevel.HIGH, null, false)),
                    BusinessHours.ALWAYS, SpikeRule.DEFAULT, Duration.ofMinutes(30), LocalTime.of(8, 0),
                    queueUrl);
            AlertRouter router = new AlertRouter(alerting);
            AlertStore store = new AlertStore();
            MentionAlerts mentionAlerts = new MentionAlerts(db, tasks, new StoredAlertSink(db, store, router, clock),
                    queueUrl, clock);
            ConnectorResilience resilience = new ConnectorResilience("slack", client,
                    ResilienceSettings.defaults(1_000_000, Duration.ofSeconds(1)), Wiring.SLACK_RATE_LIMIT, clock);
            AlertDispatcher dispatcher = new AlertDispatcher(db, store, router, new SlackWebhook(client, resilience,
                    clock), new SlackMessage(queueUrl, ZoneOffset.UTC), clock, Duration.ofMinutes(2), Backoff.DELIVERY);
            Connector connector = PressingMentions.connector("slack", pressing);
            Runnable oneMention = () -> {
                mentionAlerts.raiseFor(intake.pollOnce(connector).newTaskIds());
                dispatcher.dispatchDue();
            };
            for (int i = 0; i < UNMEASURED; i++) {
                oneMention.run();
            }
            long[] latencies = new long[count];
            int missed = 0;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                int before = received.get();
                long t0 = System.nanoTime();
                oneMention.run();
                if (received.get() == before) {
                    missed++;
                }
                latencies[i] = receivedAt.get() - t0;
            }
            long elapsed = System.nanoTime() - start;
            BenchCommand.report("poll→Slack (H2, WireMock)", count - missed, elapsed, latencies);
            Duration period = Wiring.Timings.DEFAULT.alertDeliveryInterval();
            System.out.printf(Locale.ROOT, "  + the daemon's delivery job runs every %.1f s: it adds 0 to %.1f s "
                    + "(%.1f s on average)%s%n", period.toMillis() / 1e3, period.toMillis() / 1e3,
                    period.toMillis() / 2e3, missed == 0 ? "" : "; " + missed + " mention(s) reached no Slack message");
        } finally {
            slack.stop();
        }
    }
}
