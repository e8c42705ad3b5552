package org.earshot.connector.mastodon;

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
 * One Mastodon connector's settings, read from its entry under {@code connectors:} and checked at once.
 *
 * @param configKey       where the settings are in the config ("connectors.mastodon"), for messages
 * @param baseUrl         the instance, without a trailing slash
 * @param hashtags        hashtag timelines to watch, without '#'
 * @param notifications   whether to read the account's mentions from its notifications
 * @param visibility      the visibility of replies; empty means the same as the mention's
 */
public record MastodonSettings(
        String configKey,
        URI baseUrl,
        String accessToken,
        List<String> hashtags,
        boolean notifications,
        int pageLimit,
        Optional<String> visibility,
        int maxPagesPerPoll,
        Duration connectTimeout,
        Duration responseTimeout,
        ResilienceSettings resilience) {

    public static final List<String> VISIBILITIES = List.of("public", "unlisted", "private", "direct");
    /** Mastodon's default: 300 requests per 5 minutes per token. */
    static final int REQUESTS_PER_WINDOW = 300;
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{N}_]+");

    public MastodonSettings {
        hashtags = List.copyOf(hashtags);
    }

    public static MastodonSettings from(ConnectorConfig config) {
        ConfigNode node = config.settings();
        URI baseUrl = node.baseUrl("baseUrl");
        String token = node.requiredString("accessToken").strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7) || token.chars().anyMatch(Character::isWhitespace)) {
            throw node.get("accessToken").error("must be the token alone, without 'Bearer ' or spaces");
        }
        List<String> hashtags = hashtags(node);
        boolean notifications = node.bool("notifications", true);
        if (!notifications && hashtags.isEmpty()) {
            throw node.get("notifications").error("is false and no hashtags are listed, so there is nothing to watch");
        }
        Optional<String> visibility = node.optionalString("visibility").map(v -> v.strip().toLowerCase(Locale.ROOT));
        if (visibility.isPresent() && !VISIBILITIES.contains(visibility.get())) {
            throw node.get("visibility").error("must be one of " + String.join(", ", VISIBILITIES)
                    + ", but was '" + visibility.get() + "'");
        }
        ResilienceSettings resilience = ResilienceSettings.from(node, REQUESTS_PER_WINDOW, WINDOW);
        return new MastodonSettings(node.key(), baseUrl, token, hashtags, notifications,
                node.integer("pageLimit", 40, 1, 80), visibility, node.integer("maxPagesPerPoll", 10, 1, 100),
                node.positiveDuration("connectTimeout", HttpClientFactory.DEFAULT_CONNECT_TIMEOUT),
                node.positiveDuration("responseTimeout", HttpClientFactory.DEFAULT_RESPONSE_TIMEOUT),
                resilience);
    }

    /** The full key of one of these settings, for messages that tell the operator what to check. */
    public String key(String setting) {
        return configKey.isEmpty() ? setting : configKey + "." + setting;
    }

    private static List<String> hashtags(ConfigNode node) {
        List<String> raw = node.stringList("hashtags");
        Set<String> seen = new LinkedHashSet<>();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String tag = raw.get(i).strip();
            tag = tag.startsWith("#") ? tag.substring(1) : tag;
            if (!HASHTAG.matcher(tag).matches()) {
                throw new ConfigNode(node.file(), node.get("hashtags").key() + "[" + i + "]", null)
                        .error("must be a hashtag of letters, digits or '_', but was '" + raw.get(i) + "'");
            }
            if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        return tags;
    }


}
