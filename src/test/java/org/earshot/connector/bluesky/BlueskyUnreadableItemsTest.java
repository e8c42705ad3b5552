package org.earshot.connector.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

/** A post of Bluesky's search that cannot be read is handed over whole; the rest of the page is read. */
class BlueskyUnreadableItemsTest {
    static final String SEARCH = "/xrpc/app.bsky.feed.searchPosts";

    @RegisterExtension
    static WireMockExtension bluesky = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/bluesky"))
            .build();

    /** The demo's answer to the search "acme air" (six posts, newest first, one the brand's own). */
    static ObjectNode demoAnswer() throws Exception {
        return (ObjectNode) BlueskyFixtures.JSON.readTree(
                Files.readString(Path.of("wiremock/bluesky/__files/search-acme-air.json")));
    }

    /** The demo answer with its third post (Lena's) broken by {@code breakIt}. */
    static ObjectNode answerWithLenaBroken(Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode answer = demoAnswer();
        breakIt.accept((ObjectNode) answer.withArray("posts").get(2));
        return answer;
    }

    static void serveNewest(WireMockExtension server, String body) {
        server.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo("acme air"))
                .withQueryParam("since", absent()).atPriority(0)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** Settings that run the one search "acme air". */
    static ObjectNode oneSearch(String baseUrl) {
        ObjectNode settings = BlueskyFixtures.settings(baseUrl);
        settings.putArray("queries").add("acme air");
        return settings;
    }

    private static MentionSource source() {
        return BlueskyFixtures.connector(oneSearch(bluesky.baseUrl())).source();
    }

    private static int goodOnDemoPage() throws Exception {
        serveNewest(bluesky, demoAnswer().toString());
        return source().poll(null).mentions().size();
    }

    @Test
    void aPostWithoutACidIsHandedOverWholeWhileTheOthersAreRead() throws Exception {
        int good = goodOnDemoPage();
        ObjectNode answer = answerWithLenaBroken(p -> p.remove("cid"));
        serveNewest(bluesky, answer.toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(good - 1)
                .extracting(IncomingMention::externalId).doesNotContain(BlueskyFixtures.LENA_URI);
        assertThat(result.unreadable()).singleElement().satisfies(item -> {
            assertThat(item.externalId()).isEqualTo(BlueskyFixtures.LENA_URI);
            assertThat(item.reason()).contains("cid");
            assertThat(BlueskyFixtures.JSON.readTree(item.raw())).isEqualTo(answer.get("posts").get(2));
        });
        assertThat(result.nextCursor()).contains(BlueskyFixtures.DAN_URI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no uri", "uri a number", "uri not at", "uri too long", "no author", "handle an object",
            "no record", "bad createdAt", "text an object", "post a string"})
    void eachWayOfBreakingOnePostQuarantinesOnlyThatOne(String how) throws Exception {
        int good = goodOnDemoPage();
        ObjectNode answer = demoAnswer();
        ArrayNode list = answer.withArray("posts");
        ObjectNode post = (ObjectNode) list.get(2);
        switch (how) {
            case "no uri" -> post.remove("uri");
            case "uri a number" -> post.put("uri", 42);
            case "uri not at" -> post.put("uri", "https://bsky.app/x");
            case "uri too long" -> post.put("uri", "at://did:plc:x/app.bsky.feed.post/" + "a".repeat(1000));
            case "no author" -> post.remove("author");
            case "handle an object" -> post.with("author").putObject("handle");
            case "no record" -> post.remove("record");
            case "bad createdAt" -> post.with("record").put("createdAt", "2026-13-45");
            case "text an object" -> post.with("record").putObject("text");
            case "post a string" -> list.set(2, BlueskyFixtures.JSON.getNodeFactory().textNode("gone"));
            default -> throw new IllegalArgumentException(how);
        }
        serveNewest(bluesky, answer.toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(good - 1);
        assertThat(result.unreadable()).singleElement().satisfies(item -> {
            assertThat(item.reason()).isNotBlank();
            assertThat(BlueskyFixtures.JSON.readTree(item.raw())).isEqualTo(list.get(2));
        });
        assertThat(result.nextCursor()).contains(BlueskyFixtures.DAN_URI);
    }

    @Test
    void aKeptPostIsReadAgainWithTheSameParserOnceItsPayloadCanBeRead() throws Exception {
        JsonNode good = demoAnswer().get("posts").get(2);
        ObjectNode broken = good.deepCopy();
        broken.remove("cid");

        var reread = source().reread(new UnreadableItem(BlueskyFixtures.LENA_URI, "kept",
                good.toString().getBytes(StandardCharsets.UTF_8), false));
        ConnectorException still = catchThrowableOfType(ConnectorException.class, () -> source().reread(
                new UnreadableItem(BlueskyFixtures.LENA_URI, "kept", broken.toString().getBytes(StandardCharsets.UTF_8),
                        false)));

        assertThat(reread).singleElement().satisfies(m -> {
            assertThat(m.externalId()).isEqualTo(BlueskyFixtures.LENA_URI);
            assertThat(m.replyContext()).containsEntry("cid", BlueskyFixtures.LENA_CID);
        });
        assertThat(still.getMessage()).startsWith("still cannot read " + BlueskyFixtures.LENA_URI).contains("cid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>502</html>", "{\"feed\":[]}", "{\"posts\":{}}", "{\"posts\":[{\"uri\":"})
    void anAnswerThatIsNotAListOfPostsFailsThePoll(String body) {
        serveNewest(bluesky, body);

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> source().poll(null));

        assertThat(e.getMessage()).contains("Bluesky answered GET");
        assertThat(e.isPermanent()).isFalse();
    }
}
