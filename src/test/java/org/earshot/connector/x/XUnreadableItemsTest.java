package org.earshot.connector.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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

/** A post of X's search answer that cannot be read is handed over whole; the rest of the page is read. */
class XUnreadableItemsTest {
    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/x"))
            .build();

    /** The demo's v2 search answer (six posts, newest first, one a retweet of the brand's). */
    static ObjectNode demoAnswer() throws Exception {
        return (ObjectNode) XFixtures.JSON.readTree(Files.readString(Path.of("wiremock/x/__files/v2-search-recent.json")));
    }

    static ObjectNode answerWithSecondBroken(Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode answer = demoAnswer();
        breakIt.accept((ObjectNode) answer.withArray("data").get(1));
        return answer;
    }

    static void serveNewest(WireMockExtension server, String body) {
        server.stubFor(get(urlPathEqualTo(XFixtures.SEARCH)).withQueryParam("since_id", absent()).atPriority(0)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static MentionSource source() {
        return XFixtures.connector(XFixtures.settings(x.baseUrl())).source();
    }

    private static int goodOnDemoPage() throws Exception {
        serveNewest(x, demoAnswer().toString());
        return source().poll(null).mentions().size();
    }

    @Test
    void aPostWhoseAuthorIsAListIsHandedOverWithItsUserWhileTheOthersAreRead() throws Exception {
        int good = goodOnDemoPage();
        ObjectNode answer = answerWithSecondBroken(t -> t.putArray("author_id"));
        JsonNode broken = answer.get("data").get(1);
        serveNewest(x, answer.toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(good - 1)
                .extracting(IncomingMention::externalId).doesNotContain(XFixtures.QUOTE);
        assertThat(result.unreadable()).singleElement().satisfies(item -> {
            assertThat(item.externalId()).isEqualTo(XFixtures.QUOTE);
            assertThat(item.reason()).contains("author_id");
            assertThat(XFixtures.JSON.readTree(item.raw()).get("data").get(0)).isEqualTo(broken);
        });
        assertThat(result.nextCursor()).isEqualTo(XFixtures.NEWEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no id", "id not digits", "id an object", "id too long", "author an object", "bad date",
            "text a list", "post a number"})
    void eachWayOfBreakingOnePostQuarantinesOnlyThatOne(String how) throws Exception {
        int good = goodOnDemoPage();
        ObjectNode answer = demoAnswer();
        ArrayNode data = answer.withArray("data");
        ObjectNode post = (ObjectNode) data.get(1);
        switch (how) {
            case "no id" -> post.remove("id");
            case "id not digits" -> post.put("id", "tweet-42");
            case "id an object" -> post.putObject("id");
            case "id too long" -> post.put("id", "1".repeat(1001));
            case "author an object" -> post.putObject("author_id").put("id", "1");
            case "bad date" -> post.put("created_at", "19/11/2026");
            case "text a list" -> post.putArray("text");
            case "post a number" -> data.set(1, XFixtures.JSON.getNodeFactory().numberNode(7));
            default -> throw new IllegalArgumentException(how);
        }
        serveNewest(x, answer.toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(good - 1);
        assertThat(result.unreadable()).singleElement().satisfies(item -> {
            assertThat(item.reason()).isNotBlank();
            assertThat(XFixtures.JSON.readTree(item.raw()).get("data").get(0)).isEqualTo(data.get(1));
        });
        assertThat(result.nextCursor()).isEqualTo(XFixtures.NEWEST);
    }

    @Test
    void aKeptPostIsReadAgainWithTheSameParserOnceItsPayloadCanBeRead() throws Exception {
        ObjectNode answer = demoAnswer();
        JsonNode post = answer.get("data").get(1);
        JsonNode user = null;
        for (JsonNode u : answer.get("includes").get("users")) {
            if (u.get("id").equals(post.get("author_id"))) {
                user = u;
            }
        }
        JsonNode kept = XV2Tweets.asAnswer(post, user);
        ObjectNode broken = kept.deepCopy();
        ((ObjectNode) broken.get("data").get(0)).put("created_at", "tomorrow");

        var reread = source().reread(new UnreadableItem(XFixtures.QUOTE, "kept",
                kept.toString().getBytes(StandardCharsets.UTF_8), false));
        ConnectorException still = catchThrowableOfType(ConnectorException.class, () -> source().reread(
                new UnreadableItem(XFixtures.QUOTE, "kept", broken.toString().getBytes(StandardCharsets.UTF_8), false)));

        assertThat(reread).singleElement().satisfies(m -> {
            assertThat(m.externalId()).isEqualTo(XFixtures.QUOTE);
            assertThat(m.author().handle()).isEqualTo(kept.get("includes").get("users").get(0).get("username").asText());
        });
        assertThat(still.getMessage()).startsWith("still cannot read " + XFixtures.QUOTE).contains("not a time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>over capacity</html>", "[1,2,3]", "{\"data\":{\"id\":\"1\"}}", "{\"data\":[{\"id\""})
    void anAnswerThatIsNotASearchResultFailsThePoll(String body) {
        serveNewest(x, body);

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> source().poll(null));

        assertThat(e.getMessage()).contains("X answered GET");
        assertThat(e.isPermanent()).isFalse();
    }
}
