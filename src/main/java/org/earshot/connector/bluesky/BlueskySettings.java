package org.earshot.connector.bluesky;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.http.HttpClientFactory;
import org.earshot.http.ResilienceSettings;

/**
 * One Bluesky connector's settings, read from its entry under {@code connectors:} and checked at once.
 * {@link #toString()} leaves the app password out, so the settings can be logged.
 *
 * @param configKey  where the settings are in the config ("connectors.bluesky"), for messages
 * @param baseUrl    the account's PDS (https://bsky.social for most accounts), without a trailing slash
 * @param identifier the account's handle (without '@'), DID or e-mail address, to log in with
 * @param queries    the searches to run; empty means the brand's keywords, hashtags and handles
 * @param language   a language code: searches keep only posts in it and replies are tagged with it
 */
public record BlueskySettings(
        String configKey,
        URI baseUrl,
        String identifier,
        String appPassword,
        List<String> queries,
        Optional<String> language,
        int pageLimit,
        int maxPagesPerPoll,
        Duration connectTimeout,
        Duration responseTimeout,
        ResilienceSettings resilience) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://bsky.social");
    /** Bluesky's PDS allows 3000 requests per 5 minutes; the connector keeps below that. */
    static final int REQUESTS_PER_WINDOW = 2500;
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Pattern DID = Pattern.compile("did:[a-z]+:[A-Za-z0-9._:%-]+");
    private static final Pattern HANDLE = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern APP_PASSWORD = Pattern.compile("[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public BlueskySettings {
        queries = List.copyOf(queries);
    }

    public static BlueskySettings from(ConnectorConfig config) {
        ConfigNode node = config.settings();
        URI baseUrl = node.has("baseUrl") ? node.baseUrl("baseUrl") : DEFAULT_BASE_URL;
        String identifier = node.requiredString("identifier").strip();
        identifier = identifier.startsWith("@") ? identifier.substring(1) : identifier;
        if (!DID.matcher(identifier).matches() && !HANDLE.matcher(identifier).matches()
                && !EMAIL.matcher(identifier).matches()) {
            throw node.get("identifier").error("must be the account's handle (acmeair.bsky.social) or DID"
                    + " (did:plc:…), but was '" + identifier + "'");
        }
        String appPassword = node.requiredString("appPassword").strip();
        if (!APP_PASSWORD.matcher(appPassword).matches()) {
            // The value itself is never repeated: it may be the account's real password.
            throw node.get("appPassword").error("must be an app password like abcd-efgh-ijkl-mnop, made under"
                    + " Settings → Privacy and security → App passwords, not the account's own password");
        }
        Optional<String> language = node.optionalString("language").map(String::strip);
        if (language.isPresent() && !LANGUAGE.matcher(language.get()).matches()) {
            throw node.get("language").error("must be a language code like en or pt-BR, but was '"
                    + language.get() + "'");
        }
        ResilienceSettings resilience = ResilienceSettings.from(node, REQUESTS_PER_WINDOW, WINDOW);
        return new BlueskySettings(node.key(), baseUrl, identifier, appPassword,
                queries(node), language, node.integer("pageLimit", 100, 1, 100),
                node.integer("maxPagesPerPoll", 10, 1, 100),
                node.positiveDuration("connectTimeout", HttpClientFactory.DEFAULT_CONNECT_TIMEOUT),
                node.positiveDuration("responseTimeout", HttpClientFactory.DEFAULT_RESPONSE_TIMEOUT),
                resilience);
    }

    /**
     * The searches to run: {@code queries} when set, else the brand's keywords, hashtags and those of
     * its handles that can be Bluesky handles ("@acmeair" is searched as "acmeair"; a Mastodon
     * "@acmeair@mastodon.example" is left out). Repeats, in any case, are searched once.
     */
    public List<String> queriesFor(BrandConfig brand) {
        if (!queries.isEmpty()) {
            return queries;
        }
        List<String> terms = new ArrayList<>();
        Stream.of(brand.keywords(), brand.hashtags(), brand.handles())
                .flatMap(list -> list == null ? Stream.empty() : list.stream())
                .map(String::strip)
                .map(term -> term.startsWith("@") ? term.substring(1) : term)
                .filter(term -> !term.isEmpty() && !term.contains("@"))
                .forEach(terms::add);
        return distinct(terms);
    }

    /** The full key of one of these settings, for messages that tell the operator what to check. */
    public String key(String setting) {
        return configKey.isEmpty() ? setting : configKey + "." + setting;
    }

    @Override
    public String toString() {
        return "BlueskySettings[configKey=" + configKey + ", baseUrl=" + baseUrl + ", identifier=" + identifier
                + ", appPassword=(hidden), queries=" + queries + ", language=" + language.orElse("any")
                + ", pageLimit=" + pageLimit + ", maxPagesPerPoll=" + maxPagesPerPoll
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", resilience=" + resilience + "]";
    }

    private static List<String> queries(ConfigNode node) {
        List<String> raw = node.stringList("queries");
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).isBlank()) {
                throw new ConfigNode(node.file(), node.get("queries").key() + "[" + i + "]", null)
                        .error("must be a search term, but was empty");
            }
        }
        return distinct(raw.stream().map(String::strip).toList());
    }

    private static List<String> distinct(List<String> terms) {
        Set<String> seen = new LinkedHashSet<>();
        return terms.stream().filter(t -> seen.add(t.toLowerCase(Locale.ROOT))).toList();
    }


}
