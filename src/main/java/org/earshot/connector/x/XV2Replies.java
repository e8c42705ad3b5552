package org.earshot.connector.x;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;

/**
 * Replies with X API v2: {@code POST /2/tweets} with {@code reply.in_reply_to_tweet_id}. Posting needs
 * user context, so every call here uses the brand account's OAuth 2.0 user access token. What the
 * account already posted is read from its own timeline ({@code GET /2/users/:id/tweets} newer than
 * the post answered), which shows a new post at once, unlike search.
 */
final class XV2Replies implements XReplies {
    private static final String TOKEN_KEY = "userAccessToken";
    private final XSettings settings;
    private final ConnectorResilience http;
    private volatile String brandUserId;

    XV2Replies(XSettings settings, ConnectorResilience http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public Optional<PostedReply> find(String inReplyToId, String text) throws ConnectorException {
        String userId = brandUserId();
        String wanted = XText.comparable(text);
        Optional<String> page = Optional.empty();
        for (int i = 0; i < settings.maxPagesPerPoll(); i++) {
            URI uri = URI.create(settings.baseUrl() + "/2/users/" + userId + "/tweets?since_id=" + inReplyToId
                    + "&max_results=100&exclude=retweets&tweet.fields="
                    + XV2Search.encode("referenced_tweets,created_at,note_tweet")
                    + page.map(p -> "&pagination_token=" + XV2Search.encode(p)).orElse(""));
            JsonNode json = get(uri);
            for (JsonNode tweet : json.path("data")) {
                if (answers(tweet, inReplyToId) && XText.comparable(posted(tweet)).equals(wanted)) {
                    return Optional.of(reply(tweet.path("id").asText()));
                }
            }
            page = XV2Search.text(json.path("meta"), "next_token");
            if (page.isEmpty()) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public PostedReply post(String text, String inReplyToId) throws ConnectorException, DuplicateContent {
        URI uri = URI.create(settings.baseUrl() + "/2/tweets");
        ObjectNode body = XV2Api.JSON.createObjectNode();
        body.put("text", text);
        if (inReplyToId != null) {
            body.putObject("reply").put("in_reply_to_tweet_id", inReplyToId);
        }
        HttpPost post = XV2Api.authorized(new HttpPost(uri), userToken());
        post.setEntity(new StringEntity(body.toString(), ContentType.APPLICATION_JSON));
        HttpReply reply = http.write(post);
        if (reply.status() == 403 && XV2Api.errorText(reply).toLowerCase(Locale.ROOT).contains("duplicate")) {
            throw new DuplicateContent(XV2Api.errorText(reply).replaceFirst("^: ", ""));
        }
        if (!reply.isSuccess()) {
            throw XV2Api.refused(reply, "POST", uri, settings, TOKEN_KEY);
        }
        try {
            JsonNode json = XV2Api.JSON.readTree(reply.body());
            String id = json == null ? "" : json.path("data").path("id").asText("");
            if (!XCursor.isId(id)) {
                throw new IllegalArgumentException("no post id in " + reply.bodySnippet());
            }
            return reply(id);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The post may well exist: the next try looks for it before posting.
            throw ConnectorException.transientFailure("X accepted POST " + uri + " but its answer cannot be read ("
                    + XV2Api.firstLine(e.getMessage()) + "); the next try looks for the post before sending again", e);
        }
    }

    /** The brand account's user id, read once from {@code GET /2/users/me}, which also proves the token is its. */
    private String brandUserId() throws ConnectorException {
        String id = brandUserId;
        if (id != null) {
            return id;
        }
        URI uri = URI.create(settings.baseUrl() + "/2/users/me");
        JsonNode me = get(uri).path("data");
        String username = me.path("username").asText("");
        id = me.path("id").asText("");
        if (!XCursor.isId(id)) {
            throw ConnectorException.transientFailure("X answered GET " + uri + " without the account's id", null);
        }
        if (!username.equalsIgnoreCase(settings.brandAccount())) {
            throw ConnectorException.permanentFailure(settings.key(TOKEN_KEY) + " belongs to @" + username + ", but "
                    + settings.key("brandAccount") + " is @" + settings.brandAccount()
                    + "; replies must come from the brand account", null);
        }
        brandUserId = id;
        return id;
    }

    private JsonNode get(URI uri) throws ConnectorException {
        HttpReply reply = http.read(XV2Api.authorized(new HttpGet(uri), userToken()));
        if (!reply.isSuccess()) {
            throw XV2Api.refused(reply, "GET", uri, settings, TOKEN_KEY);
        }
        return XV2Api.parse(reply, "GET", uri);
    }

    private String userToken() throws ConnectorException {
        return settings.userAccessToken().orElseThrow(() -> ConnectorException.permanentFailure(
                "posting on X with api v2 needs user context: set " + settings.key(TOKEN_KEY) + " to an OAuth 2.0"
                        + " user access token of @" + settings.brandAccount()
                        + " with the scopes tweet.read, tweet.write and users.read", null));
    }

    private static boolean answers(JsonNode tweet, String inReplyToId) {
        for (JsonNode ref : tweet.path("referenced_tweets")) {
            if ("replied_to".equals(ref.path("type").asText()) && inReplyToId.equals(ref.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String posted(JsonNode tweet) {
        return XV2Search.text(tweet.path("note_tweet"), "text").orElse(tweet.path("text").asText(""));
    }

    private PostedReply reply(String id) {
        return new PostedReply(id, "https://x.com/" + settings.brandAccount() + "/status/" + id);
    }
}
