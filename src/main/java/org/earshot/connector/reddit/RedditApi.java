package org.earshot.connector.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.earshot.connector.ConnectorException;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;
import org.earshot.http.RateLimitHeaders;

/**
 * What the source and the publisher share about talking to Reddit: the token, the User-Agent Reddit
 * insists on, one new login when Reddit refuses a token (it may have expired early), and how Reddit's
 * refusals are explained.
 */
final class RedditApi {
    static final RateLimitHeaders.Scheme RATE_LIMIT = new RateLimitHeaders.Scheme(
            "X-Ratelimit-Remaining", "X-Ratelimit-Reset", RateLimitHeaders.ResetFormat.SECONDS_UNTIL);
    static final ObjectMapper JSON = new ObjectMapper();

    private final RedditSettings settings;
    private final ConnectorResilience http;
    private final RedditAuth auth;

    RedditApi(RedditSettings settings, ConnectorResilience http, RedditAuth auth) {
        this.settings = settings;
        this.http = http;
        this.auth = auth;
    }

    RedditSettings settings() {
        return settings;
    }

    /** A read, retried by {@link ConnectorResilience#read} where a retry helps. */
    HttpReply get(URI uri) throws ConnectorException {
        String token = auth.token();
        HttpReply reply = http.read(authorized(new HttpGet(uri), token));
        if (reply.status() == 401) {
            auth.refused(token);
            reply = http.read(authorized(new HttpGet(uri), auth.token()));
        }
        return reply;
    }

    /**
     * A write, sent once. A 401 means Reddit did not act on it, so it goes out once more with a fresh
     * token; nothing else is repeated here.
     */
    HttpReply post(URI uri, List<NameValuePair> form) throws ConnectorException {
        String token = auth.token();
        HttpReply reply = http.write(formPost(uri, form, token));
        if (reply.status() == 401) {
            auth.refused(token);
            reply = http.write(formPost(uri, form, auth.token()));
        }
        return reply;
    }

    RateLimitHeaders rateLimit(HttpReply reply) {
        return http.rateLimit(reply);
    }

    JsonNode parse(HttpReply reply, String method, URI uri) throws ConnectorException {
        try {
            JsonNode json = JSON.readTree(reply.body());
            if (json == null || json.isMissingNode()) {
                throw ConnectorException.transientFailure("Reddit answered " + method + " " + uri
                        + " with an empty body instead of JSON", null);
            }
            return json;
        } catch (IOException e) {
            throw ConnectorException.transientFailure("Reddit answered " + method + " " + uri
                    + " with JSON that cannot be read: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Explains a reply that is neither a success nor something a retry can fix: a token refused even
     * after a new login, a private or missing subreddit, a ban. None of these improve by trying again.
     */
    ConnectorException refused(HttpReply reply, String method, URI uri) {
        String error = errorText(reply);
        if (reply.status() == 401) {
            return ConnectorException.permanentFailure("Reddit rejected the access token (401) even after a new"
                    + " login: check " + settings.key("clientId") + ", " + settings.key("clientSecret") + " and "
                    + settings.key("username") + error, null);
        }
        if (reply.status() == 403) {
            return ConnectorException.permanentFailure("Reddit forbade " + method + " " + uri + " (403)" + error
                    + ": the subreddit may be private or quarantined, or u/" + settings.username()
                    + " banned from it", null);
        }
        if (reply.status() == 404) {
            return ConnectorException.permanentFailure("Reddit has no " + method + " " + uri + " (404)" + error
                    + ": check " + settings.key("baseUrl") + " and " + settings.key("subreddits"), null);
        }
        return ConnectorException.permanentFailure("Reddit refused " + method + " " + uri
                + " (" + reply.status() + ")" + error, null);
    }

    /** Reddit's own {@code message} or {@code error}, as ": message", or the start of the body. */
    static String errorText(HttpReply reply) {
        try {
            JsonNode json = JSON.readTree(reply.body());
            if (json != null && json.hasNonNull("message")) {
                return ": " + json.get("message").asText();
            }
            if (json != null && json.hasNonNull("error")) {
                return ": " + json.get("error").asText();
            }
        } catch (IOException e) {
            // Not JSON: the body itself is the best explanation there is.
        }
        String snippet = reply.bodySnippet();
        return snippet.isEmpty() ? "" : ": " + snippet;
    }

    private <R extends ClassicHttpRequest> R authorized(R request, String token) {
        request.setHeader(HttpHeaders.AUTHORIZATION, "bearer " + token);
        request.setHeader(HttpHeaders.USER_AGENT, settings.userAgent());
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        return request;
    }

    private HttpPost formPost(URI uri, List<NameValuePair> form, String token) {
        HttpPost post = authorized(new HttpPost(uri), token);
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        return post;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
