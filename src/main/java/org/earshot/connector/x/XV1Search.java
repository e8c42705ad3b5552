package org.earshot.connector.x;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.earshot.connector.ConnectorException;
import org.earshot.http.RateLimitHeaders;
import twitter4j.v1.Query;
import twitter4j.v1.QueryResult;
import twitter4j.v1.RateLimitStatus;
import twitter4j.v1.Status;
import twitter4j.v1.User;

/**
 * X API v1.1 standard search ({@code GET search/tweets.json}, {@code result_type=recent},
 * {@code tweet_mode=extended}) through Twitter4J. Older pages are read with {@code max_id} together
 * with {@code since_id}: v1.1's {@code next_results} leaves the {@code since_id} out.
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
        Query q = Query.of(query.text()).count(settings.maxResults()).resultType(Query.RECENT);
        if (!settings.languages().isEmpty()) {
            q = q.lang(settings.languages().get(0));
        }
        if (sinceId.isPresent()) {
            q = q.sinceId(id(sinceId.get()));
        }
        if (nextPage.isPresent()) {
            q = q.maxId(id(nextPage.get()));
        }
        Query request = q;
        QueryResult result = client.read("GET", "search/tweets.json", twitter -> twitter.v1().search().search(request));
        List<XTweet> tweets = new ArrayList<>();
        for (Status status : result.getTweets()) {
            tweets.add(tweet(status));
        }
        Optional<String> newest = tweets.stream().map(XTweet::id).max(XCursor.BY_ID);
        return new XPage(tweets, newest, next(result, tweets), quotaLeft(result));
    }

    /** Where the next, older page starts: {@code max_id} of v1.1's {@code next_results}, when it has one. */
    private static Optional<String> next(QueryResult result, List<XTweet> tweets) {
        if (!result.hasNext() || tweets.isEmpty()) {
            return Optional.empty();
        }
        Query next = result.nextQuery();
        return next != null && next.maxId > 0 ? Optional.of(String.valueOf(next.maxId)) : Optional.empty();
    }

    private static long quotaLeft(QueryResult result) {
        try {
            RateLimitStatus limit = result.getRateLimitStatus();
            return limit == null ? RateLimitHeaders.UNKNOWN : Math.max(0, limit.getRemaining());
        } catch (RuntimeException garbled) {
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
