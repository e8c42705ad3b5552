package org.earshot.connector.mastodon;

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
import java.util.List;
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

/** A notification the connector cannot read is handed over whole, and the rest of the page is read. */
class MastodonUnreadableItemsTest {
    static final String NOTIFICATIONS = "/api/v1/notifications";

    @RegisterExtension
    static WireMockExtension mastodon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/mastodon"))
            .build();

    /** The demo's page of mention notifications (newest first), to break one of. */
    static ArrayNode demoPage() throws Exception {
        return (ArrayNode) MastodonFixtures.JSON.readTree(
                Files.readString(Path.of("wiremock/mastodon/__files/notifications-mentions.json")));
    }

    /** The demo page with its second notification broken by {@code breakIt}. */
    static ArrayNode pageWithSecondBroken(Consumer<ObjectNode> breakIt) throws Exception {
        ArrayNode page = demoPage();
        breakIt.accept((ObjectNode) page.get(1));
        return page;
    }

    static void serveNewest(WireMockExtension server, String body) {
        server.stubFor(get(urlPathEqualTo(NOTIFICATIONS)).withQueryParam("min_id", absent()).atPriority(0)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static MentionSource source() {
        ObjectNode settings = MastodonFixtures.settings(mastodon.baseUrl());
        settings.putArray("hashtags");
        return MastodonFixtures.connector(settings).source();
    }

    static ObjectNode status(JsonNode notification) {
        return (ObjectNode) notification.get("status");
    }

    @Test
    void aStatusWithoutAnAccountIsHandedOverWholeWhileTheOthersOnThePageAreRead() throws Exception {
        ArrayNode page = pageWithSecondBroken(n -> status(n).remove("account"));
        String brokenId = page.get(1).path("status").path("id").asText();
        serveNewest(mastodon, page.toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(demoPage().size() - 1)
                .extracting(IncomingMention::externalId).doesNotContain(brokenId);
        assertThat(result.unreadable()).singleElement().satisfies(item -> {
            assertThat(item.externalId()).isEqualTo(brokenId);
            assertThat(item.reason()).contains("no account");
            assertThat(MastodonFixtures.JSON.readTree(item.raw())).isEqualTo(page.get(1));
        });
        assertThat(result.nextCursor()).contains(page.get(0).path("id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no status id", "status id an object", "no acct", "account a string", "bad date",
            "date a number", "id too long", "content a list", "notification a string", "status missing"})
    void eachWayOfBreakingOneNotificationQuarantinesOnlyThatOne(String how) throws Exception {
        ArrayNode page = demoPage();
        switch (how) {
            case "no status id" -> status(page.get(1)).remove("id");
            case "status id an object" -> status(page.get(1)).putObject("id").put("x", 1);
            case "no acct" -> ((ObjectNode) status(page.get(1)).get("account")).remove("acct");
            case "account a string" -> status(page.get(1)).put("account", "kwame");
            case "bad date" -> status(page.get(1)).put("created_at", "yesterday at noon");
            case "date a number" -> status(page.get(1)).put("created_at", 1763545675);
            case "id too long" -> status(page.get(1)).put("id", "7".repeat(1001));
            case "content a list" -> status(page.get(1)).putArray("content").add("<p>hi</p>");
            case "notification a string" -> page.set(1, MastodonFixtures.JSON.getNodeFactory().textNode("oops"));
            case "status missing" -> ((ObjectNode) page.get(1)).remove("status");
            default -> throw new IllegalArgumentException(how);
        }
        serveNewest(mastodon, page.toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(demoPage().size() - 1);
        assertThat(result.unreadable()).singleElement().satisfies(item -> {
            assertThat(item.reason()).isNotBlank();
            assertThat(MastodonFixtures.JSON.readTree(item.raw())).isEqualTo(page.get(1));
        });
    }

    @Test
    void aDeletedStatusAndTheBrandsOwnStatusAreSkippedNotQuarantined() throws Exception {
        ArrayNode page = demoPage();
        ((ObjectNode) page.get(0)).putNull("status");
        ((ObjectNode) status(page.get(1)).get("account")).put("acct", "acmeair");
        serveNewest(mastodon, page.toString());

        PollResult result = source().poll(null);

        assertThat(result.mentions()).hasSize(demoPage().size() - 2);
        assertThat(result.unreadable()).isEmpty();
    }

    @Test
    void aKeptNotificationIsReadAgainWithTheSameParserOnceItsPayloadCanBeRead() throws Exception {
        ObjectNode good = (ObjectNode) demoPage().get(1);
        ObjectNode broken = good.deepCopy();
        status(broken).remove("account");

        List<IncomingMention> reread = source().reread(new UnreadableItem("x", "kept",
                good.toString().getBytes(StandardCharsets.UTF_8), false));
        ConnectorException still = catchThrowableOfType(ConnectorException.class, () -> source().reread(
                new UnreadableItem("x", "kept", broken.toString().getBytes(StandardCharsets.UTF_8), false)));

        assertThat(reread).singleElement().satisfies(m -> {
            assertThat(m.externalId()).isEqualTo(good.path("status").path("id").asText());
            assertThat(m.author().handle()).isEqualTo(good.path("status").path("account").path("acct").asText());
        });
        assertThat(still.getMessage()).startsWith("still cannot read x").contains("no account");
        assertThat(source().reread(new UnreadableItem("s", "kept",
                good.get("status").toString().getBytes(StandardCharsets.UTF_8), false))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>Bad gateway</html>", "{\"error\":\"oops\"}", "[{\"id\":\"1\",\"type\":\"mention\""})
    void aPageThatIsNotAListOfNotificationsFailsThePoll(String body) {
        serveNewest(mastodon, body);

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> source().poll(null));

        assertThat(e.getMessage()).contains("Mastodon answered GET");
        assertThat(e.isPermanent()).isFalse();
    }
}
