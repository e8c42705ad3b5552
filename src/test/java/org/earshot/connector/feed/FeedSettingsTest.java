package org.earshot.connector.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import org.earshot.config.ConfigException;
import org.junit.jupiter.api.Test;

class FeedSettingsTest {
    private final ObjectNode node = FeedFixtures.settings("https://feeds.example");

    private FeedSettings read() {
        return FeedSettings.from(FeedFixtures.config(node));
    }

    private void assertRejected(String message) {
        assertThatThrownBy(this::read).isInstanceOf(ConfigException.class).hasMessage("earshot.yaml: " + message);
    }

    @Test
    void defaultsApplyWhenOnlyTheFeedsAreSet() {
        node.remove("retryBackoff");

        FeedSettings s = read();

        assertThat(s.feeds()).containsExactly(
                new FeedSettings.Feed(URI.create("https://feeds.example/feeds/skyward-news.xml"), true,
                        "connectors.news.feeds[0]"),
                new FeedSettings.Feed(URI.create("https://feeds.example/feeds/flyervoice-acme-air.atom"), true,
                        "connectors.news.feeds[1]"));
        assertThat(s.maxEntriesPerPoll()).isEqualTo(100);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.resilience().maxAttempts()).isEqualTo(3);
        assertThat(s.resilience().backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.resilience().requestsPerWindow()).isEqualTo(120);
        assertThat(s.resilience().window()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void matchBrandFalseAppliesToEveryFeedUnlessAFeedSaysOtherwise() {
        node.put("matchBrand", false);
        node.putArray("feeds").add("https://news.example/rss").addObject()
                .put("url", "https://alerts.example/acme").put("matchBrand", true);

        assertThat(read().feeds()).extracting(FeedSettings.Feed::matchBrand).containsExactly(false, true);
    }

    @Test
    void aSingleFeedMayBeWrittenWithoutAList() {
        node.put("feeds", "https://news.example/rss");

        assertThat(read().feeds()).extracting(FeedSettings.Feed::url).containsExactly(URI.create("https://news.example/rss"));
    }

    @Test
    void aFeedListedTwiceIsReadOnce() {
        node.putArray("feeds").add("https://news.example/rss").add(" https://news.example/rss ");

        assertThat(read().feeds()).hasSize(1);
    }

    @Test
    void feedsAreRequired() {
        node.remove("feeds");
        assertRejected("connectors.news.feeds is required: list at least one feed URL");
    }

    @Test
    void feedsMustListAtLeastOne() {
        node.putArray("feeds");
        assertRejected("connectors.news.feeds must list at least one feed URL");
    }

    @Test
    void eachFeedMustBeAnHttpOrHttpsUrl() {
        node.putArray("feeds").add("https://news.example/rss").add("ftp://news.example/rss");
        assertRejected("connectors.news.feeds[1] must be an http or https URL, but was 'ftp://news.example/rss'");
    }

    @Test
    void aFeedMustBeAUrlNotAWord() {
        node.putArray("feeds").add("skyward news");
        assertRejected("connectors.news.feeds[0] must be an http or https URL, but was 'skyward news'");
    }

    @Test
    void aFeedWrittenAsAMappingNeedsItsUrl() {
        node.putArray("feeds").addObject().put("matchBrand", false);
        assertRejected("connectors.news.feeds[0].url is required");
    }

    @Test
    void aFeedsUrlInAMappingIsCheckedToo() {
        node.putArray("feeds").addObject().put("url", "news.example/rss");
        assertRejected("connectors.news.feeds[0].url must be an http or https URL, but was 'news.example/rss'");
    }

    @Test
    void aFeedsMatchBrandMustBeABoolean() {
        node.putArray("feeds").addObject().put("url", "https://news.example/rss").put("matchBrand", "maybe");
        assertRejected("connectors.news.feeds[0].matchBrand must be true or false, but was 'maybe'");
    }

    @Test
    void aFeedCannotBeAList() {
        node.putArray("feeds").addArray().add("https://news.example/rss");
        assertRejected("connectors.news.feeds[0] must be a feed URL or {url: …, matchBrand: …}, but was a list");
    }

    @Test
    void feedsMustBeAListOrOneUrl() {
        node.putObject("feeds").put("news", "https://news.example/rss");
        assertRejected("connectors.news.feeds must be a list, but was object");
    }

    @Test
    void matchBrandMustBeABoolean() {
        node.put("matchBrand", "yes");
        assertRejected("connectors.news.matchBrand must be true or false, but was 'yes'");
    }

    @Test
    void maxEntriesPerPollIsAtLeastOne() {
        node.put("maxEntriesPerPoll", 0);
        assertRejected("connectors.news.maxEntriesPerPoll must be between 1 and 1000, but was 0");
    }

    @Test
    void maxEntriesPerPollIsAtMostAThousand() {
        node.put("maxEntriesPerPoll", 1001);
        assertRejected("connectors.news.maxEntriesPerPoll must be between 1 and 1000, but was 1001");
    }

    @Test
    void maxAttemptsIsAtMostTen() {
        node.put("maxAttempts", 11);
        assertRejected("connectors.news.maxAttempts must be between 1 and 10, but was 11");
    }

    @Test
    void retryBackoffIsAtLeastOneMillisecond() {
        node.put("retryBackoff", "0ms");
        assertRejected("connectors.news.retryBackoff must be at least 1ms, but was '0ms'");
    }

    @Test
    void connectTimeoutMustBeADuration() {
        node.put("connectTimeout", "soon");
        assertRejected("connectors.news.connectTimeout must be a duration like 30s, 5m or 12h, but was 'soon'");
    }
}
