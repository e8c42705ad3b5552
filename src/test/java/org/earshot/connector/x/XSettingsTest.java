package org.earshot.connector.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.earshot.config.ConfigException;
import org.junit.jupiter.api.Test;

class XSettingsTest {
    private ObjectNode node = XFixtures.settings("https://api.x.example/");

    private XSettings read() {
        return XSettings.from(XFixtures.config(node));
    }

    private void assertRejected(String message) {
        assertThatThrownBy(this::read).isInstanceOf(ConfigException.class).hasMessage("earshot.yaml: " + message);
    }

    @Test
    void defaultsApplyWhenOnlyTheRequiredKeysAreSet() {
        node.remove("baseUrl");
        node.remove("userAccessToken");
        node.remove("retryBackoff");

        XSettings s = read();

        assertThat(s.api()).isEqualTo(XApiVersion.V2);
        assertThat(s.baseUrl()).isEqualTo(URI.create("https://api.x.com"));
        assertThat(s.bearerToken()).isEqualTo("test-bearer");
        assertThat(s.userAccessToken()).isEmpty();
        assertThat(s.oauth1()).isEmpty();
        assertThat(s.brandAccount()).isEqualTo("acmeair");
        assertThat(s.languages()).isEmpty();
        assertThat(s.excludeRetweets()).isTrue();
        assertThat(s.maxResults()).isEqualTo(100);
        assertThat(s.maxPagesPerPoll()).isEqualTo(10);
        assertThat(s.maxQueryLength()).isEqualTo(512);
        assertThat(s.resilience().maxAttempts()).isEqualTo(3);
        assertThat(s.resilience().backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.resilience().requestsPerWindow()).isEqualTo(60);
        assertThat(s.resilience().window()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void v11ReadsTheOAuth1KeysAndSendsCallsToTheBaseUrlsV11Path() {
        node = XFixtures.settingsV1("https://api.x.example/");

        XSettings s = read();

        assertThat(s.api()).isEqualTo(XApiVersion.V1_1);
        assertThat(s.restBaseUrl()).isEqualTo("https://api.x.example/1.1/");
        assertThat(s.oauth1()).map(XSettings.OAuth1Keys::consumerKey).contains("test-consumer-key");
        assertThat(s.oauth1()).map(XSettings.OAuth1Keys::accessTokenSecret).contains("test-access-secret");
        assertThat(s.bearerToken()).isEmpty();
        assertThat(s.resilience().requestsPerWindow()).isEqualTo(180);
    }

    @Test
    void toStringShowsNoTokenOrKey() {
        assertThat(read().toString()).doesNotContain("test-bearer", "test-user-token").contains("brandAccount=acmeair");
        node = XFixtures.settingsV1("https://api.x.example/");
        assertThat(read().toString()).doesNotContain("test-consumer", "test-access");
    }

    @Test
    void brandAccountLosesItsAtSign() {
        node.put("brandAccount", "@AcmeAir");

        assertThat(read().brandAccount()).isEqualTo("AcmeAir");
    }

    @Test
    void languagesAreReadAsLowerCaseCodesWithoutRepeats() {
        node.putArray("languages").add("EN").add("de").add("en");

        assertThat(read().languages()).containsExactly("en", "de");
    }

    @Test
    void apiMustBeV2OrV11() {
        node.put("api", "v3");
        assertRejected("connectors.x.api must be v2 or v1.1, but was 'v3'");
    }

    @Test
    void baseUrlMustBeHttpOrHttps() {
        node.put("baseUrl", "ftp://api.x.example");
        assertRejected("connectors.x.baseUrl must be an http or https URL, but was 'ftp://api.x.example'");
    }

    @Test
    void bearerTokenIsRequiredWithV2() {
        node.remove("bearerToken");
        assertRejected("connectors.x.bearerToken is required with api v2 (reading needs the app's bearer token)");
    }

    @Test
    void tokensMustNotCarryTheBearerPrefix() {
        node.put("userAccessToken", "Bearer abc123");
        assertRejected("connectors.x.userAccessToken must be the value alone, without 'Bearer ' or spaces");
    }

    @Test
    void eachOAuth1KeyIsRequiredWithV11() {
        node = XFixtures.settingsV1("https://api.x.example/");
        node.put("accessTokenSecret", " ");
        assertRejected("connectors.x.accessTokenSecret is required with api v1.1 (v1.1 signs every call with OAuth 1.0a)");
    }

    @Test
    void brandAccountIsRequired() {
        node.remove("brandAccount");
        assertRejected("connectors.x.brandAccount is required");
    }

    @Test
    void brandAccountMustBeAnXHandle() {
        node.put("brandAccount", "acmeair@mastodon.example");
        assertRejected("connectors.x.brandAccount must be an X handle of 1 to 15 letters, digits or '_',"
                + " but was 'acmeair@mastodon.example'");
    }

    @Test
    void languagesMustBeLanguageCodes() {
        node.putArray("languages").add("en").add("english");
        assertRejected("connectors.x.languages[1] must be a language code like en or pt, but was 'english'");
    }

    @Test
    void v11SearchesOneLanguageAtMost() {
        node = XFixtures.settingsV1("https://api.x.example/");
        node.putArray("languages").add("en").add("de");
        assertRejected("connectors.x.languages can name one language with api v1.1 (its search takes one lang), but names 2");
    }

    @Test
    void excludeRetweetsMustBeABoolean() {
        node.put("excludeRetweets", "mostly");
        assertRejected("connectors.x.excludeRetweets must be true or false, but was 'mostly'");
    }

    @Test
    void maxResultsIsAtLeastTen() {
        node.put("maxResults", 9);
        assertRejected("connectors.x.maxResults must be between 10 and 100, but was 9");
    }

    @Test
    void maxResultsIsAtMostAHundred() {
        node.put("maxResults", 101);
        assertRejected("connectors.x.maxResults must be between 10 and 100, but was 101");
    }

    @Test
    void maxPagesPerPollIsAtLeastOne() {
        node.put("maxPagesPerPoll", 0);
        assertRejected("connectors.x.maxPagesPerPoll must be between 1 and 100, but was 0");
    }

    @Test
    void maxQueryLengthIsAtMostEnterprises4096() {
        node.put("maxQueryLength", 5000);
        assertRejected("connectors.x.maxQueryLength must be between 64 and 4096, but was 5000");
    }

    @Test
    void requestsPer15MinutesIsAtLeastOne() {
        node.put("requestsPer15Minutes", 0);
        assertRejected("connectors.x.requestsPer15Minutes must be between 1 and 100000, but was 0");
    }

    @Test
    void retryBackoffIsAtLeastOneMillisecond() {
        node.put("retryBackoff", "0ms");
        assertRejected("connectors.x.retryBackoff must be at least 1ms, but was '0ms'");
    }

    @Test
    void maxRateLimitWaitMustBeADuration() {
        node.put("maxRateLimitWait", "a while");
        assertRejected("connectors.x.maxRateLimitWait must be a duration like 30s, 5m or 12h, but was 'a while'");
    }

    @Test
    void userAccessTokenIsOptionalForAListenOnlyConnector() {
        node.remove("userAccessToken");

        assertThat(read().userAccessToken()).isEqualTo(Optional.empty());
    }
}
