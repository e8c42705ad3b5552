package org.earshot.connector.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHeaders;
import org.earshot.connector.ConnectorException;
import org.earshot.http.HttpReply;
import org.earshot.http.RateLimitHeaders;

/** What the source and the publisher share about talking to a Mastodon instance. */
final class MastodonApi {
    static final RateLimitHeaders.Scheme RATE_LIMIT = new RateLimitHeaders.Scheme(
            "X-RateLimit-Remaining", "X-RateLimit-Reset", RateLimitHeaders.ResetFormat.ISO_TIMESTAMP);
    static final ObjectMapper JSON = new ObjectMapper();

    private MastodonApi() {
    }

    static <R extends ClassicHttpRequest> R authorized(R request, MastodonSettings settings) {
        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.accessToken());
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        return request;
    }

    static JsonNode parse(HttpReply reply, String method, URI uri) throws ConnectorException {
        try {
            JsonNode json = JSON.readTree(reply.body());
            if (json == null || json.isMissingNode()) {
                throw ConnectorException.transientFailure("Mastodon answered " + method + " " + uri
                        + " with an empty body instead of JSON", null);
            }
            return json;
        } catch (IOException e) {
            throw ConnectorException.transientFailure("Mastodon answered " + method + " " + uri
                    + " with JSON that cannot be read: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Explains a reply that is neither a success nor something a retry can fix: a token the instance
     * refuses, a missing page, a post it will not accept. None of these improve by trying again.
     */
    static ConnectorException refused(HttpReply reply, String method, URI uri, MastodonSettings settings) {
        String error = errorText(reply);
        if (reply.status() == 401 || reply.status() == 403) {
            return ConnectorException.permanentFailure("Mastodon rejected the access token (" + reply.status()
                    + "): check " + settings.key("accessToken")
                    + " and its scopes (read:notifications read:statuses write:statuses)"
                    + (error.isEmpty() ? "" : "; Mastodon said" + error), null);
        }
        if (reply.status() == 404 && method.equals("POST")) {
            return ConnectorException.permanentFailure("Mastodon answered " + method + " " + uri + " with 404" + error
                    + ": the post being answered may have been deleted", null);
        }
        if (reply.status() == 404) {
            return ConnectorException.permanentFailure("Mastodon has no " + method + " " + uri + " (404)" + error
                    + ": check " + settings.key("baseUrl"), null);
        }
        return ConnectorException.permanentFailure("Mastodon refused " + method + " " + uri
                + " (" + reply.status() + ")" + error, null);
    }

    /** Mastodon's own {@code error} message, as ": message", or the start of the body. */
    static String errorText(HttpReply reply) {
        try {
            JsonNode json = JSON.readTree(reply.body());
            if (json != null && json.hasNonNull("error")) {
                return ": " + json.get("error").asText();
            }
        } catch (IOException e) {
            // Not JSON: the body itself is the best explanation there is.
        }
        String snippet = reply.bodySnippet();
        return snippet.isEmpty() ? "" : ": " + snippet;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
