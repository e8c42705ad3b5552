package org.earshot.connector.reddit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.connector.UnreadableItem;
import org.earshot.domain.IncomingMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A thing in Reddit's search listing that cannot be read is handed over whole; the rest of the page is read. */
class RedditUnreadableItemsTest {
    @RegisterExtension
    static WireMockExtension reddit = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/reddit"))
            .build();

    /** The demo's listing of posts (newest first; the first is the brand's own). */
    static ObjectNode demoListing() throws Exception {
        return (ObjectNode) RedditFixtures.JSON.readTree(Files.readString(Path.of("wiremock/reddit/__files/search-posts.json")));
    }

    static ArrayNode children(JsonNode listing) {
        return (ArrayNode) listing.get("data").get("children");
    }

    /** The demo listing with its second thing (the stranded traveller's post) broken by {@code breakIt}. */
    static ObjectNode listingWithSecondBroken(Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode listing = demoListing();
        breakIt.accept((ObjectNode) children(listing).get(1).get("data"));
        return listing;
    }

    static void servePosts(WireMockExtension server, String body) {
        server.stubFor(get(urlPathMatching(".*/search")).withQueryParam("type", equalTo("link")).atPriority(0)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static MentionSource source() {
        return RedditFixtures.connector(RedditFixtures.settings(reddit.baseUrl())).source();
    }

    private static int goodOnDemoPage() throws Exception {
        servePosts(reddit, demoListing().toString());
        return source().poll(null).mentions().size();
    }

    @Test
    void aPostWithoutAnAuthorIsHandedOverWholeWhileTheOthersAreRead() throws Exception {
        int good = goodOnDemoPage();
        ObjectNode listing = listingWithSecondBroken(d -> d.remove("author"));
        servePosts(reddit, listing.toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(good - 1)
                .extracting(IncomingMention::externalId).doesNotContain(RedditFixtures.STRANDED_POST);
        assertThat(result.unreadable()).singleElement().satisfies(item -> {
            assertThat(item.externalId()).isEqualTo(RedditFixtures.STRANDED_POST);
            assertThat(item.reason()).contains("no author");
            assertThat(RedditFixtures.JSON.readTree(item.raw())).isEqualTo(children(listing).get(1));
        });
        assertThat(result.nextCursor()).isEqualTo(RedditFixtures.DEMO_CURSOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no name", "name a number list", "name too long", "author an object", "created a string",
            "body a list", "data a string", "child a string", "no kind"})
    void eachWayOfBreakingOneThingQuarantinesOnlyThatOne(String how) throws Exception {
        int good = goodOnDemoPage();
        ObjectNode listing = demoListing();
        ObjectNode child = (ObjectNode) children(listing).get(1);
        ObjectNode data = (ObjectNode) child.get("data");
        switch (how) {
            case "no name" -> data.remove("name");
            case "name a number list" -> data.putArray("name").add(1);
            case "name too long" -> data.put("name", "t3_" + "z".repeat(1000));
            case "author an object" -> data.putObject("author");
            case "created a string" -> data.put("created_utc", "last tuesday");
            case "body a list" -> data.putArray("selftext").add("x");
            case "data a string" -> child.put("data", "gone");
            case "child a string" -> children(listing).set(1, RedditFixtures.JSON.getNodeFactory().textNode("?"));
            case "no kind" -> child.remove("kind");
            default -> throw new IllegalArgumentException(how);
        }
        servePosts(reddit, listing.toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(good - 1);
        assertThat(result.unreadable()).singleElement().satisfies(item -> {
            assertThat(item.reason()).isNotBlank();
            assertThat(RedditFixtures.JSON.readTree(item.raw())).isEqualTo(children(listing).get(1));
        });
        assertThat(result.nextCursor()).isEqualTo(RedditFixtures.DEMO_CURSOR);
    }

    @Test
    void aDeletedPostIsSkippedNotQuarantined() throws Exception {
        int good = goodOnDemoPage();
        servePosts(reddit, listingWithSecondBroken(d -> d.put("author", "[deleted]")).toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(good - 1);
        assertThat(result.unreadable()).isEmpty();
    }

    @Test
    void aKeptThingIsReadAgainWithTheSameParserOnceItsPayloadCanBeRead() throws Exception {
        JsonNode good = children(demoListing()).get(1);
        ObjectNode broken = good.deepCopy();
        ((ObjectNode) broken.get("data")).put("created_utc", "soon");

        var reread = source().reread(new UnreadableItem(RedditFixtures.STRANDED_POST, "kept",
                good.toString().getBytes(StandardCharsets.UTF_8), false));
        ConnectorException still = catchThrowableOfType(ConnectorException.class, () -> source().reread(
                new UnreadableItem(RedditFixtures.STRANDED_POST, "kept", broken.toString().getBytes(StandardCharsets.UTF_8),
                        false)));

        assertThat(reread).singleElement().satisfies(m -> {
            assertThat(m.externalId()).isEqualTo(RedditFixtures.STRANDED_POST);
            assertThat(m.author().handle()).isEqualTo("tired_in_terminal3");
        });
        assertThat(still.getMessage()).startsWith("still cannot read " + RedditFixtures.STRANDED_POST)
                .contains("created_utc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>we took too long</html>", "{\"kind\":\"t3\"}", "[]", "{\"kind\":\"Listing\",\"data\":{\"chil"})
    void anAnswerThatIsNotAListingFailsThePoll(String body) {
        servePosts(reddit, body);

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> source().poll(null));

        assertThat(e.getMessage()).contains("Reddit answered GET");
        assertThat(e.isPermanent()).isFalse();
    }
}
