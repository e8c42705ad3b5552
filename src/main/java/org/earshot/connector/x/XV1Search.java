package org.earshot.connector.x;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.JsonItems;
import org.earshot.connector.MalformedItemException;
import org.earshot.connector.UnreadableItem;
import org.earshot.http.HttpReply;
import org.earshot.http.RateLimitHeaders;
import twitter4j.TwitterException;
import twitter4j.TwitterObjectFactory;
import twitter4j.v1.Status;
import twitter4j.v1.User;

/**
 * X API v1.1 standard search ({@code GET search/tweets.json}, {@code result_type=recent},
 * {@code tweet_mode=extended}) through Twitter4J. Older pages are read with {@code max_id} together
 * with {@code since_id}: v1.1's {@code next_results} leaves the {@code since_id} out.
 *
 * <p>The page is fetched as X sent it (signed with OAuth 1.0a as Twitter4J would) and each status is
 * given to Twitter4J on its own ({@link TwitterObjectFactory#createStatus}): a status it cannot read
 * is kept whole as an unreadable item while the rest of the page is read.
 */
final class XV1Search implements XSearch {
    private final XSettings settings;
    private final XQuery query;
    private final XV1Client client;
    private final Clock clock;

    XV1Search(XSettings settings, XQuery query, XV1Client client, Clock clock) {
        this.settings = settings;
        this.query = query;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public XPage page(Optional<String> sinceId, Optional<String> nextPage) throws ConnectorException {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("q", query.text()));
        params.add(Map.entry("count", String.valueOf(settings.maxResults())));
        params.add(Map.entry("result_type", "recent"));
        if (!settings.languages().isEmpty()) {
            params.add(Map.entry("lang", settings.languages().get(0)));
        }
        if (sinceId.isPresent()) {
            params.add(Map.entry("since_id", String.valueOf(id(sinceId.get()))));
        }
        if (nextPage.isPresent()) {
            params.add(Map.entry("max_id", String.valueOf(id(nextPage.get()))));
        }
        params.add(Map.entry("tweet_mode", "extended"));
        String target = "GET " + client.restBaseUrl() + "search/tweets.json";
        HttpReply reply = client.signedGet("search/tweets.json", params);
        JsonNode answer;
        try {
            answer = XV2Api.JSON.readTree(reply.body());
        } catch (IOException e) {
            throw unreadable(target, XV2Api.firstLine(e.getMessage()), e);
        }
        if (answer == null || !answer.isObject() || !answer.path("statuses").isArray()) {
            throw unreadable(target, "it is not a search result (an object with a list of statuses)", null);
        }
        List<XTweet> tweets = new ArrayList<>();
        List<UnreadableItem> unreadable = new ArrayList<>();
        for (JsonNode item : answer.get("statuses")) {
            try {
                tweets.add(read(item));
            } catch (MalformedItemException e) {
                unreadable.add(JsonItems.unreadable("x", usableId(item), e.getMessage(), item));
            }
        }
        Optional<String> newest = tweets.stream().map(XTweet::id).max(XCursor.BY_ID);
        return new XPage(tweets, newest, next(answer, tweets, unreadable), quotaLeft(reply), unreadable);
    }

    /** One v1.1 status, read by Twitter4J on its own; the same for a status kept in quarantine. */
    XTweet read(JsonNode status) throws MalformedItemException {
        if (!status.isObject()) {
            throw new MalformedItemException("the status is a JSON " + status.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", not an object");
        }
        String id = JsonItems.requiredId(status, "id_str".equals(idField(status)) ? "id_str" : "id", "status id");
        if (!XCursor.isId(id)) {
            throw new MalformedItemException("its status id '" + id + "' is not an X post id (up to 19 digits)");
        }
        Status parsed;
        try {
            parsed = TwitterObjectFactory.createStatus(status.toString());
        } catch (TwitterException | RuntimeException e) {
            throw new MalformedItemException("Twitter4J cannot read it: " + XV2Api.firstLine(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (parsed.getId() <= 0 || !String.valueOf(parsed.getId()).equals(id)) {
            throw new MalformedItemException("Twitter4J read its id as " + parsed.getId() + ", not " + id);
        }
        return tweet(parsed);
    }

    private static String idField(JsonNode status) {
        return status.hasNonNull("id_str") ? "id_str" : "id";
    }

    private static String usableId(JsonNode item) {
        String id = JsonItems.idIfAny(item, idField(item));
        return id != null && XCursor.isId(id) ? id : id == null ? null : "x:bad-id:" + (id.length() <= 64 ? id
                : id.substring(0, 64) + "…");
    }

    private static ConnectorException unreadable(String target, String why, Exception cause) {
        return ConnectorException.transientFailure("X answered " + target + " with JSON that cannot be read: " + why,
                cause);
    }

    /** Where the next, older page starts: {@code max_id} of v1.1's {@code next_results}, when it has one. */
    private static Optional<String> next(JsonNode answer, List<XTweet> tweets, List<UnreadableItem> unreadable) {
        String next = answer.path("search_metadata").path("next_results").asText("");
        if (next.isEmpty() || (tweets.isEmpty() && unreadable.isEmpty())) {
            return Optional.empty();
        }
        for (String pair : next.replaceFirst("^\\?", "").split("&")) {
            if (pair.startsWith("max_id=") && XCursor.isId(pair.substring(7)) && Long.parseLong(pair.substring(7)) > 0) {
                return Optional.of(pair.substring(7));
            }
        }
        return Optional.empty();
    }

    private static long quotaLeft(HttpReply reply) {
        try {
            return reply.header("x-rate-limit-remaining").map(String::strip).map(Long::parseLong)
                    .map(n -> Math.max(0, n)).orElse(RateLimitHeaders.UNKNOWN);
        } catch (NumberFormatException garbled) {
            return RateLimitHeaders.UNKNOWN;
        }
    }

    private XTweet tweet(Status status) {
        User user = status.getUser();
        Optional<String> username = Optional.ofNullable(user).map(User::getScreenName).filter(s -> !s.isBlank());
        return new XTweet(String.valueOf(status.getId()), status.getText() == null ? "" : status.getText(),
                // Twitter4J gives X's UTC time as a LocalDateTime in the JVM's default zone.
                status.getCreatedAt() == null ? clock.instant()
                        : status.getCreatedAt().atZone(ZoneId.systemDefault()).toInstant(),
                user == null ? "" : String.valueOf(user.getId()), username, user == null ? "" : user.getName(),
                user == null ? 0 : user.getFollowersCount(), Optional.empty(),
                positive(status.getInReplyToStatusId()), positive(status.getQuotedStatusId()),
                Optional.ofNullable(status.getRetweetedStatus()).map(s -> String.valueOf(s.getId())),
                Math.max(0, status.getFavoriteCount()), Math.max(0, status.getRetweetCount()), -1, -1,
                status.getLang() == null ? "" : status.getLang());
    }

    private static Optional<String> positive(long id) {
        return id > 0 ? Optional.of(String.valueOf(id)) : Optional.empty();
    }

    /** v1.1 through Twitter4J takes ids as numbers; X's ids fit in a long. */
    static long id(String id) throws ConnectorException {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ConnectorException.permanentFailure("'" + id + "' is not an X post id that v1.1 can take", e);
        }
    }
}
