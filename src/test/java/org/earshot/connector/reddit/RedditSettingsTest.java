package org.earshot.connector.reddit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import org.earshot.config.ConfigException;
import org.junit.jupiter.api.Test;

class RedditSettingsTest {
    private final ObjectNode node = RedditFixtures.settings("https://reddit.example/");

    private RedditSettings read() {
        return RedditSettings.from(RedditFixtures.config(node));
    }

    private void assertRejected(String message) {
        assertThatThrownBy(this::read).isInstanceOf(ConfigException.class).hasMessage("earshot.yaml: " + message);
    }

    @Test
    void defaultsApplyWhenOnlyTheRequiredKeysAreSet() {
        node.remove("baseUrl");
        node.remove("authUrl");
        node.remove("retryBackoff");

        RedditSettings s = read();

        assertThat(s.baseUrl()).isEqualTo(URI.create("https://oauth.reddit.com"));
        assertThat(s.authUrl()).isEqualTo(URI.create("https://www.reddit.com"));
        assertThat(s.clientId()).isEqualTo("test-client-id");
        assertThat(s.clientSecret()).isEqualTo("test-client-secret");
        assertThat(s.username()).isEqualTo("acmeair");
        assertThat(s.password()).isEqualTo("test-password");
        assertThat(s.userAgent()).isEqualTo(RedditFixtures.USER_AGENT);
        assertThat(s.subreddits()).isEmpty();
        assertThat(s.includeComments()).isFalse();
        assertThat(s.pageLimit()).isEqualTo(100);
        assertThat(s.maxPagesPerPoll()).isEqualTo(5);
        assertThat(s.resilience().maxAttempts()).isEqualTo(3);
        assertThat(s.resilience().backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.resilience().maxRateLimitWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.resilience().requestsPerWindow()).isEqualTo(90);
        assertThat(s.resilience().window()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void urlsLoseTheirTrailingSlash() {
        assertThat(read().baseUrl()).isEqualTo(URI.create("https://reddit.example"));
        assertThat(read().authUrl()).isEqualTo(URI.create("https://reddit.example"));
    }

    @Test
    void toStringShowsNoCredentials() {
        String shown = read().toString();

        assertThat(shown).doesNotContain("test-client-id", "test-client-secret", "test-password")
                .contains("username=acmeair", "clientSecret=***", "password=***");
    }

    @Test
    void subredditsLoseTheirPrefixAndRepeats() {
        node.putArray("subreddits").add("r/travel").add("/r/Flights").add("Travel").add("AcmeAir");

        assertThat(read().subreddits()).containsExactly("travel", "Flights", "AcmeAir");
    }

    @Test
    void baseUrlMustBeHttpOrHttps() {
        node.put("baseUrl", "ftp://oauth.reddit.example");
        assertRejected("connectors.reddit.baseUrl must be an http or https URL, but was 'ftp://oauth.reddit.example'");
    }

    @Test
    void authUrlMustBeHttpOrHttps() {
        node.put("authUrl", "www.reddit.com");
        assertRejected("connectors.reddit.authUrl must be an http or https URL, but was 'www.reddit.com'");
    }

    @Test
    void clientIdIsRequired() {
        node.remove("clientId");
        assertRejected("connectors.reddit.clientId is required");
    }

    @Test
    void clientSecretIsRequired() {
        node.put("clientSecret", " ");
        assertRejected("connectors.reddit.clientSecret is required");
    }

    @Test
    void usernameIsRequired() {
        node.remove("username");
        assertRejected("connectors.reddit.username is required");
    }

    @Test
    void usernameIsTheAccountNameAlone() {
        node.put("username", "u/acmeair");
        assertRejected("connectors.reddit.username must be the Reddit account name alone, like acmeair"
                + " (3 to 20 letters, digits, '_' or '-', without 'u/'), but was 'u/acmeair'");
    }

    @Test
    void passwordIsRequired() {
        node.remove("password");
        assertRejected("connectors.reddit.password is required");
    }

    @Test
    void userAgentIsRequiredAndItsFormatIsExplained() {
        node.put("userAgent", "  ");
        assertRejected("connectors.reddit.userAgent is required: Reddit blocks requests without a descriptive"
                + " User-Agent; write it as <platform>:<app id>:<version> (by /u/<username>),"
                + " e.g. 'earshot:com.acme.earshot:0.1 (by /u/acmeair)'");
    }

    @Test
    void subredditsMustBeNames() {
        node.putArray("subreddits").add("travel").add("air travel");
        assertRejected("connectors.reddit.subreddits[1] must be a subreddit name like travel or r/travel"
                + " (2 to 21 letters, digits or '_'), but was 'air travel'");
    }

    @Test
    void subredditsMustBeAList() {
        node.putObject("subreddits").put("name", "travel");
        assertRejected("connectors.reddit.subreddits must be a list, but was object");
    }

    @Test
    void includeCommentsMustBeABoolean() {
        node.put("includeComments", "yes please");
        assertRejected("connectors.reddit.includeComments must be true or false, but was 'yes please'");
    }

    @Test
    void pageLimitIsAtMostRedditsHundred() {
        node.put("pageLimit", 101);
        assertRejected("connectors.reddit.pageLimit must be between 1 and 100, but was 101");
    }

    @Test
    void maxPagesPerPollIsAtLeastOne() {
        node.put("maxPagesPerPoll", 0);
        assertRejected("connectors.reddit.maxPagesPerPoll must be between 1 and 100, but was 0");
    }

    @Test
    void maxPagesPerPollIsAWholeNumber() {
        node.put("maxPagesPerPoll", "five");
        assertRejected("connectors.reddit.maxPagesPerPoll must be a whole number, but was 'five'");
    }

    @Test
    void maxAttemptsIsAtMostTen() {
        node.put("maxAttempts", 11);
        assertRejected("connectors.reddit.maxAttempts must be between 1 and 10, but was 11");
    }

    @Test
    void retryBackoffIsAtLeastOneMillisecond() {
        node.put("retryBackoff", "0ms");
        assertRejected("connectors.reddit.retryBackoff must be at least 1ms, but was '0ms'");
    }

    @Test
    void maxRateLimitWaitMustBeADuration() {
        node.put("maxRateLimitWait", "a while");
        assertRejected("connectors.reddit.maxRateLimitWait must be a duration like 30s, 5m or 12h, but was 'a while'");
    }

    @Test
    void responseTimeoutIsAtLeastOneMillisecond() {
        node.put("responseTimeout", "0s");
        assertRejected("connectors.reddit.responseTimeout must be at least 1ms, but was '0s'");
    }
}
