package org.earshot.connector.x;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.earshot.connector.ConnectorException;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterResponse;
import twitter4j.v1.RateLimitStatus;

/**
 * X API v1.1 through Twitter4J 4.1.2, pointed at {@code <baseUrl>/1.1/} and signed with OAuth 1.0a.
 *
 * <p>Twitter4J sends the replies and timeline reads; the search is fetched raw by {@link #signedGet}
 * so that Twitter4J can read each status on its own. Each request runs under the connector's own retry, rate limiter
 * and circuit breaker ({@link ConnectorResilience}): Twitter4J reports what it got as an
 * {@link HttpReply} (status, X's rate-limit headers, X's error), so a 429 waits for X's reset and a
 * 5xx or a broken connection is tried again, for reads only. Twitter4J's own retry is off
 * ({@code httpRetryCount=0}), and so is the JDK's hidden resend of a POST whose connection broke
 * before the answer ({@code sun.net.http.retryPost=false}): a reply is sent once per call.
 */
final class XV1Client {
    /** The JDK's HttpURLConnection, which Twitter4J uses, resends a POST once when the connection breaks. */
    static final String JDK_RETRY_POST = "sun.net.http.retryPost";

    static {
        disableJdkPostRetry();
    }

    private final XSettings settings;
    private final ConnectorResilience http;
    private final Twitter twitter;

    XV1Client(XSettings settings, ConnectorResilience http) {
        this.settings = settings;
        this.http = http;
        this.twitter = twitter(settings);
    }

    /** A Twitter4J call. */
    @FunctionalInterface
    interface Call<T extends TwitterResponse> {
        T call(Twitter twitter) throws TwitterException;
    }

    /** What a call that is sent once brought back: X's reply and, when it succeeded, Twitter4J's value. */
    record Answer<T>(HttpReply reply, T value) {
    }

    /**
     * The JDK reads this once, when the first HTTP connection of the process is made: the factory sets
     * it when it is loaded, before any connection.
     */
    static void disableJdkPostRetry() {
        if (!"false".equals(System.getProperty(JDK_RETRY_POST))) {
            System.setProperty(JDK_RETRY_POST, "false");
        }
    }

    String restBaseUrl() {
        return settings.restBaseUrl();
    }

    /** Runs a call that is safe to repeat, retried like every read; fails unless X answered 2xx. */
    <T extends TwitterResponse> T read(String method, String resource, Call<T> call) throws ConnectorException {
        String target = method + " " + settings.restBaseUrl() + resource;
        AtomicReference<T> value = new AtomicReference<>();
        HttpReply reply;
        try {
            reply = http.read(target, () -> exchange(call, value));
        } catch (Unreadable e) {
            throw ConnectorException.transientFailure("X answered " + target + " with JSON that cannot be read: "
                    + XV2Api.firstLine(e.getCause().getMessage()), e.getCause());
        }
        if (!reply.isSuccess()) {
            throw refused(reply, target);
        }
        return value.get();
    }

    /**
     * A GET of a v1.1 resource, signed with OAuth 1.0a (HMAC-SHA1) like Twitter4J signs it, whose body
     * is handed back as X sent it, so that each post of a page can be given to Twitter4J on its own.
     * Retried like every read; fails unless X answered 2xx.
     */
    HttpReply signedGet(String resource, List<Map.Entry<String, String>> params) throws ConnectorException {
        String url = settings.restBaseUrl() + resource;
        HttpReply reply = http.read(XV1Signature.get(url, params, settings.oauth1().orElseThrow()));
        if (!reply.isSuccess()) {
            throw refused(reply, "GET " + url);
        }
        return reply;
    }

    /** Runs a call once, whatever happens; the caller explains a refusal. */
    <T extends TwitterResponse> Answer<T> write(String method, String resource, Call<T> call) throws ConnectorException {
        String target = method + " " + settings.restBaseUrl() + resource;
        AtomicReference<T> value = new AtomicReference<>();
        try {
            HttpReply reply = http.write(target, () -> exchange(call, value));
            return new Answer<>(reply, value.get());
        } catch (Unreadable e) {
            // The post may well exist: the next try looks for it before posting.
            throw ConnectorException.transientFailure("X accepted " + target + " but its answer cannot be read ("
                    + XV2Api.firstLine(e.getCause().getMessage()) + "); the next try looks for the post before"
                    + " sending again", e.getCause());
        }
    }

