package org.earshot.connector.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.earshot.config.ConfigException;
import org.junit.jupiter.api.Test;

class MastodonSettingsTest {
    private final ObjectNode node = MastodonFixtures.settings("https://mastodon.example/");

    private MastodonSettings read() {
        return MastodonSettings.from(MastodonFixtures.config(node));
    }

    private void assertRejected(String message) {
        assertThatThrownBy(this::read).isInstanceOf(ConfigException.class).hasMessage("earshot.yaml: " + message);
    }

    @Test
    void defaultsApplyWhenOnlyTheRequiredKeysAreSet() {
        node.remove("hashtags");
        node.remove("retryBackoff");

        MastodonSettings s = read();

        assertThat(s.baseUrl()).isEqualTo(URI.create("https://mastodon.example"));
        assertThat(s.accessToken()).isEqualTo("test-token");
        assertThat(s.hashtags()).isEmpty();
        assertThat(s.notifications()).isTrue();
        assertThat(s.pageLimit()).isEqualTo(40);
        assertThat(s.visibility()).isEmpty();
        assertThat(s.maxPagesPerPoll()).isEqualTo(10);
        assertThat(s.resilience().maxAttempts()).isEqualTo(3);
        assertThat(s.resilience().backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.resilience().maxRateLimitWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.resilience().requestsPerWindow()).isEqualTo(300);
        assertThat(s.resilience().window()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void hashtagsLoseTheirHashAndRepeats() {
        node.putArray("hashtags").add("#AcmeAir").add("acmeair").add("acme_support");

        assertThat(read().hashtags()).containsExactly("AcmeAir", "acme_support");
    }

    @Test
    void visibilityIsReadInAnyCase() {
        node.put("visibility", "Unlisted");

        assertThat(read().visibility()).isEqualTo(Optional.of("unlisted"));
    }

    @Test
    void baseUrlIsRequired() {
        node.remove("baseUrl");
        assertRejected("connectors.mastodon.baseUrl is required");
    }

    @Test
    void baseUrlMustBeHttpOrHttps() {
        node.put("baseUrl", "ftp://mastodon.example");
        assertRejected("connectors.mastodon.baseUrl must be an http or https URL, but was 'ftp://mastodon.example'");
    }

    @Test
    void accessTokenIsRequired() {
        node.put("accessToken", "  ");
        assertRejected("connectors.mastodon.accessToken is required");
    }

    @Test
    void accessTokenMustNotCarryTheBearerPrefix() {
        node.put("accessToken", "Bearer abc123");
        assertRejected("connectors.mastodon.accessToken must be the token alone, without 'Bearer ' or spaces");
    }

    @Test
    void hashtagsMustBeWords() {
        node.putArray("hashtags").add("acmeair").add("acme air");
        assertRejected("connectors.mastodon.hashtags[1] must be a hashtag of letters, digits or '_', but was 'acme air'");
    }

    @Test
    void hashtagsMustBeAList() {
        node.putObject("hashtags").put("tag", "acmeair");
        assertRejected("connectors.mastodon.hashtags must be a list, but was object");
    }

    @Test
    void notificationsMustBeABoolean() {
        node.put("notifications", "sometimes");
        assertRejected("connectors.mastodon.notifications must be true or false, but was 'sometimes'");
    }

    @Test
    void somethingMustBeWatched() {
        node.put("notifications", false);
        node.putArray("hashtags");
        assertRejected("connectors.mastodon.notifications is false and no hashtags are listed, so there is nothing to watch");
    }

    @Test
    void pageLimitIsAtMostMastodonsEighty() {
        node.put("pageLimit", 81);
        assertRejected("connectors.mastodon.pageLimit must be between 1 and 80, but was 81");
    }

    @Test
    void pageLimitIsAtLeastOne() {
        node.put("pageLimit", 0);
        assertRejected("connectors.mastodon.pageLimit must be between 1 and 80, but was 0");
    }

    @Test
    void visibilityMustBeOneOfMastodons() {
        node.put("visibility", "friends");
        assertRejected("connectors.mastodon.visibility must be one of public, unlisted, private, direct, but was 'friends'");
    }

    @Test
    void maxPagesPerPollIsAtLeastOne() {
        node.put("maxPagesPerPoll", 0);
        assertRejected("connectors.mastodon.maxPagesPerPoll must be between 1 and 100, but was 0");
    }

    @Test
    void maxAttemptsIsAtMostTen() {
        node.put("maxAttempts", 11);
        assertRejected("connectors.mastodon.maxAttempts must be between 1 and 10, but was 11");
    }

    @Test
    void retryBackoffIsAtLeastOneMillisecond() {
        node.put("retryBackoff", "0ms");
        assertRejected("connectors.mastodon.retryBackoff must be at least 1ms, but was '0ms'");
    }

    @Test
    void maxRateLimitWaitMustBeADuration() {
        node.put("maxRateLimitWait", "a while");
        assertRejected("connectors.mastodon.maxRateLimitWait must be a duration like 30s, 5m or 12h, but was 'a while'");
    }
}
