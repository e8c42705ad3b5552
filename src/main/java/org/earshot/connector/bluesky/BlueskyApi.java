package org.earshot.connector.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.earshot.connector.ConnectorException;
import org.earshot.http.HttpReply;
import org.earshot.http.RateLimitHeaders;

/** What the session, the source and the publisher share about talking to a Bluesky PDS over XRPC. */
final class BlueskyApi {
    /** Bluesky writes {@code ratelimit-reset} as seconds since the epoch. */
    static final RateLimitHeaders.Scheme RATE_LIMIT = new RateLimitHeaders.Scheme(
            "ratelimit-remaining", "ratelimit-reset", RateLimitHeaders.ResetFormat.EPOCH_SECONDS);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String POST_COLLECTION = "app.bsky.feed.post";

    private BlueskyApi() {
    }

    static URI xrpc(BlueskySettings settings, String method, String query) {
        return URI.create(settings.baseUrl() + "/xrpc/" + method + (query.isEmpty() ? "" : "?" + query));
    }

    /** A query parameter value, with spaces as %20 rather than '+'. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static <R extends ClassicHttpRequest> R bearer(R request, String token) {
        return org.earshot.http.JsonRequests.withBearer(request, token);
    }

    static JsonNode parse(HttpReply reply, String method, URI uri) throws ConnectorException {
        try {
            JsonNode json = JSON.readTree(reply.body());
            if (json == null || !json.isObject()) {
                throw ConnectorException.transientFailure("Bluesky answered " + method + " " + uri
                        + " with " + (json == null ? "an empty body" : "a JSON " + json.getNodeType().name()
                        .toLowerCase()) + " instead of a JSON object", null);
            }
            return json;
        } catch (IOException e) {
            throw ConnectorException.transientFailure("Bluesky answered " + method + " " + uri
                    + " with JSON that cannot be read: " + firstLine(e.getMessage()), e);
        }
    }

    /** The XRPC error name of a failed call ("ExpiredToken"), or empty. */
    static String errorName(HttpReply reply) {
        JsonNode json = errorBody(reply);
        return json == null ? "" : json.path("error").asText("");
    }

    /** Bluesky's own explanation, as ": Error: message", or the start of the body. */
    static String errorText(HttpReply reply) {
        JsonNode json = errorBody(reply);
        if (json != null && (json.hasNonNull("error") || json.hasNonNull("message"))) {
            String error = json.path("error").asText("");
            String message = json.path("message").asText("");
            return ": " + (error.isEmpty() ? message : message.isEmpty() ? error : error + ": " + message);
        }
        String snippet = reply.bodySnippet();
        return snippet.isEmpty() ? "" : ": " + snippet;
    }

    /**
     * Explains a reply that is neither a success nor something a retry can fix. Refused sessions are
     * explained by {@link BlueskySession}, which tries a new one first.
     */
    static ConnectorException refused(HttpReply reply, String method, URI uri, BlueskySettings settings) {
        String error = errorText(reply);
        if (reply.status() == 404 || reply.status() == 501) {
            return ConnectorException.permanentFailure("Bluesky has no " + method + " " + uri + " ("
                    + reply.status() + ")" + error + ": check " + settings.key("baseUrl"), null);
        }
        return ConnectorException.permanentFailure("Bluesky refused " + method + " " + uri
                + " (" + reply.status() + ")" + error, null);
    }

    private static JsonNode errorBody(HttpReply reply) {
        try {
            JsonNode json = JSON.readTree(reply.body());
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
