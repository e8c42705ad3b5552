package org.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.earshot.connector.FuzzedPlatform;
import picocli.CommandLine;

/**
 * Lines cut short, with values swapped for garbage, hundreds of kilobytes long, and garbage, through
 * the {@code score} and {@code draft} filters: each line gets one JSON answer or one message on stderr
 * that says what was wrong with it; none fails inside ("could not be processed").
 */
class FilterLinePropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final List<String> GOOD = List.of(
            "{\"id\": 1, \"platform\": \"mastodon\", \"text\": \"@acmeair my bag is lost\", \"author\": {\"handle\": \"dana\", \"name\": \"Dana\", \"followers\": 120}, \"createdAt\": \"2026-03-01T10:00:00Z\"}",
            "{\"id\": \"b\", \"platform\": \"email\", \"subject\": \"Refund\", \"text\": \"I was charged twice, please refund\", \"history\": {\"previousMentions\": 2, \"previousComplaints\": 1, \"previousReplies\": 0}, \"engagement\": {\"likes\": 40, \"reposts\": 12, \"replies\": 3}}",
            "{\"text\": \"Best airline ever, lost my bag twice 🙃\"}");

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> good = Arbitraries.of(GOOD);
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<String> cut = Combinators.combine(good, at).as((l, a) -> l.substring(0, (int) (l.length() * a)));
        Arbitrary<String> swapped = Combinators.combine(good, at, Arbitraries.oneOf(
                FuzzedPlatform.garbage().map(g -> JSON.valueToTree(g).toString()), FuzzedPlatform.garbage(),
                Arbitraries.of("-1", "1e400", "99999999999999999999", "[]", "{}", "null", "true", "\"x\"")))
                .as(FuzzedPlatform::swapAValue);
        Arbitrary<String> long_ = good.map(l -> l.replace("my bag is lost", "my bag is lost ".repeat(20_000)));
        return Arbitraries.frequencyOf(Tuple.of(2, cut), Tuple.of(6, swapped), Tuple.of(1, long_),
                Tuple.of(1, FuzzedPlatform.garbage().map(g -> g.replace('\n', ' ').replace('\r', ' '))));
    }

    @Property(tries = 60)
    void scoreAnswersEachGarbledLineOrSaysWhatWasWrong(@ForAll("lines") String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new ScoreCommand(in(line), out, new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK).call();
        answeredOrExplained(line, exit, out, err);
    }

    @Property(tries = 40)
    void draftAnswersEachGarbledLineOrSaysWhatWasWrong(@ForAll("lines") String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new DraftCommand(in(line), out, new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK)).execute("--config", "config/earshot.yaml");
        answeredOrExplained(line, exit, out, err);
    }

    private static ByteArrayInputStream in(String line) {
        return new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void answeredOrExplained(String line, int exit, ByteArrayOutputStream out, ByteArrayOutputStream err)
            throws Exception {
        String answer = out.toString(StandardCharsets.UTF_8);
        String problem = err.toString(StandardCharsets.UTF_8);
        assertThat(problem).as("what the filter said of %s", line).doesNotContain("could not be processed");
        if (line.isBlank()) {
            return;
        }
        if (exit == 0) {
            assertThat(answer.strip().split("\n")).hasSize(1);
            assertThat(JSON.readTree(answer).isObject()).isTrue();
        } else {
            assertThat(exit).isEqualTo(1);
            assertThat(answer).isEmpty();
            assertThat(problem).startsWith("line 1: ");
        }
    }
}
