package org.earshot.connector.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.connector.UnreadableItem;
import org.earshot.domain.IncomingMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A feed entry that cannot be made into a mention (it has no guid, id or link) is handed over as an
 * unreadable item holding the entry's own XML as a one-entry feed; the rest of the feed is read.
 */
class FeedUnreadableItemsTest {
    private static final String CUSTOM = "/feeds/custom.xml";

    @RegisterExtension
    static WireMockExtension feeds = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/feed"))
            .build();

    private static MentionSource only(String path) {
        ObjectNode settings = FeedFixtures.settings(feeds.baseUrl());
        settings.putArray("feeds").add(feeds.baseUrl() + path);
        return FeedFixtures.connector(settings).source();
    }

    private static void serve(String contentType, String body) {
        feeds.stubFor(get(urlPathEqualTo(CUSTOM)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>Alerts</title><link>https://alerts.example/</link><description>x</description>"
                + items + "</channel></rss>";
    }

    private static final String NAMELESS = "<item><title>Acme Air lost my bag</title><dc:creator>Ana</dc:creator>"
            + "<description>Nobody answers at Acme Air.</description></item>";

    @Test
    void anRssItemWithoutGuidOrLinkIsKeptWithItsOwnXmlWhileTheOthersAreRead() throws Exception {
        serve("application/rss+xml", rss("<item><title>Acme Air one</title><link>https://alerts.example/r/1</link></item>"
                + NAMELESS + "<item><title>Acme Air three</title><guid>https://alerts.example/r/3</guid></item>"));

        PollResult result = only(CUSTOM).poll(null);

        assertThat(result.mentions()).extracting(IncomingMention::externalId)
                .containsExactlyInAnyOrder("https://alerts.example/r/1", "https://alerts.example/r/3");
        assertThat(result.unreadable()).singleElement().satisfies(item -> {
            assertThat(item.externalId()).startsWith(feeds.baseUrl() + CUSTOM + "#unreadable-");
            assertThat(item.reason()).contains("no guid, id or link");
            String xml = new String(item.raw(), StandardCharsets.UTF_8);
            assertThat(xml).contains("<?earshot-feed url=\"" + feeds.baseUrl() + CUSTOM + "\"?>")
                    .contains("Acme Air lost my bag").contains("<title>Alerts</title>")
                    .doesNotContain("Acme Air one").doesNotContain("Acme Air three");
        });
    }

    @Test
    void anAtomEntryWithoutIdOrLinkIsKeptWithItsOwnXml() throws Exception {
        serve("application/atom+xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Reviews</title><id>tag:r</id><updated>2026-11-19T09:12:00Z</updated>"
                + "<entry><title>Acme Air refund?</title><updated>2026-11-19T09:12:00Z</updated></entry>"
                + "<entry><title>Acme Air crew</title><id>tag:r:2</id><updated>2026-11-19T09:12:00Z</updated></entry>"
                + "</feed>");

        PollResult result = only(CUSTOM).poll(null);

        assertThat(result.mentions()).extracting(IncomingMention::externalId).containsExactly("tag:r:2");
        assertThat(result.unreadable()).singleElement().satisfies(item -> assertThat(
                new String(item.raw(), StandardCharsets.UTF_8)).contains("Acme Air refund?").doesNotContain("tag:r:2"));
    }

    @Test
    void anRss10ItemWithoutAboutOrLinkIsKeptWithItsOwnXml() throws Exception {
        serve("application/rdf+xml", "<?xml version=\"1.0\"?><rdf:RDF"
                + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
                + "<channel rdf:about=\"https://a.example/\"><title>A</title><link>https://a.example/</link>"
                + "<description>x</description></channel>"
                + "<item rdf:about=\"https://a.example/1\"><title>Acme Air one</title><link>https://a.example/1</link></item>"
                + "<item><title>Acme Air two</title><description>Acme Air lost it.</description></item>"
                + "</rdf:RDF>");

        PollResult result = only(CUSTOM).poll(null);

        assertThat(result.mentions()).extracting(IncomingMention::externalId).containsExactly("https://a.example/1");
        assertThat(result.unreadable()).singleElement().satisfies(item -> assertThat(
                new String(item.raw(), StandardCharsets.UTF_8)).contains("Acme Air two").doesNotContain("Acme Air one"));
    }

    @Test
    void theNextPollDoesNotKeepTheSameEntryAgain() throws Exception {
        serve("application/rss+xml", rss(NAMELESS));
        MentionSource source = only(CUSTOM);

        PollResult first = source.poll(null);
        PollResult second = source.poll(first.nextCursor());

        assertThat(first.unreadable()).hasSize(1);
        assertThat(second.unreadable()).isEmpty();
        assertThat(second.mentions()).isEmpty();
    }

    @Test
    void aKeptEntryIsReadAgainAsAOneEntryFeedOnceItCanBeKnown() throws Exception {
        serve("application/rss+xml", rss(NAMELESS));
        MentionSource source = only(CUSTOM);
        UnreadableItem kept = source.poll(null).unreadable().get(0);
        String fixed = new String(kept.raw(), StandardCharsets.UTF_8)
                .replace("<title>Acme Air lost my bag</title>",
                        "<title>Acme Air lost my bag</title><link>https://alerts.example/r/9</link>");

        ConnectorException still = catchThrowableOfType(ConnectorException.class, () -> source.reread(kept));
        List<IncomingMention> reread = source.reread(new UnreadableItem(kept.externalId(), kept.reason(),
                fixed.getBytes(StandardCharsets.UTF_8), false));

        assertThat(still).hasMessageStartingWith("still cannot read " + kept.externalId())
                .hasMessageContaining("no guid, id or link");
        assertThat(reread).singleElement().satisfies(m -> {
            assertThat(m.externalId()).isEqualTo("https://alerts.example/r/9");
            assertThat(m.author().handle()).isEqualTo("Ana");
            assertThat(m.text()).contains("lost my bag").contains("Nobody answers");
        });
    }

    @Test
    void somethingThatIsNotAKeptEntryIsRefusedOnReread() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> only(CUSTOM).reread(
                new UnreadableItem("x", "kept", "{\"data\":[]}".getBytes(StandardCharsets.UTF_8), false)));

        assertThat(e).hasMessageStartingWith("still cannot read x");
    }

    @Test
    void theDemoFeedsHaveNothingUnreadable() throws Exception {
        PollResult result = FeedFixtures.connector(FeedFixtures.settings(feeds.baseUrl())).source().poll(null);

        assertThat(result.mentions()).isNotEmpty();
        assertThat(result.unreadable()).isEmpty();
    }

    @Test
    void aDocumentThatIsNotAFeedFailsThePollAndKeepsNothing() {
        serve("text/html", "<html><body>Please enable cookies</body></html>");

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> only(CUSTOM).poll(null));

        assertThat(e).hasMessageContaining("feed " + feeds.baseUrl() + CUSTOM + " cannot be read as RSS or Atom");
        assertThat(e.isPermanent()).isFalse();
    }
}
