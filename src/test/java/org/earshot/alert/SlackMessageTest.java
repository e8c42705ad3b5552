package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Platform;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.Test;

class SlackMessageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SlackMessage messages = new SlackMessage(AlertFixtures.QUEUE + "/", AlertFixtures.LONDON);

    private static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void aMentionAlertHasAFallbackAHeaderAQuotedSectionItsFactsAndAButtonToTheTask() throws Exception {
        JsonNode m = parse(messages.single(AlertFixtures.mention("m-1", UrgencyLevel.HIGH,
                AlertFixtures.WEDNESDAY_NOON)));

        assertThat(m.path("text").asText()).startsWith("Stranded at FRA: @maria_k: stranded");
        JsonNode blocks = m.path("blocks");
        assertThat(blocks).extracting(b -> b.path("type").asText())
                .containsExactly("header", "section", "context", "actions");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("Stranded at FRA");
        assertThat(blocks.get(1).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(1).path("text").path("text").asText())
                .isEqualTo("*high · new mention · acme · mastodon*\n> @maria_k: stranded at FRA since 6am, nobody at the desk");
        assertThat(blocks.get(2).path("elements")).extracting(e -> e.path("text").asText())
                .containsExactly("priority: 0.91", "reasons: stranded, since 6am");
        assertThat(blocks.get(3).path("elements").get(0).path("url").asText())
                .isEqualTo("https://earshot.example/tasks/42");
    }

    @Test
    void textAPlatformEscapedAlreadyIsEscapedOnceNotTwice() throws Exception {
        Alert alert = new Alert(AlertKind.CONNECTOR_UNHEALTHY, "c-1", "acme", null, null,
                "Connector x unhealthy: refused", "refused: refused: X said Q&amp;A &lt;closed&gt;",
                List.of("last error: refused: refused: Q&amp;A"), "", null, AlertFixtures.WEDNESDAY_NOON);

        String json = messages.single(alert);

        assertThat(json).doesNotContain("&amp;amp;", "&amp;lt;", "refused: refused:");
        assertThat(parse(json).path("blocks").get(1).path("text").path("text").asText())
                .endsWith("> refused: X said Q&amp;A &lt;closed&gt;");
    }

    @Test
    void userTextCannotPingTheChannelOrInjectMarkup() throws Exception {
        Alert alert = new Alert(AlertKind.NEW_MENTION, "m-2", "acme", Platform.X, UrgencyLevel.CRITICAL,
                "<script>alert(1)</script>", "<!channel> fix this & <https://evil.example|click>",
                List.of("author: <@U123>"), "", 7L, AlertFixtures.WEDNESDAY_NOON);

        JsonNode m = parse(messages.single(alert));

        // Only mrkdwn is read as markup; the header is plain_text, shown as written.
        assertThat(m.path("blocks").get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(m.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("<script>alert(1)</script>");
        assertThat(m.path("blocks").get(1).toString() + m.path("blocks").get(2) + m.path("text"))
                .doesNotContain("<!channel>", "<script>", "<https://evil", "<@U123>");
        assertThat(m.path("blocks").get(1).path("text").path("text").asText())
                .contains("> &lt;!channel&gt; fix this &amp; &lt;https://evil.example|click&gt;");
        assertThat(m.path("blocks").get(2).path("elements").get(0).path("text").asText())
                .isEqualTo("author: &lt;@U123&gt;");
        assertThat(m.path("text").asText()).contains("&lt;script&gt;");
    }

    @Test
    void longTextsAreCutToSlacksBlockLimits() throws Exception {
        String longTitle = "Outage ".repeat(40);
        String longText = "a&b ".repeat(2000);
        Alert alert = new Alert(AlertKind.SPIKE, "s-1", "acme", null, null, longTitle, longText, List.of(), "",
                null, AlertFixtures.WEDNESDAY_NOON);

        JsonNode m = parse(messages.single(alert));

        String header = m.path("blocks").get(0).path("text").path("text").asText();
        String section = m.path("blocks").get(1).path("text").path("text").asText();
        assertThat(header).hasSizeLessThanOrEqualTo(150).endsWith("…");
        assertThat(section).hasSizeLessThanOrEqualTo(3000).endsWith("…");
        assertThat(section).doesNotContainPattern("&[a-z]*…");
    }

    @Test
    void anAlertWithoutATaskLinksToItsOwnLinkAndWithNeitherHasNoButton() throws Exception {
        Alert withLink = new Alert(AlertKind.CONNECTOR_UNHEALTHY, "c-1", "acme", Platform.REDDIT, null,
                "reddit is failing", "HTTP 401", List.of(), "https://earshot.example/api/health", null,
                AlertFixtures.WEDNESDAY_NOON);

        assertThat(parse(messages.single(withLink)).path("blocks").get(2).path("elements").get(0).path("url").asText())
                .isEqualTo("https://earshot.example/api/health");
        assertThat(parse(messages.single(AlertFixtures.of(AlertKind.DIGEST, "d-1", AlertFixtures.WEDNESDAY_NOON)))
                .path("blocks")).extracting(b -> b.path("type").asText()).containsExactly("header", "section");
    }

    @Test
    void aPileUpIsOneMessageListingEachAlertWithItsLink() throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            alerts.add(AlertFixtures.mention("m-" + i, UrgencyLevel.HIGH, AlertFixtures.WEDNESDAY_NOON));
        }

        JsonNode m = parse(messages.folded(alerts, "while Slack was unreachable"));

        assertThat(m.path("blocks").get(0).path("text").path("text").asText())
                .isEqualTo("7 alerts while Slack was unreachable");
        String list = m.path("blocks").get(1).path("text").path("text").asText();
        assertThat(list.lines()).hasSize(7).allMatch(line -> line.equals("• Wed 12:00 [high] *Stranded at FRA* · acme"
                + " — “@maria_k: stranded at FRA since 6am, nobody at the desk” <https://earshot.example/tasks/42|task 42>"));
    }

    @Test
    void aHugePileUpSaysHowManyMoreThereAreInsteadOfOverflowing() throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            alerts.add(AlertFixtures.mention("m-" + i, UrgencyLevel.HIGH, AlertFixtures.WEDNESDAY_NOON));
        }

        String list = parse(messages.folded(alerts, "while Slack was unreachable")).path("blocks").get(1)
                .path("text").path("text").asText();

        assertThat(list).hasSizeLessThanOrEqualTo(3000).containsPattern("…and \\d+ more in the queue$");
    }
}
