package org.earshot.connector.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.earshot.connector.ConnectorException;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;

/**
 * The brand account's OAuth token, from a "script" app's password grant. It is kept until shortly
 * before it expires, and dropped when Reddit answers 401 with it, so that the next call logs in again.
 * The token, the secret and the password are never put into a message.
 */
final class RedditAuth {
    /** Tokens are renewed this long before Reddit says they expire, so none expires mid-poll. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final RedditSettings settings;
    private final ConnectorResilience http;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    RedditAuth(RedditSettings settings, ConnectorResilience http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** A token that Reddit should accept now, logging in when there is none or it is about to expire. */
    synchronized String token() throws ConnectorException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            logIn();
        }
        return token;
    }

    /** Forgets a token Reddit refused, unless another call already replaced it. */
    synchronized void refused(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }

    private void logIn() throws ConnectorException {
        URI uri = URI.create(settings.authUrl() + "/api/v1/access_token");
        HttpPost post = new HttpPost(uri);
        String basic = settings.clientId() + ":" + settings.clientSecret();
        post.setHeader(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        post.setHeader(HttpHeaders.USER_AGENT, settings.userAgent());
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setEntity(new UrlEncodedFormEntity(List.of(
                new BasicNameValuePair("grant_type", "password"),
                new BasicNameValuePair("username", settings.username()),
                new BasicNameValuePair("password", settings.password())), StandardCharsets.UTF_8));
        // Asking for a token twice only hands out two tokens, so this post is as safe to repeat as a read.
        HttpReply reply = http.read(post);
        if (reply.status() == 401 || reply.status() == 403) {
            throw ConnectorException.permanentFailure("Reddit rejected the app's credentials (" + reply.status()
                    + "): check " + settings.key("clientId") + " and " + settings.key("clientSecret")
                    + ", and that the app is a \"script\" app Reddit has approved for API access; Reddit said"
                    + RedditApi.errorText(reply), null);
        }
        if (!reply.isSuccess()) {
            throw ConnectorException.permanentFailure("Reddit refused POST " + uri + " (" + reply.status()
                    + ")" + RedditApi.errorText(reply) + ": check " + settings.key("authUrl"), null);
        }
        JsonNode json;
        try {
            json = RedditApi.JSON.readTree(reply.body());
        } catch (java.io.IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            // The body is not quoted: it could hold a token.
            throw ConnectorException.transientFailure("Reddit answered POST " + uri
                    + " with something that is not a token in JSON", null);
        }
        if (json.hasNonNull("error")) {
            throw ConnectorException.permanentFailure("Reddit refused to log in as u/" + settings.username()
                    + " (" + json.get("error").asText() + "): check " + settings.key("username") + " and "
                    + settings.key("password") + "; an account with two-factor authentication cannot log in"
                    + " this way", null);
        }
        String accessToken = json.path("access_token").asText("");
        if (accessToken.isBlank()) {
            throw ConnectorException.transientFailure("Reddit answered POST " + uri + " without an access_token",
                    null);
        }
        long seconds = json.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
        Duration lifetime = Duration.ofSeconds(Math.max(1, seconds));
        Duration early = lifetime.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0 ? RENEW_BEFORE_EXPIRY
                : lifetime.dividedBy(2);
        token = accessToken;
        renewAt = clock.instant().plus(lifetime).minus(early);
    }
}
