package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * A long post made of one repeated phrase must cost work in proportion to its length: four times the
 * text, about four times the steps (counted, not timed, in a JVM of its own that counts them;
 * {@link WorkCount}). Comparing every cue with every other, or reading a whole sentence for each cue in
 * a text without full stops, made it sixteen times and more.
 */
class LongTextsTakeLinearWorkTest {
    /** Four times the text may take up to six times the steps; a quadratic part would take sixteen. */
    private static final double MOST_GROWTH = 6.0;
    private static final List<String> PHRASES = List.of(
            "my bag is lost ",
            "thanks for nothing, great job ",
            "I love it but the crew was rude. Really? ",
            "not never no one was hurt but ",
            "although keeps crashing, ordered a large got a small ",
            "was charged twice!!! please refund asap @acmeair ",
            "fire smoke hacked lawyer stranded outage 😡 ",
            "abcdefghijklmnopqrstuvwxyz");

    @Test
    void scoringAndDraftingAFourTimesLongerTextTakesAboutFourTimesTheWork() throws Exception {
        Map<String, Long> steps = probe();
        SoftAssertions softly = new SoftAssertions();
        for (int p = 1; p <= PHRASES.size(); p++) {
            long small = steps.get(p + " 8");
            long large = steps.get(p + " 32");
            softly.assertThat(small).as("steps at 8 KB for '%s'", PHRASES.get(p - 1)).isPositive();
            softly.assertThat(large / (double) small).as("steps at 32 KB / at 8 KB for '%s' (%d / %d)",
                    PHRASES.get(p - 1), large, small).isLessThan(MOST_GROWTH);
        }
        softly.assertAll();
    }

    private static Map<String, Long> probe() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dearshot.countWork=true", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LongTextWorkProbe.class.getName(), "8,32"));
        command.addAll(PHRASES);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Map<String, Long> steps = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length == 3 && f[0].matches("\\d+")) {
                steps.put(f[0] + " " + f[1], Long.parseLong(f[2]));
            }
        }
        assertThat(steps).as(out).hasSize(2 * PHRASES.size());
        return steps;
    }
}
