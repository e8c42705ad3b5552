package org.earshot.connector.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.earshot.connector.ConnectorException;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;

/**
 * X API v2 recent search ({@code GET /2/tweets/search/recent}) with the app's bearer token. It covers
 * the last 7 days; {@code data} and {@code includes} are absent when nothing matched.
 */
final class XV2Search implements XSearch {
    static final String PATH = "/2/tweets/search/recent";
    static final String TWEET_FIELDS = "created_at,author_id,conversation_id,public_metrics,referenced_tweets,lang,note_tweet";
    static final String USER_FIELDS = "username,name,public_metrics";

    private final XSettings settings;
    private final XQuery query;
    private final ConnectorResilience http;
    private final XV2Tweets tweets;

    XV2Search(XSettings settings, XQuery query, ConnectorResilience http, Clock clock) {
        this.settings = settings;
        this.query = query;
        this.http = http;
        this.tweets = new XV2Tweets(clock);
    }

    @Override
    public XPage page(Optional<String> sinceId, Optional<String> nextPage) throws ConnectorException, SinceIdTooOld {
        URI uri = uri(sinceId, nextPage);
        HttpReply reply = http.read(XV2Api.authorized(new HttpGet(uri), settings.bearerToken()));
        if (reply.status() == 400 && sinceId.isPresent() && refusesSinceId(reply)) {
            throw new SinceIdTooOld(XV2Api.errorText(reply).replaceFirst("^: ", ""));
        }
        if (!reply.isSuccess()) {
            throw XV2Api.refused(reply, "GET", uri, settings, "bearerToken");
        }
        JsonNode json = XV2Api.parse(reply, "GET", uri);
        JsonNode data = json.path("data");
        if (!data.isMissingNode() && !data.isArray()) {
            throw ConnectorException.transientFailure("X answered GET " + uri + " with 'data' that is not a list", null);
        }
        XV2Tweets.Read read = tweets.read(json);
        JsonNode meta = json.path("meta");
        return new XPage(read.tweets(), text(meta, "newest_id").filter(XCursor::isId), text(meta, "next_token"),
                http.rateLimit(reply).remaining(), read.unreadable());
    }

    private URI uri(Optional<String> sinceId, Optional<String> nextPage) {
        StringBuilder q = new StringBuilder(settings.baseUrl() + PATH)
                .append("?query=").append(encode(query.text()))
                .append("&max_results=").append(settings.maxResults())
                .append("&tweet.fields=").append(encode(TWEET_FIELDS))
                .append("&expansions=author_id")
                .append("&user.fields=").append(encode(USER_FIELDS));
        sinceId.ifPresent(id -> q.append("&since_id=").append(encode(id)));
        nextPage.ifPresent(token -> q.append("&next_token=").append(encode(token)));
        return URI.create(q.toString());
    }

    /** X's answer to a since_id older than its 7 days: a 400 whose errors name the since_id parameter. */
    private static boolean refusesSinceId(HttpReply reply) {
        try {
            JsonNode json = XV2Api.JSON.readTree(reply.body());
            for (JsonNode error : json.path("errors")) {
                if (error.path("parameters").has("since_id")) {
                    return true;
                }
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return false;
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
