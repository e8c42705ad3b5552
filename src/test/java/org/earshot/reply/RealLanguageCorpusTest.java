package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.earshot.Wiring;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Platform;
import org.earshot.domain.Warning;
import org.earshot.reading.LanguageDetector;
import org.earshot.reading.Languages;
import org.earshot.reading.MentionReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real complaints in ../shared/data/complaints that are not in English: each found (by the same
 * language detector intake uses) is drafted, and the draft must be in the mention's language (or the
 * team's, with a notice), use the name, and break no rule. The corpus is nearly all English, so only a
 * handful are found; the count and pass rate are printed, not tuned on.
 */
class RealLanguageCorpusTest {
    private static final Path DIR = Path.of("../shared/data/complaints");

    @Test
    void realMentionsInSpanishFrenchGermanAndPortugueseAreDraftedInTheirLanguageAndPassTheRules() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "../shared/data/complaints is absent: the corpus check is skipped");
        LanguageDetector detector = LanguageDetector.load(Languages.DEFAULT);
        MentionReader reader = MentionReader.standard(null);
        ReplyDrafter drafter = new ReplyDrafter(Policies.ACME, Wiring.CHANNELS);
        ObjectMapper json = new ObjectMapper();
        TreeMap<String, Integer> found = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        int drafted = 0;
        int passed = 0;
        int english = 0;
        try (var files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode item = json.readTree(line);
                    String text = item.path("text").asText();
                    String language = detector.detect(text);
                    if (language.equals("en") || !ReplyLanguage.drafted(language)) {
                        continue;
                    }
                    found.merge(language, 1, Integer::sum);
                    Draft d = drafter.draft(new DraftInput(Platform.X, new Author("someone", "Alex", 10), text, "", null,
                            CustomerHistory.NONE, false, reader.read("", text)));
                    if (d.text().isEmpty()) {
                        continue;
                    }
                    drafted++;
                    List<String> problems = new ArrayList<>();
                    d.warnings().stream().filter(w -> !w.isNotice()).map(Warning::line).forEach(problems::add);
                    boolean inTeamsWithNotice = d.warnings().stream().anyMatch(w -> w.rule().equals("language")
                            && w.text().contains("drafted in "));
                    if (!ReplyLanguage.of(language).greets(d.text()) && !ReplyLanguage.of(language).praises(d.text())
                            && !inTeamsWithNotice) {
                        problems.add("not in " + language);
                    }
                    if (!d.text().contains("Alex")) {
                        problems.add("no name");
                    }
                    if (!problems.isEmpty() || !d.text().startsWith("Hi ") && !d.text().startsWith("Thanks")) {
                        System.out.println(language + ": " + text.replace('\n', ' ') + "\n  → " + d.text().replace('\n', ' ')
                                + "\n  " + d.warnings().stream().map(Warning::line).toList());
                    }
                    if (d.warnings().stream().anyMatch(w -> w.text().contains("drafted in English; check the language"))) {
                        english++;
                    }
                    if (problems.isEmpty()) {
                        passed++;
                    } else {
                        failed.add(language + ": " + text.replace('\n', ' ') + "\n  → " + d.text().replace('\n', ' ')
                                + "\n  " + problems);
                    }
                    assertThat(d.hardWarnings()).as(d.toString()).isEmpty();
                }
            }
        }
        System.out.printf("detected as non-English: %s; drafted %d (%d of them with too few of its words, drafted in English),"
                + " %d passed every check%n", found, drafted, english, passed);
        assertThat(failed).as("drafts that broke a check").hasSizeLessThanOrEqualTo(drafted / 10);
    }
}
