package org.earshot.cli;

import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PollResult;
import org.earshot.http.HttpClientFactory;
import org.earshot.http.HttpReply;

/**
 * What {@code check-config --online} tries. A connector reads once from the start, through its own
 * client and credentials, as its first poll would; nothing is stored, so the daemon's first poll still
 * sees the same. A Slack webhook is sent an empty message: Slack answers 400 {@code no_text} to a
 * working webhook without posting anything, and 403/404/410 to a revoked or mistyped one.
 */
final class OnlineCheck implements AutoCloseable {
    record Result(String what, boolean ok, String detail) {
    }

    private final CloseableHttpClient client = HttpClientFactory.withDefaults().create();

    static Result connector(Connector connector) {
        String what = "connector " + connector.id() + " (" + connector.platform().id() + ")";
        try {
            PollResult read = connector.source().poll(null);
            return new Result(what, true, "read " + read.mentions().size() + " items; nothing stored");
        } catch (ConnectorException e) {
            return new Result(what, false, (e.isPermanent() ? "refused: " : "not reachable now: ") + e.getMessage());
        } catch (RuntimeException e) {
            return new Result(what, false, e.toString());
        }
    }

    Result webhook(String name, String url) {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity("{}", ContentType.APPLICATION_JSON));
        try {
            HttpReply reply = client.execute(post, HttpReply::read);
            String body = reply.bodySnippet();
            if (reply.isSuccess()) {
                return new Result(name, true, "webhook took an empty message (HTTP " + reply.status() + ")");
            }
            if (reply.status() == 400 && (body.contains("no_text") || body.contains("missing_text"))) {
                return new Result(name, true, "webhook answers (HTTP 400 " + body + " to an empty message; nothing posted)");
            }
            return new Result(name, false, "Slack answered HTTP " + reply.status() + (body.isEmpty() ? "" : " " + body));
        } catch (IOException | RuntimeException e) {
            return new Result(name, false, "cannot reach the webhook: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // idle connections only
        }
    }
}
