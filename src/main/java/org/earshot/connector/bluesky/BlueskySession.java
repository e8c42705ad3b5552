package org.earshot.connector.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.earshot.connector.ConnectorException;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's login on its PDS, kept in memory and shared by its source and its publisher.
 *
 * <p>It logs in with the app password on first use ({@code com.atproto.server.createSession}). When
 * the PDS refuses the access token (expired or invalid, 401 or 403), it gets a new one once, with the
 * refresh token ({@code refreshSession}) or, when that is refused too, by logging in again, and sends
 * the call a second time. Refused again, the call fails for good: the credentials need a person.
 * Tokens are never logged.
 */
final class BlueskySession {
    private static final Logger LOG = LoggerFactory.getLogger(BlueskySession.class);
    private static final Set<String> TOKEN_ERRORS = Set.of("ExpiredToken", "InvalidToken");

    private final BlueskySettings settings;
    private final ConnectorResilience http;
    private Tokens tokens;

    BlueskySession(BlueskySettings settings, ConnectorResilience http) {
        this.settings = settings;
        this.http = http;
    }

    /** The account's DID, as the PDS named it when logging in. */
    String did() throws ConnectorException {
        return current().did();
    }

    /** The account's handle, as the PDS named it when logging in. */
    String handle() throws ConnectorException {
        return current().handle();
    }

    /** Sends a request that is safe to repeat (reads), retried by {@link ConnectorResilience#read}. */
    HttpReply read(ClassicHttpRequest request) throws ConnectorException {
        return call(request, true);
    }

    /** Sends a post once; only sent again when the PDS refused it for the token, before doing anything. */
    HttpReply write(ClassicHttpRequest request) throws ConnectorException {
        return call(request, false);
    }

    private HttpReply call(ClassicHttpRequest request, boolean safeToRepeat) throws ConnectorException {
        Tokens used = current();
        HttpReply reply = send(request, used, safeToRepeat);
        if (!refusesSession(reply)) {
            return reply;
        }
        LOG.info("{}: Bluesky refused the access token ({}{}); getting a new one", settings.configKey(),
                reply.status(), BlueskyApi.errorText(reply));
        reply = send(request, renewed(used), safeToRepeat);
        if (refusesSession(reply)) {
            throw ConnectorException.permanentFailure("Bluesky rejected the session of " + settings.identifier()
                    + " (" + reply.status() + ")" + BlueskyApi.errorText(reply) + " even after logging in again:"
                    + " check " + settings.key("identifier") + " and " + settings.key("appPassword")
                    + ", and that the account is active", null);
        }
        return reply;
    }

    private HttpReply send(ClassicHttpRequest request, Tokens with, boolean safeToRepeat) throws ConnectorException {
        BlueskyApi.bearer(request, with.accessJwt());
        return safeToRepeat ? http.read(request) : http.write(request);
    }

    private static boolean refusesSession(HttpReply reply) {
        return reply.status() == 401 || reply.status() == 403
                || (reply.status() == 400 && TOKEN_ERRORS.contains(BlueskyApi.errorName(reply)));
    }

    private synchronized Tokens current() throws ConnectorException {
        if (tokens == null) {
            tokens = logIn();
        }
        return tokens;
    }

    /** New tokens instead of {@code refused}, unless another call already replaced them. */
    private synchronized Tokens renewed(Tokens refused) throws ConnectorException {
        if (tokens != null && tokens != refused) {
            return tokens;
        }
        tokens = null;
        Tokens fresh = refresh(refused);
        tokens = fresh != null ? fresh : logIn();
        return tokens;
    }

    /** Logging in has no effect anyone sees, so it is retried like a read. */
    private Tokens logIn() throws ConnectorException {
        URI uri = BlueskyApi.xrpc(settings, "com.atproto.server.createSession", "");
        ObjectNode body = BlueskyApi.JSON.createObjectNode();
        body.put("identifier", settings.identifier());
        body.put("password", settings.appPassword());
        HttpPost post = new HttpPost(uri);
        post.setHeader("Accept", "application/json");
        post.setEntity(new StringEntity(body.toString(), ContentType.APPLICATION_JSON));
        HttpReply reply = http.read(post);
        if (reply.status() == 400 || reply.status() == 401 || reply.status() == 403) {
            throw ConnectorException.permanentFailure("Bluesky refused to log in as " + settings.identifier()
                    + " (" + reply.status() + ")" + BlueskyApi.errorText(reply) + ": check "
                    + settings.key("identifier") + " and " + settings.key("appPassword")
                    + " (an app password from Settings → Privacy and security → App passwords)", null);
        }
        if (!reply.isSuccess()) {
            throw BlueskyApi.refused(reply, "POST", uri, settings);
        }
        Tokens fresh = tokens(BlueskyApi.parse(reply, "POST", uri), uri);
        LOG.info("{}: logged in to {} as {} ({})", settings.configKey(), settings.baseUrl(), fresh.handle(),
                fresh.did());
        return fresh;
    }

    /** New tokens from the refresh token, or null when the PDS refuses it (then the caller logs in). */
    private Tokens refresh(Tokens old) throws ConnectorException {
        URI uri = BlueskyApi.xrpc(settings, "com.atproto.server.refreshSession", "");
        HttpReply reply = http.read(BlueskyApi.bearer(new HttpPost(uri), old.refreshJwt()));
        if (!reply.isSuccess()) {
            LOG.info("{}: Bluesky refused the refresh token ({}{}); logging in again", settings.configKey(),
                    reply.status(), BlueskyApi.errorText(reply));
            return null;
        }
        return tokens(BlueskyApi.parse(reply, "POST", uri), uri);
    }

    private static Tokens tokens(JsonNode json, URI uri) throws ConnectorException {
        Tokens t = new Tokens(json.path("accessJwt").asText(""), json.path("refreshJwt").asText(""),
                json.path("did").asText(""), json.path("handle").asText(""));
        if (t.accessJwt().isBlank() || t.refreshJwt().isBlank() || t.did().isBlank()) {
            throw ConnectorException.transientFailure("Bluesky answered POST " + uri
                    + " without accessJwt, refreshJwt or did", null);
        }
        return t;
    }

    private record Tokens(String accessJwt, String refreshJwt, String did, String handle) {
        @Override
        public String toString() {
            return "Tokens[did=" + did + ", handle=" + handle + "]";
        }
    }
}
