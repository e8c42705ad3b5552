package org.earshot.connector.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.earshot.connector.ConnectorException;
import org.earshot.http.HttpReply;
import org.earshot.http.RateLimitHeaders;

/** What the v2 search and the v2 replies share about talking to X. */
final class XV2Api {
    /** X's headers; the reset is in seconds since the epoch. */
    static final RateLimitHeaders.Scheme RATE_LIMIT = new RateLimitHeaders.Scheme(
            "x-rate-limit-remaining", "x-rate-limit-reset", RateLimitHeaders.ResetFormat.EPOCH_SECONDS);
    static final ObjectMapper JSON = new ObjectMapper();

    private XV2Api() {
    }

    static <R extends ClassicHttpRequest> R authorized(R request, String token) {
        return org.earshot.http.JsonRequests.withBearer(request, token);
    }

    static JsonNode parse(HttpReply reply, String method, URI uri) throws ConnectorException {
        try {
            JsonNode json = JSON.readTree(reply.body());
            if (json == null || json.isMissingNode() || !json.isObject()) {
                throw ConnectorException.transientFailure("X answered " + method + " " + uri
                        + " with " + (json == null || json.isMissingNode() ? "an empty body" : "a JSON "
                        + json.getNodeType().name().toLowerCase()) + " instead of a JSON object", null);
            }
            return json;
        } catch (IOException e) {
            throw ConnectorException.transientFailure("X answered " + method + " " + uri
                    + " with JSON that cannot be read: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Explains a reply that is neither a success nor something a retry can fix: a token X refuses, an
     * access level that does not include the endpoint, a request X finds invalid.
     *
     * @param tokenKey the setting that holds the token this request used
     */
    static ConnectorException refused(HttpReply reply, String method, URI uri, XSettings settings, String tokenKey) {
        String error = errorText(reply);
        if (reply.status() == 401) {
            return ConnectorException.permanentFailure("X rejected the token (401): check " + settings.key(tokenKey)
                    + (error.isEmpty() ? "" : "; X said" + error), null);
        }
        if (reply.status() == 403) {
            return ConnectorException.permanentFailure("X refused " + method + " " + uri + " (403)" + error
                    + ": check that the app's access level includes it and that " + settings.key(tokenKey)
                    + " has the needed scopes", null);
        }
        if (reply.status() == 404 && method.equals("GET")) {
            return ConnectorException.permanentFailure("X has no " + method + " " + uri + " (404)" + error
                    + ": check " + settings.key("baseUrl"), null);
        }
        return ConnectorException.permanentFailure("X refused " + method + " " + uri + " (" + reply.status() + ")"
                + error, null);
    }

    /**
     * X's own explanation, as ": detail": a problem+json {@code detail}, the messages of an
     * {@code errors} list, or else the start of the body.
     */
    static String errorText(HttpReply reply) {
        try {
            JsonNode json = JSON.readTree(reply.body());
            if (json != null && json.isObject()) {
                List<String> messages = new ArrayList<>();
                for (JsonNode error : json.path("errors")) {
                    String message = error.path("message").asText(error.path("detail").asText(""));
                    if (!message.isBlank()) {
                        messages.add(message);
                    }
                }
                if (messages.isEmpty() && json.hasNonNull("detail")) {
                    messages.add(json.get("detail").asText());
                }
                if (messages.isEmpty() && json.hasNonNull("title")) {
                    messages.add(json.get("title").asText());
                }
                if (!messages.isEmpty()) {
                    return ": " + String.join("; ", messages);
                }
            }
        } catch (IOException e) {
            // Not JSON: the body itself is the best explanation there is.
        }
        String snippet = reply.bodySnippet();
        return snippet.isEmpty() ? "" : ": " + snippet;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
