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
import java.nio.file.Files;
import java.nio.file.Path;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.connector.UnreadableItem;
import org.earshot.domain.IncomingMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Through v1.1, a status Twitter4J cannot read is handed over whole; the rest of the page is read. */
class XV1UnreadableItemsTest {
    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/x"))
            .build();

    /** The demo's v1.1 search answer: six statuses, newest first. */
    static ObjectNode demoAnswer() throws Exception {
        return (ObjectNode) XFixtures.JSON.readTree(Files.readString(Path.of("wiremock/x/__files/v1-search-tweets.json")));
    }

    static void serveNewest(String body) {
        serve(x, body);
    }

    static void serve(WireMockExtension server, String body) {
        server.stubFor(get(urlPathEqualTo(XFixtures.V1_SEARCH)).withQueryParam("since_id", absent()).atPriority(0)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static MentionSource source() {
        return XFixtures.connector(XFixtures.settingsV1(x.baseUrl())).source();
    }

    @Test
    void theDemoPageIsReadWhole() throws Exception {
        serveNewest(demoAnswer().toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(6);
        assertThat(result.unreadable()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no id", "id not digits", "id too long", "bad date", "user a list", "status a number",
            "status a string"})
    void eachWayOfBreakingOneStatusQuarantinesOnlyThatOne(String how) throws Exception {
        ObjectNode answer = demoAnswer();
        ArrayNode statuses = answer.withArray("statuses");
        ObjectNode status = (ObjectNode) statuses.get(1);
        String id = status.get("id_str").asText();
        switch (how) {
            case "no id" -> status.remove(java.util.List.of("id", "id_str"));
            case "id not digits" -> status.put("id_str", "tweet-42");
            case "id too long" -> status.put("id_str", "1".repeat(1001));
            case "bad date" -> status.put("created_at", "19/11/2026");
            case "user a list" -> status.putArray("user").add(1);
            case "status a number" -> statuses.set(1, XFixtures.JSON.getNodeFactory().numberNode(7));
            case "status a string" -> statuses.set(1, XFixtures.JSON.getNodeFactory().textNode("{"));
            default -> throw new IllegalArgumentException(how);
        }
        serveNewest(answer.toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(5).extracting(IncomingMention::externalId).doesNotContain(id);
        assertThat(result.unreadable()).singleElement().satisfies(item -> {
            assertThat(item.reason()).isNotBlank();
            assertThat(XFixtures.JSON.readTree(item.raw())).isEqualTo(statuses.get(1));
        });
        assertThat(result.nextCursor()).isEqualTo(XFixtures.NEWEST);
    }

    @Test
    void aStatusWithAGarbledTimeIsKeptByItsIdAndSaysWhatTwitter4jCouldNotRead() throws Exception {
        ObjectNode answer = demoAnswer();
        ObjectNode status = (ObjectNode) answer.withArray("statuses").get(1);
        status.put("created_at", "tomorrow");
        serveNewest(answer.toString());

        UnreadableItem item = source().poll(null).unreadable().get(0);

        assertThat(item.externalId()).isEqualTo(status.get("id_str").asText());
        assertThat(item.reason()).startsWith("Twitter4J cannot read it");
    }

    @Test
    void aKeptStatusIsReadAgainByTwitter4jOnceItCanBeRead() throws Exception {
        JsonNode good = demoAnswer().get("statuses").get(1);
        ObjectNode broken = good.deepCopy();
        broken.put("created_at", "tomorrow");
        String id = good.get("id_str").asText();

        var reread = source().reread(new UnreadableItem(id, "kept", XFixtures.JSON.writeValueAsBytes(good), false));
        ConnectorException still = catchThrowableOfType(ConnectorException.class, () -> source().reread(
                new UnreadableItem(id, "kept", XFixtures.JSON.writeValueAsBytes(broken), false)));

        assertThat(reread).singleElement().satisfies(m -> {
            assertThat(m.externalId()).isEqualTo(id);
            assertThat(m.author().handle()).isEqualTo(good.get("user").get("screen_name").asText());
        });
        assertThat(still).hasMessageStartingWith("still cannot read " + id).hasMessageContaining("Twitter4J");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>over capacity</html>", "[1,2,3]", "{\"statuses\":{\"id\":1}}", "{\"statuses\":[{\"id\""})
    void anAnswerThatIsNotASearchResultFailsThePoll(String body) {
        serveNewest(body);

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> source().poll(null));

        assertThat(e).hasMessageContaining("X answered GET " + x.baseUrl() + XFixtures.V1_SEARCH)
                .hasMessageContaining("JSON that cannot be read");
        assertThat(e.isPermanent()).isFalse();
    }
}
