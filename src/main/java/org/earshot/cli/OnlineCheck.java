package org.earshot.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.CredentialCheck;
import org.earshot.connector.PollResult;
import org.earshot.http.HttpClientFactory;
import org.earshot.http.HttpReply;

/**
 * What {@code check-config --online} tries. A connector asks its platform who its credentials are
 * (Mastodon's verify_credentials, X's users/me, Reddit's /api/v1/me, Bluesky's getSession, an IMAP
 * login and an SMTP login), through its own client; a feed, which has no credentials, is read once
 * as its first poll would be. Nothing is stored. Each answer is OK, refused (the platform's status and
 * its own words) or unreachable. A Slack webhook is sent an empty message: Slack answers 400 {@code no_text} to a
 * working webhook without posting anything, and 403/404/410 to a revoked or mistyped one.
 */
final class OnlineCheck implements AutoCloseable {
    record Result(String what, boolean ok, String detail) {
    }

    private final CloseableHttpClient client = HttpClientFactory.withDefaults().create();

    /**
     * The connector's credentials, each tried with the platform's own "who am I" call (its source's, and
     * its publisher's when that signs in on its own, as SMTP does); a source without one reads once instead.
     */
    static Result connector(Connector connector) {
        String what = "connector " + connector.id() + " (" + connector.platform().id() + ")";
        List<String> answers = new ArrayList<>();
        try {
            if (connector.source() instanceof CredentialCheck source) {
                answers.add(source.whoAmI());
            } else {
                PollResult read = connector.source().poll(null);
                answers.add("read " + read.mentions().size() + " items; nothing stored");
            }
            if (connector.publisher() instanceof CredentialCheck publisher && publisher != connector.source()) {
                answers.add(publisher.whoAmI());
            }
            return new Result(what, true, "OK: " + String.join("; ", answers));
        } catch (ConnectorException e) {
            return new Result(what, false, (e.isPermanent() ? "refused: " : "unreachable: ") + e.getMessage());
        } catch (RuntimeException e) {
            return new Result(what, false, "unreachable: " + e);
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
