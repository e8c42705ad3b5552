package org.earshot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.AlertRoute;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.EarshotConfig;
import org.earshot.demo.DemoEnvironment;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.testing.CapturedLog;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon on the demo's simulated platforms, every secret of its config set (tokens, app passwords,
 * client secrets, mail passwords, the API token, the Slack webhooks' paths), run through polls on every
 * platform, a refused token, posts on every platform and alerts sent to Slack: none of those secrets is
 * in what it logged.
 */
class NoSecretInLogsIT {
    @TempDir
    Path dir;

    /** Every value under a key that holds a secret, in every connector's settings. */
    private static List<String> secretsOf(EarshotConfig config) {
        List<String> secrets = new ArrayList<>();
        for (ConnectorConfig c : config.connectors().values()) {
            collect(c.settings().raw(), "", secrets);
        }
        secrets.add(config.web().apiToken());
        for (AlertRoute route : config.alerts().routes()) {
            // The path is the webhook's secret; the host is not.
            secrets.add(route.webhookUrl().substring(route.webhookUrl().indexOf("/services/")));
        }
        return secrets.stream().filter(s -> s.length() >= 8).distinct().toList();
    }

    private static void collect(JsonNode node, String key, List<String> secrets) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                collect(f.getValue(), f.getKey(), secrets);
            }
        } else if (node.isTextual() && key.matches("(?i).*(token|password|secret|apikey).*")) {
            secrets.add(node.asText());
        }
    }

    @Test
    void noConfiguredSecretAppearsInTheLogOfPollsPostsErrorsAndAlerts() {
        String logged;
        List<String> secrets;
        try (CapturedLog log = new CapturedLog();
             DemoEnvironment demo = DemoEnvironment.start(Path.of("config/demo.yaml"), Path.of("wiremock"),
                     dir.resolve("data"), false, 0)) {
            secrets = secretsOf(demo.config());
            try (Wiring earshot = new Wiring(demo.config(), Wiring.CONNECTOR_FACTORIES,
                    new MutableClock(Instant.now()), Wiring.Timings.DEFAULT)) {
                earshot.startWeb();
                for (String id : earshot.connectorIds()) {
                    earshot.pollOnce(id); // mastodon-campaign's token is refused: an error, logged
                }
                List<ResponseTask> open = earshot.queries().list(EnumSet.of(TaskState.NEW), 500);
                // One reply a platform that can take one, so that every publisher logs a post.
                List<ResponseTask> approved = open.stream().filter(t -> !t.isIncident() && !t.draft().text().isBlank())
                        .collect(java.util.stream.Collectors.toMap(t -> t.mention().platform(), t -> t, (a, b) -> a))
                        .values().stream().map(t -> earshot.approvals().approve(t.id(), null, "sam", true)).toList();
                int posted = earshot.dispatchDue() + earshot.dispatchDue();
                assertThat(posted).as("blocks posted for %s (of %s open)", approved.stream()
                        .map(t -> t.id() + " " + t.state()).toList(), open.size()).isPositive();
                earshot.runAlertTriggersOnce();
                earshot.deliverAlertsDue();
            }
            logged = log.text();
        }
        assertThat(secrets).as("the demo config's secrets").hasSizeGreaterThanOrEqualTo(8)
                .contains("demo-client-secret", "revoked-demo-token", "/services/T000/B000/urgent");
        assertThat(logged).contains("poll failed").contains("reply posted on mastodon");
        for (String secret : secrets) {
            assertThat(logged).as("the log holds the secret '%s'", secret).doesNotContain(secret);
        }
    }
}
