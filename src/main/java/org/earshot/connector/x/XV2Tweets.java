package org.earshot.connector.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earshot.connector.JsonItems;
import org.earshot.connector.MalformedItemException;
import org.earshot.connector.UnreadableItem;

/**
 * Reads the posts of one X API v2 answer ({@code data} with its {@code includes.users}), each on its
 * own: a post that cannot be read (no id, no author, a garbled time, a field of the wrong type) is
 * kept as an unreadable item, in the shape of a one-post answer, so that it can be read again with
 * this same class.
 */
final class XV2Tweets {
    private final Clock clock;

    XV2Tweets(Clock clock) {
        this.clock = clock;
    }

    /** The posts read and those that could not be, in the order X sent them. */
    record Read(List<XTweet> tweets, List<UnreadableItem> unreadable) {
    }

    /** Reads {@code data}, which must be absent (nothing matched) or a list; the caller checks that. */
    Read read(JsonNode answer) {
        Map<String, JsonNode> users = new HashMap<>();
        for (JsonNode user : answer.path("includes").path("users")) {
            String id = JsonItems.idIfAny(user, "id");
            if (id != null) {
                users.put(id, user);
            }
        }
        List<XTweet> tweets = new ArrayList<>();
        List<UnreadableItem> unreadable = new ArrayList<>();
        for (JsonNode item : answer.path("data")) {
            JsonNode user = users.getOrDefault(String.valueOf(JsonItems.idIfAny(item, "author_id")),
                    XV2Api.JSON.missingNode());
            try {
                tweets.add(tweet(item, user));
            } catch (MalformedItemException | RuntimeException e) {
                unreadable.add(JsonItems.unreadable("x", usableId(item), reason(e), asAnswer(item, user)));
            }
        }
        return new Read(tweets, unreadable);
    }

    /** One post as a one-post answer, with its author's user object when X sent one. */
    static JsonNode asAnswer(JsonNode tweet, JsonNode user) {
        ObjectNode answer = XV2Api.JSON.createObjectNode();
        answer.putArray("data").add(tweet);
        if (!user.isMissingNode()) {
            answer.putObject("includes").putArray("users").add(user);
        }
        return answer;
    }

    private XTweet tweet(JsonNode tweet, JsonNode user) throws MalformedItemException {
        if (!tweet.isObject()) {
            throw new MalformedItemException("the post is a JSON " + tweet.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", not an object");
        }
        String id = JsonItems.requiredId(tweet, "id", "post id");
        if (!XCursor.isId(id)) {
            throw new MalformedItemException("its post id '" + id + "' is not an X post id (up to 19 digits)");
        }
        // X leaves author_id out when the request did not ask for it (the search always does): the post is
        // still one to read, by an author unknown; an author_id that is not an id makes it unreadable.
        String authorId = tweet.has("author_id") && !tweet.get("author_id").isNull()
                ? JsonItems.required(tweet, "author_id", "author (author_id)") : "";
        JsonNode metrics = tweet.path("public_metrics");
        String text = text(tweet.path("note_tweet"), "text").orElse(JsonItems.text(tweet, "text"));
        return new XTweet(id, XText.unescape(text),
                JsonItems.optionalTime(tweet, "created_at").orElseGet(clock::instant), authorId,
                text(user, "username"), JsonItems.text(user, "name"),
                user.path("public_metrics").path("followers_count").asLong(0),
                text(tweet, "conversation_id"), referenced(tweet, "replied_to"), referenced(tweet, "quoted"),
                referenced(tweet, "retweeted"), metrics.path("like_count").asLong(0),
                metrics.path("retweet_count").asLong(0), metrics.path("reply_count").asLong(0),
                metrics.path("quote_count").asLong(0), JsonItems.text(tweet, "lang"));
    }

    private static Optional<String> referenced(JsonNode tweet, String type) {
        for (JsonNode ref : tweet.path("referenced_tweets")) {
            if (type.equals(ref.path("type").asText())) {
                return text(ref, "id");
            }
        }
        return Optional.empty();
    }

    /** The post's id for the quarantine, when it has one that is an id. */
    private static String usableId(JsonNode item) {
        String id = JsonItems.idIfAny(item, "id");
        return id != null && XCursor.isId(id) ? id : id == null ? null : "x:bad-id:" + abbreviated(id);
    }

    private static String abbreviated(String id) {
        return id.length() <= 64 ? id : id.substring(0, 64) + "…";
    }

    static String reason(Exception e) {
        return e instanceof MalformedItemException ? e.getMessage()
                : "reading it failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
