package org.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FilterRun draft(String stdin, String... args) {
        return FilterRun.of(s -> new DraftCommand(s.in(), s.out(), s.err(), s.clock()), stdin, args);
    }

    @Test
    void draftsWithTheProjectsPolicyAndSkipsABadLineInTheMiddle() throws Exception {
        FilterRun run = draft("""
                {"id":"m1","platform":"mastodon","text":"You lost my bag and my wedding is tomorrow","author":{"handle":"maria","name":"Maria Lopez","followers":300}}
                {"id":"m2","platform":"x","text":
                {"id":"m3","platform":"x","text":"Get free followers now, click here"}
                {"id":"m4","platform":"email","subject":"Charged twice","text":"You charged my card twice for booking XY7Q2.","author":{"handle":"bob@example.com","name":"Bob Stone"}}
                """, "--config", "config/earshot.yaml");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).singleElement().asString().startsWith("line 2: not JSON:");
        assertThat(run.out()).hasSize(3);

        JsonNode bag = JSON.readTree(run.out().get(0));
        assertThat(bag.get("id").asText()).isEqualTo("m1");
        assertThat(bag.get("intent").asText()).isEqualTo("complaint");
        assertThat(bag.at("/draft/text").asText()).startsWith("Hi Maria,").contains("your lost bag");
        assertThat(bag.at("/draft/blocks").size()).isPositive();
        assertThat(bag.at("/draft/warnings").size()).isZero();
        assertThat(bag.at("/draft/followUp").asBoolean()).isTrue();

        JsonNode spam = JSON.readTree(run.out().get(1));
        assertThat(spam.get("intent").asText()).isEqualTo("spam");
        assertThat(spam.at("/draft/text").asText()).isEmpty();
        assertThat(spam.at("/draft/blocks").size()).isZero();
        assertThat(spam.at("/draft/warnings/0").asText()).startsWith("spam: no reply drafted");
        assertThat(spam.at("/warnings/0/rule").asText()).isEqualTo("spam");
        assertThat(spam.at("/draft/followUp").asBoolean()).isFalse();

        JsonNode mail = JSON.readTree(run.out().get(2));
        assertThat(mail.at("/draft/text").asText()).startsWith("Hi Bob,\n\n").contains("the double charge")
                .contains("Kind regards,");
        assertThat(mail.at("/draft/blocks").size()).isEqualTo(1);
    }

    @Test
    void eachLineGetsTextBlocksWarningsAndWhenTheFollowUpWouldBeDue() throws Exception {
        FilterRun run = draft("""
                {"id":"k","platform":"x","text":"@acmeair my flight got cancelled and I am stuck at Lisbon airport with two kids","author":{"handle":"kim","name":"Kim"}}
                {"id":"b","platform":"x","text":"@acmeair the engine on AC900 caught fire before takeoff","author":{"handle":"bob","name":"Bob"}}
                {"id":"q","platform":"bluesky","text":"what's your baggage allowance for hand luggage?","author":{"handle":"lee","name":"Lee"}}
                """, "--config", "config/earshot.yaml");
        assertThat(run.exitCode()).isZero();

        JsonNode stranded = JSON.readTree(run.out().get(0));
        assertThat(stranded.at("/draft/text").asText()).contains("within 1 hour");
        assertThat(stranded.at("/draft/followUp").asBoolean()).isTrue();
        assertThat(stranded.at("/draft/followUpWithin").asText()).isEqualTo("1h");
        assertThat(stranded.at("/draft/warnings").size()).isZero();

        JsonNode fire = JSON.readTree(run.out().get(1));
        assertThat(fire.get("intent").asText()).isEqualTo("crisis");
        assertThat(fire.at("/draft/warnings/0").asText()).isEqualTo("escalate: safety ('caught fire') → the safety team");
        assertThat(fire.at("/warnings/0/kind").asText()).isEqualTo("notice");
        assertThat(fire.at("/warnings/0/rule").asText()).isEqualTo("escalate");
        assertThat(fire.at("/warnings/0/text").asText()).isEqualTo("safety ('caught fire') → the safety team");

        JsonNode question = JSON.readTree(run.out().get(2));
        assertThat(question.at("/draft/blocks").size()).isGreaterThan(1);
        List<String> blocks = new ArrayList<>();
        question.at("/draft/blocks").forEach(b -> blocks.add(b.asText()));
        assertThat(question.at("/draft/text").asText()).isEqualTo(String.join("\n\n", blocks));
        assertThat(question.at("/draft/followUp").asBoolean()).isFalse();
        assertThat(question.at("/draft").has("followUpWithin")).isFalse();
    }

    @Test
    void allGoodLinesExitZero() {
        FilterRun run = draft("{\"id\":1,\"text\":\"How do I change my seat?\"}\n", "--config", "config/earshot.yaml");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).singleElement().asString().contains("\"intent\":\"question\"");
    }

    @Test
    void unreadableConfigStopsWithExitCode2AndSaysWhy(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("earshot.yaml");
        Files.writeString(config, "brands: []\n");
        FilterRun run = draft("{\"text\":\"hi\"}\n", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).singleElement().asString().contains("brands").contains("at least one brand");
    }
}
