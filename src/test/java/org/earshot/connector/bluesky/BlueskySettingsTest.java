package org.earshot.connector.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigException;
import org.junit.jupiter.api.Test;

class BlueskySettingsTest {
    private final ObjectNode node = BlueskyFixtures.settings("https://pds.example/");

    private BlueskySettings read() {
        return BlueskySettings.from(BlueskyFixtures.config(node));
    }

    private void assertRejected(String message) {
        assertThatThrownBy(this::read).isInstanceOf(ConfigException.class).hasMessage("earshot.yaml: " + message);
    }

    @Test
    void defaultsApplyWhenOnlyTheRequiredKeysAreSet() {
        node.remove("baseUrl");
        node.remove("retryBackoff");

        BlueskySettings s = read();

        assertThat(s.baseUrl()).isEqualTo(URI.create("https://bsky.social"));
        assertThat(s.identifier()).isEqualTo("acmeair.bsky.social");
        assertThat(s.appPassword()).isEqualTo("abcd-efgh-ijkl-mnop");
        assertThat(s.queries()).isEmpty();
        assertThat(s.language()).isEmpty();
        assertThat(s.pageLimit()).isEqualTo(100);
        assertThat(s.maxPagesPerPoll()).isEqualTo(10);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.resilience().maxAttempts()).isEqualTo(3);
        assertThat(s.resilience().backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.resilience().maxRateLimitWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.resilience().requestsPerWindow()).isEqualTo(2500);
        assertThat(s.resilience().window()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void baseUrlLosesItsTrailingSlash() {
        assertThat(read().baseUrl()).isEqualTo(URI.create("https://pds.example"));
    }

    @Test
    void theAppPasswordIsNeverShownBySettingsToString() {
        assertThat(read().toString()).doesNotContain("abcd-efgh-ijkl-mnop").contains("appPassword=(hidden)")
                .contains("identifier=acmeair.bsky.social");
    }

    @Test
    void anIdentifierMayBeAHandleWithAtADidOrAnEmailAddress() {
        node.put("identifier", "@acmeair.bsky.social");
        assertThat(read().identifier()).isEqualTo("acmeair.bsky.social");
        node.put("identifier", "did:plc:kjdzhvtacezb6jmezwklhl5n");
        assertThat(read().identifier()).isEqualTo("did:plc:kjdzhvtacezb6jmezwklhl5n");
        node.put("identifier", "social@acmeair.example");
        assertThat(read().identifier()).isEqualTo("social@acmeair.example");
    }

    @Test
    void queriesAreTrimmedAndRepeatsInAnyCaseDropped() {
        node.putArray("queries").add(" Acme Air ").add("acme air").add("#acmeair");

        assertThat(read().queries()).containsExactly("Acme Air", "#acmeair");
    }

    @Test
    void withoutQueriesTheBrandsKeywordsHashtagsAndBlueskyHandlesAreSearched() {
        BrandConfig brand = new BrandConfig("acme", "Acme Air", List.of("acme air", "acmeair"),
                List.of("@acmeair", "@acmeair@mastodon.example", "@acmeair.bsky.social"), List.of("#acmeair"),
                List.of(), List.of(), List.of());

        assertThat(read().queriesFor(brand)).containsExactly("acme air", "acmeair", "#acmeair", "acmeair.bsky.social");
    }

    @Test
    void configuredQueriesReplaceTheBrandsTerms() {
        node.putArray("queries").add("\"acme air\" refund");

        assertThat(read().queriesFor(BlueskyFixtures.brand())).containsExactly("\"acme air\" refund");
    }

    @Test
    void languageIsKeptAsWritten() {
        node.put("language", "pt-BR");
        assertThat(read().language()).isEqualTo(Optional.of("pt-BR"));
    }

    @Test
    void baseUrlMustBeHttpOrHttps() {
        node.put("baseUrl", "ftp://bsky.social");
        assertRejected("connectors.bluesky.baseUrl must be an http or https URL, but was 'ftp://bsky.social'");
    }

    @Test
    void identifierIsRequired() {
        node.remove("identifier");
        assertRejected("connectors.bluesky.identifier is required");
    }

    @Test
    void identifierMustBeAHandleOrADid() {
        node.put("identifier", "acmeair");
        assertRejected("connectors.bluesky.identifier must be the account's handle (acmeair.bsky.social) or DID"
                + " (did:plc:…), but was 'acmeair'");
    }

    @Test
    void appPasswordIsRequired() {
        node.put("appPassword", " ");
        assertRejected("connectors.bluesky.appPassword is required");
    }

    @Test
    void appPasswordMustBeAnAppPasswordAndIsNotRepeatedInTheMessage() {
        node.put("appPassword", "hunter2-my-real-password");
        assertThatThrownBy(this::read).isInstanceOf(ConfigException.class)
                .hasMessage("earshot.yaml: connectors.bluesky.appPassword must be an app password like"
                        + " abcd-efgh-ijkl-mnop, made under Settings → Privacy and security → App passwords,"
                        + " not the account's own password")
                .message().doesNotContain("hunter2");
    }

    @Test
    void queriesMustNotBeEmptyStrings() {
        node.putArray("queries").add("acme air").add("  ");
        assertRejected("connectors.bluesky.queries[1] must be a search term, but was empty");
    }

    @Test
    void queriesMustBeAList() {
        node.putObject("queries").put("q", "acme air");
        assertRejected("connectors.bluesky.queries must be a list, but was object");
    }

    @Test
    void languageMustBeALanguageCode() {
        node.put("language", "English");
        assertRejected("connectors.bluesky.language must be a language code like en or pt-BR, but was 'English'");
    }

    @Test
    void pageLimitIsAtMostBlueskysHundred() {
        node.put("pageLimit", 101);
        assertRejected("connectors.bluesky.pageLimit must be between 1 and 100, but was 101");
    }

    @Test
    void maxPagesPerPollIsAtLeastOne() {
        node.put("maxPagesPerPoll", 0);
        assertRejected("connectors.bluesky.maxPagesPerPoll must be between 1 and 100, but was 0");
    }

    @Test
    void maxAttemptsIsAtMostTen() {
        node.put("maxAttempts", 11);
        assertRejected("connectors.bluesky.maxAttempts must be between 1 and 10, but was 11");
    }

    @Test
    void retryBackoffIsAtLeastOneMillisecond() {
        node.put("retryBackoff", "0ms");
        assertRejected("connectors.bluesky.retryBackoff must be at least 1ms, but was '0ms'");
    }

    @Test
    void maxRateLimitWaitMustBeADuration() {
        node.put("maxRateLimitWait", "a while");
        assertRejected("connectors.bluesky.maxRateLimitWait must be a duration like 30s, 5m or 12h, but was 'a while'");
    }

    @Test
    void responseTimeoutIsAtLeastOneMillisecond() {
        node.put("responseTimeout", "0s");
        assertRejected("connectors.bluesky.responseTimeout must be at least 1ms, but was '0s'");
    }
}
