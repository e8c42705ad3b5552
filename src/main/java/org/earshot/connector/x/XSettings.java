package org.earshot.connector.x;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.http.HttpClientFactory;
import org.earshot.http.ResilienceSettings;

/**
 * One X connector's settings, read from its entry under {@code connectors:} and checked at once.
 * {@link #toString()} never shows a token or key.
 *
 * @param configKey       where the settings are in the config ("connectors.x"), for messages
 * @param baseUrl         X's API host without a trailing slash; v1.1 calls go to {@code <baseUrl>/1.1/}
 * @param bearerToken     the app's bearer token, for reading with v2; empty with v1.1
 * @param userAccessToken an OAuth 2.0 user-context token of the brand account, for posting with v2
 * @param oauth1          the OAuth 1.0a keys of the brand account, for everything with v1.1
 * @param brandAccount    the handle replies come from, without '@'
 * @param languages       language codes the search is limited to; none means every language
 */
public record XSettings(
        String configKey,
        XApiVersion api,
        URI baseUrl,
        String bearerToken,
        Optional<String> userAccessToken,
        Optional<OAuth1Keys> oauth1,
        String brandAccount,
        List<String> languages,
        boolean excludeRetweets,
        int maxResults,
        int maxPagesPerPoll,
        int maxQueryLength,
        Duration connectTimeout,
        Duration responseTimeout,
        ResilienceSettings resilience) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.x.com");
    /** X counts rate limits in windows of 15 minutes. */
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Recent search on X's Basic tier allows 60 requests per 15 minutes; v1.1 search allowed 180. */
    static final int DEFAULT_REQUESTS_V2 = 60;
    static final int DEFAULT_REQUESTS_V1 = 180;
    static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /** The four OAuth 1.0a values of an app and the brand account's access token. */
    public record OAuth1Keys(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {
        @Override
        public String toString() {
            return "OAuth1Keys[****]";
        }
    }

    public XSettings {
        languages = List.copyOf(languages);
    }

    public static XSettings from(ConnectorConfig config) {
        ConfigNode node = config.settings();
        String apiText = node.string("api", XApiVersion.V2.id());
        XApiVersion api = XApiVersion.fromId(apiText).orElseThrow(
                () -> node.get("api").error("must be v2 or v1.1, but was '" + apiText + "'"));
        URI baseUrl = node.has("baseUrl") ? node.baseUrl("baseUrl") : DEFAULT_BASE_URL;
        String bearerToken = "";
        Optional<String> userAccessToken = Optional.empty();
        Optional<OAuth1Keys> oauth1 = Optional.empty();
        // An operator moving between API versions may keep both sets of secrets in the file.
        node.accepts("bearerToken", "userAccessToken", "consumerKey", "consumerSecret", "accessToken",
                "accessTokenSecret");
        if (api == XApiVersion.V2) {
            bearerToken = secret(node, "bearerToken", api, "reading needs the app's bearer token").orElseThrow();
            userAccessToken = secretIfSet(node, "userAccessToken");
        } else {
            String why = "v1.1 signs every call with OAuth 1.0a";
            oauth1 = Optional.of(new OAuth1Keys(secret(node, "consumerKey", api, why).orElseThrow(),
                    secret(node, "consumerSecret", api, why).orElseThrow(),
                    secret(node, "accessToken", api, why).orElseThrow(),
                    secret(node, "accessTokenSecret", api, why).orElseThrow()));
        }
        String brandAccount = handle(node);
        List<String> languages = languages(node, api);
        int requests = node.integer("requestsPer15Minutes",
                api == XApiVersion.V2 ? DEFAULT_REQUESTS_V2 : DEFAULT_REQUESTS_V1, 1, 100_000);
        ResilienceSettings resilience = ResilienceSettings.from(node, requests, WINDOW);
        return new XSettings(node.key(), api, baseUrl, bearerToken, userAccessToken, oauth1, brandAccount, languages,
                node.bool("excludeRetweets", true), node.integer("maxResults", 100, 10, 100),
                node.integer("maxPagesPerPoll", 10, 1, 100), node.integer("maxQueryLength", 512, 64, 4096),
                node.positiveDuration("connectTimeout", HttpClientFactory.DEFAULT_CONNECT_TIMEOUT),
                node.positiveDuration("responseTimeout", HttpClientFactory.DEFAULT_RESPONSE_TIMEOUT),
                resilience);
    }

    /** The full key of one of these settings, for messages that tell the operator what to check. */
    public String key(String setting) {
        return configKey.isEmpty() ? setting : configKey + "." + setting;
    }

    /** Where Twitter4J sends v1.1 calls. */
    String restBaseUrl() {
        return baseUrl + "/1.1/";
    }

    @Override
    public String toString() {
        return "XSettings[configKey=" + configKey + ", api=" + api.id() + ", baseUrl=" + baseUrl
                + ", bearerToken=" + (bearerToken.isEmpty() ? "(none)" : "****")
                + ", userAccessToken=" + (userAccessToken.isPresent() ? "****" : "(none)")
                + ", oauth1=" + (oauth1.isPresent() ? "****" : "(none)")
                + ", brandAccount=" + brandAccount + ", languages=" + languages
                + ", excludeRetweets=" + excludeRetweets + ", maxResults=" + maxResults
                + ", maxPagesPerPoll=" + maxPagesPerPoll + ", maxQueryLength=" + maxQueryLength
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", resilience=" + resilience + "]";
    }

    private static Optional<String> secret(ConfigNode node, String child, XApiVersion api, String why) {
        Optional<String> value = secretIfSet(node, child);
        if (value.isEmpty()) {
            throw node.get(child).error("is required with api " + api.id() + " (" + why + ")");
        }
        return value;
    }

    private static Optional<String> secretIfSet(ConfigNode node, String child) {
        Optional<String> value = node.optionalString(child).map(String::strip);
        if (value.isPresent() && (value.get().regionMatches(true, 0, "Bearer ", 0, 7)
                || value.get().chars().anyMatch(Character::isWhitespace))) {
            throw node.get(child).error("must be the value alone, without 'Bearer ' or spaces");
        }
        return value;
    }

    private static String handle(ConfigNode node) {
        String raw = node.requiredString("brandAccount").strip();
        String bare = raw.startsWith("@") ? raw.substring(1) : raw;
        if (!HANDLE.matcher(bare).matches()) {
            throw node.get("brandAccount").error("must be an X handle of 1 to 15 letters, digits or '_', but was '"
                    + raw + "'");
        }
        return bare;
    }

    private static List<String> languages(ConfigNode node, XApiVersion api) {
        List<String> raw = node.stringList("languages");
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String code = raw.get(i).strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(code).matches()) {
                throw new ConfigNode(node.file(), node.get("languages").key() + "[" + i + "]", null)
                        .error("must be a language code like en or pt, but was '" + raw.get(i) + "'");
            }
            codes.add(code);
        }
        if (api == XApiVersion.V1_1 && codes.size() > 1) {
            throw node.get("languages").error("can name one language with api v1.1 (its search takes one lang),"
                    + " but names " + codes.size());
        }
        return new ArrayList<>(codes);
    }


}
