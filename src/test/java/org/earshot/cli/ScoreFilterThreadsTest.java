package org.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The score filter on several threads writes exactly what it writes on one, in the input's order. */
class ScoreFilterThreadsTest {
    private static final Path REAL = Path.of("../shared/data/complaints/twcs_spotifycares_inbound.jsonl");

    private static FilterRun score(String stdin, String threads) {
        return FilterRun.of(s -> new ScoreCommand(s.in(), s.out(), s.err(), s.clock()), stdin,
                "--model", "lexicon", "--threads", threads);
    }

    private static String idAndText(String line) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = JsonLinesFilter.JSON.readTree(line);
            return JsonLinesFilter.JSON.createObjectNode().put("id", n.get("id").asText())
                    .put("text", n.get("text").asText()).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void fourThreadsWriteTheSameBytesAndMessagesAsOneOnRealMentionsWithBadLinesAmongThem() throws IOException {
        Assumptions.assumeTrue(Files.exists(REAL), "no real data at " + REAL);
        List<String> lines = new ArrayList<>();
        try (Stream<String> real = Files.lines(REAL)) {
            // Only the id and the text: the data's "platform" says "twitter", which the filter calls x.
            real.limit(1_500).map(ScoreFilterThreadsTest::idAndText).forEach(lines::add);
        }
        // Bad lines in different batches (a batch is 256 lines), so their messages must come in order.
        lines.add(7, "not json");
        lines.add(300, "{\"id\":5}");
        lines.add(900, "");
        lines.add(1_200, "{\"text\":\"hi\",\"createdAt\":\"yesterday\"}");
        String stdin = String.join("\n", lines) + "\n";

        FilterRun one = score(stdin, "1");
        FilterRun four = score(stdin, "4");

        assertThat(one.out()).hasSize(1_500);
        assertThat(four.out()).isEqualTo(one.out());
        assertThat(four.err()).isEqualTo(one.err()).hasSize(3);
        assertThat(four.err().get(0)).startsWith("line 8: not JSON");
        assertThat(four.exitCode()).isEqualTo(1).isEqualTo(one.exitCode());
    }
}
