package org.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(spam.at("/draft/followUp").asBoolean()).isFalse();

        JsonNode mail = JSON.readTree(run.out().get(2));
        assertThat(mail.at("/draft/text").asText()).startsWith("Hi Bob,\n\n").contains("the double charge")
                .contains("Kind regards,");
        assertThat(mail.at("/draft/blocks").size()).isEqualTo(1);
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
