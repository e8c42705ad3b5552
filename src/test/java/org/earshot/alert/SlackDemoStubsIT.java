package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.earshot.config.AlertRoute;
import org.earshot.demo.DemoEnvironment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpClientFactory;
import org.earshot.http.RateLimitHeaders;
import org.earshot.http.ResilienceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo serves wiremock/slack and routes its alerts there, so alerts are captured, not lost. */
class SlackDemoStubsIT {
    @TempDir
    Path dir;

    @Test
    void theDemoRoutesAlertsToTheSimulatedSlackWhichTakesThem() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(Path.of("config/demo.yaml"), Path.of("wiremock"),
                dir.resolve("data"), false, 0);
             CloseableHttpClient client = HttpClientFactory.withDefaults().create()) {
            WireMockServer slack = demo.platforms().get("slack");
            String slackUrl = "http://127.0.0.1:" + slack.port();
            assertThat(demo.config().alerts().routes()).extracting(AlertRoute::webhookUrl).containsExactly(
                    slackUrl + "/services/T000/B000/urgent", slackUrl + "/services/T000/B000/team");

            SlackWebhook webhook = new SlackWebhook(client, new ConnectorResilience("slack", client,
                    ResilienceSettings.defaults(10, Duration.ofSeconds(10)), new RateLimitHeaders.Scheme(
                            "X-RateLimit-Remaining", "X-RateLimit-Reset", RateLimitHeaders.ResetFormat.SECONDS_UNTIL),
                    Clock.systemUTC()), Clock.systemUTC());
            String json = new SlackMessage(demo.config().alerts().queueUrl(), AlertFixtures.LONDON)
                    .single(AlertFixtures.mention("m-1", UrgencyLevel.HIGH, AlertFixtures.WEDNESDAY_NOON));

            assertThat(webhook.post(demo.config().alerts().routes().get(0).webhookUrl(), json))
                    .isInstanceOf(SlackWebhook.Sent.class);
            assertThat(slack.getAllServeEvents()).hasSize(1);
        }
    }
}