    /** Explains a reply that is neither a success nor something a retry can fix. */
    ConnectorException refused(HttpReply reply, String target) {
        String error = XV2Api.errorText(reply);
        String keys = settings.key("consumerKey") + ", consumerSecret, accessToken and accessTokenSecret";
        if (reply.status() == 401) {
            return ConnectorException.permanentFailure("X rejected the OAuth 1.0a keys (401): check " + keys
                    + (error.isEmpty() ? "" : "; X said" + error), null);
        }
        if (reply.status() == 403 && errorCode(reply) == 453) {
            return ConnectorException.permanentFailure("X refused " + target + " (403)" + error
                    + ": this app has no v1.1 access; set " + settings.key("api") + " to v2", null);
        }
        return ConnectorException.permanentFailure("X refused " + target + " (" + reply.status() + ")" + error, null);
    }

    /** X's v1.1 error code in a reply made by {@link #exchange}, or -1. */
    static int errorCode(HttpReply reply) {
        try {
            return XV2Api.JSON.readTree(reply.body()).path("errors").path(0).path("code").asInt(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private <T extends TwitterResponse> HttpReply exchange(Call<T> call, AtomicReference<T> value) throws IOException {
        try {
            T result = call.call(twitter);
            value.set(result);
            return new HttpReply(200, headers(rateLimit(result)), "");
        } catch (TwitterException e) {
            if (e.isCausedByNetworkIssue()) {
                throw (IOException) e.getCause();
            }
            if (e.getStatusCode() >= 300) {
                Map<String, List<String>> headers = headers(rateLimit(e));
                if (e.getStatusCode() == 420 && e.getRetryAfter() > 0) {
                    headers.put("Retry-After", List.of(String.valueOf(e.getRetryAfter())));
                }
                return new HttpReply(e.getStatusCode(), headers, body(e));
            }
            throw new Unreadable(e);
        }
    }

    private static RateLimitStatus rateLimit(TwitterResponse response) {
        try {
            return response == null ? null : response.getRateLimitStatus();
        } catch (RuntimeException garbled) {
            // Twitter4J parses these headers as numbers; a header that is not one means "unknown".
            return null;
        }
    }

    private static Map<String, List<String>> headers(RateLimitStatus limit) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (limit != null) {
            headers.put("x-rate-limit-limit", List.of(String.valueOf(limit.getLimit())));
            headers.put("x-rate-limit-remaining", List.of(String.valueOf(limit.getRemaining())));
            // Twitter4J keeps the epoch seconds in an int, which wraps after 2038.
            headers.put("x-rate-limit-reset", List.of(String.valueOf(Integer.toUnsignedLong(limit.getResetTimeInSeconds()))));
        }
        return headers;
    }

    /** X's error as v1.1 writes it ({@code {"errors":[{"code":…,"message":…}]}}), or Twitter4J's words. */
    private static String body(TwitterException e) {
        if (e.isErrorMessageAvailable()) {
            ObjectNode json = XV2Api.JSON.createObjectNode();
            json.putArray("errors").addObject().put("code", e.getErrorCode()).put("message", e.getErrorMessage());
            return json.toString();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(nl + 1);
    }

    private static Twitter twitter(XSettings settings) {
        XSettings.OAuth1Keys keys = settings.oauth1().orElseThrow(
                () -> new IllegalArgumentException("api v1.1 needs the OAuth 1.0a keys"));
        Properties props = new Properties();
        props.setProperty("restBaseURL", settings.restBaseUrl());
        // Set after load(): Twitter4J also reads twitter4j.* system properties and twitter4j_* variables.
        return Twitter.newBuilder().load(props)
                .httpRetryCount(0)
                .httpConnectionTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
                .httpReadTimeout((int) Math.min(Integer.MAX_VALUE, settings.responseTimeout().toMillis()))
                .applicationOnlyAuthEnabled(false)
                .tweetModeExtended(true)
                .prettyDebugEnabled(false)
                .oAuthConsumer(keys.consumerKey(), keys.consumerSecret())
                .oAuthAccessToken(keys.accessToken(), keys.accessTokenSecret())
                .build();
    }

    /** A 2xx whose body Twitter4J could not turn into objects. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(TwitterException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
