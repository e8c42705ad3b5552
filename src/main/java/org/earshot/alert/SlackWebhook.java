package org.earshot.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.earshot.connector.ConnectorException;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;

/**
 * Posts one message to a Slack incoming webhook, once: the alert dispatcher repeats it later with
 * backoff. Every send goes through the "slack" rate limiter and circuit breaker.
 */
public final class SlackWebhook {

    /** What became of one send. */
    public sealed interface Outcome {
    }

    public record Sent() implements Outcome {
    }

    /** Slack could not take it now (429, 5xx, a broken connection); {@code notBefore} is Slack's own wait, if given. */
    public record TryLater(String reason, Optional<Instant> notBefore) implements Outcome {
    }

    /**
     * Slack refused it for good. {@code routeGone} when the webhook itself is unusable (403, 404,
     * 410): nothing more can go that way until the config changes.
     */
    public record Refused(String reason, boolean routeGone) implements Outcome {
    }

    private final CloseableHttpClient client;
    private final ConnectorResilience resilience;
    private final Clock clock;

    /** @param resilience the one "slack" retry, rate limiter and circuit breaker, built on {@code client} */
    public SlackWebhook(CloseableHttpClient client, ConnectorResilience resilience, Clock clock) {
        this.client = client;
        this.resilience = resilience;
        this.clock = clock;
    }

    public Outcome post(String webhookUrl, String json) {
        HttpPost post = new HttpPost(webhookUrl);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        HttpReply[] last = new HttpReply[1];
        HttpReply reply;
        try {
            reply = resilience.write("POST " + redacted(webhookUrl), () -> {
                last[0] = client.execute(post, HttpReply::read);
                return last[0];
            });
        } catch (ConnectorException e) {
            Optional<Instant> notBefore = last[0] != null && last[0].isTooManyRequests()
                    ? resilience.rateLimit(last[0]).notBefore().filter(at -> at.isAfter(clock.instant()))
                    : Optional.empty();
            return new TryLater(e.getMessage(), notBefore);
        }
        if (reply.isSuccess()) {
            return new Sent();
        }
        String reason = "Slack answered HTTP " + reply.status()
                + (reply.bodySnippet().isEmpty() ? "" : " " + reply.bodySnippet());
        int s = reply.status();
        return new Refused(reason, s == 403 || s == 404 || s == 410);
    }

    /** The webhook's path is its secret: logs and health show only the host. */
    static String redacted(String webhookUrl) {
        int services = webhookUrl.indexOf("/services/");
        return services < 0 ? webhookUrl : webhookUrl.substring(0, services) + "/services/…";
    }
}
