package org.earshot.connector.reddit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.http.HttpClientFactory;
import org.earshot.http.ResilienceSettings;

/**
 * One Reddit connector's settings, read from its entry under {@code connectors:} and checked at once.
 * The app's client id and secret and the brand account's password never show in {@link #toString()}.
 *
 * @param configKey       where the settings are in the config ("connectors.reddit"), for messages
 * @param baseUrl         the API, without a trailing slash (https://oauth.reddit.com)
 * @param authUrl         where tokens come from, without a trailing slash (https://www.reddit.com)
 * @param username        the brand's Reddit account, without "u/"; it logs in and posts the replies
 * @param userAgent       the descriptive User-Agent Reddit requires on every request
 * @param subreddits      communities to search in, without "r/"; empty means all of Reddit
 * @param includeComments whether comments are searched as well as posts
 */
public record RedditSettings(
        String configKey,
        URI baseUrl,
        URI authUrl,
        String clientId,
        String clientSecret,
        String username,
        String password,
        String userAgent,
        List<String> subreddits,
        boolean includeComments,
        int pageLimit,
        int maxPagesPerPoll,
        Duration connectTimeout,
        Duration responseTimeout,
        ResilienceSettings resilience) {

    static final URI DEFAULT_BASE_URL = URI.create("https://oauth.reddit.com");
    static final URI DEFAULT_AUTH_URL = URI.create("https://www.reddit.com");
    /** Reddit allows 100 requests a minute per OAuth client; staying a little below leaves room for clock skew. */
    static final int REQUESTS_PER_WINDOW = 90;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final String USER_AGENT_FORMAT = "<platform>:<app id>:<version> (by /u/<username>)";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_-]{3,20}");
    private static final Pattern SUBREDDIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]{1,20}");
    private static final String HIDDEN = "***";

    public RedditSettings {
        subreddits = List.copyOf(subreddits);
    }

    public static RedditSettings from(ConnectorConfig config) {
        ConfigNode node = config.settings();
        URI baseUrl = node.has("baseUrl") ? node.baseUrl("baseUrl") : DEFAULT_BASE_URL;
        URI authUrl = node.has("authUrl") ? node.baseUrl("authUrl") : DEFAULT_AUTH_URL;
        String clientId = node.requiredString("clientId").strip();
        String clientSecret = node.requiredString("clientSecret").strip();
        String username = node.requiredString("username").strip();
        if (!USERNAME.matcher(username).matches()) {
            throw node.get("username").error("must be the Reddit account name alone, like acmeair"
                    + " (3 to 20 letters, digits, '_' or '-', without 'u/'), but was '" + username + "'");
        }
        String password = node.requiredString("password");
        if (!node.has("userAgent") || node.get("userAgent").raw().asText().isBlank()) {
            throw node.get("userAgent").error("is required: Reddit blocks requests without a descriptive"
                    + " User-Agent; write it as " + USER_AGENT_FORMAT + ", e.g. 'earshot:com.acme.earshot:0.1"
                    + " (by /u/" + username + ")'");
        }
        String userAgent = node.requiredString("userAgent").strip();
        ResilienceSettings resilience = ResilienceSettings.from(node, REQUESTS_PER_WINDOW, WINDOW);
        return new RedditSettings(node.key(), baseUrl, authUrl,
                clientId, clientSecret, username, password, userAgent, subreddits(node),
                node.bool("includeComments", false), node.integer("pageLimit", 100, 1, 100),
                node.integer("maxPagesPerPoll", 5, 1, 100),
                node.positiveDuration("connectTimeout", HttpClientFactory.DEFAULT_CONNECT_TIMEOUT),
                node.positiveDuration("responseTimeout", HttpClientFactory.DEFAULT_RESPONSE_TIMEOUT),
                resilience);
    }

    /** The full key of one of these settings, for messages that tell the operator what to check. */
    public String key(String setting) {
        return configKey.isEmpty() ? setting : configKey + "." + setting;
    }

    @Override
    public String toString() {
        return "RedditSettings[configKey=" + configKey + ", baseUrl=" + baseUrl + ", authUrl=" + authUrl
                + ", clientId=" + HIDDEN + ", clientSecret=" + HIDDEN + ", username=" + username
                + ", password=" + HIDDEN + ", userAgent=" + userAgent + ", subreddits=" + subreddits
                + ", includeComments=" + includeComments + ", pageLimit=" + pageLimit
                + ", maxPagesPerPoll=" + maxPagesPerPoll + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + ", resilience=" + resilience + "]";
    }

    private static List<String> subreddits(ConfigNode node) {
        List<String> raw = node.stringList("subreddits");
        Set<String> seen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i).strip();
            name = name.startsWith("/") ? name.substring(1) : name;
            name = name.regionMatches(true, 0, "r/", 0, 2) ? name.substring(2) : name;
            if (!SUBREDDIT.matcher(name).matches()) {
                throw new ConfigNode(node.file(), node.get("subreddits").key() + "[" + i + "]", null)
                        .error("must be a subreddit name like travel or r/travel (2 to 21 letters, digits or '_'),"
                                + " but was '" + raw.get(i) + "'");
            }
            if (seen.add(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }


}
