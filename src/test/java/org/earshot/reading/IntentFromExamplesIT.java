package org.earshot.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.reply.DraftInput;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;
import org.earshot.scoring.model.LearnedNegativity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Intent from the nearest examples, with the learned model: the issue's misreadings, and the accuracy
 * on a held-out set of 80 real inbound messages labelled by hand before the examples were written
 * (src/test/resources/reading/intent-heldout-labels.tsv), never used to choose them.
 */
class IntentFromExamplesIT {
    private static final LearnedNegativity MODEL = LearnedNegativity.load();
    private static final MentionReader READER = new MentionReader(LanguageDetector.load(Languages.DEFAULT), MODEL);
    private static final MentionReader RULES = new MentionReader(LanguageDetector.load(Languages.DEFAULT), null);
    private static final ReplyDrafter DRAFTER = new ReplyDrafter(policy(), org.earshot.Wiring.CHANNELS);
    private final MentionScorer scorer = new MentionScorer(MODEL);

    private static ReplyPolicy policy() {
        return org.earshot.config.ConfigLoader.fromEnvironment(org.earshot.Wiring.CHANNELS)
                .load(Path.of("config/earshot.yaml")).policy();
    }

    private Intent intent(MentionReader reader, String text) {
        MentionReading reading = reader.read(null, text);
        Score score = scorer.score(reading.lexicon(), new ScoringInput(Platform.X, text, null,
                new Author("pat", "Pat", 100), CustomerHistory.NONE, null, null), reader.learnedNegativity(reading));
        Draft d = DRAFTER.templateDraft(new DraftInput(Platform.X, new Author("pat", "Pat", 100), text, null, score,
                CustomerHistory.NONE, false, reading));
        return d.intent();
    }

    @Test
    void purchaseIntentIsNotReadAsAQuestion() {
        assertThat(intent(READER, "@GearShop I'd like to order two of the trail backpacks, are they in stock?"))
                .isEqualTo(Intent.PURCHASE_INTENT);
    }

    @Test
    void aFeatureRequestIsNotReadAsPraise() {
        assertThat(intent(READER, "@NoteApp love the app, but please add an option to sync notes with my calendar"))
                .isEqualTo(Intent.FEATURE_REQUEST);
    }

    @Test
    void aThreatToBurnTheOfficeDownIsACrisis() {
        assertThat(intent(READER, "@TelcoCare fix my line today or I swear I'll burn your office down"))
                .isEqualTo(Intent.CRISIS);
    }

    @Test
    void mouldInBabyFormulaIsACrisis() {
        assertThat(intent(READER, "@MilkyWay found mould inside a sealed tin of baby formula, baby already had one bottle"))
                .isEqualTo(Intent.CRISIS);
    }

    @Test
    void intentAccuracyOnTheSealedHeldOutSet() throws IOException {
        assertThat(accuracy("intent-heldout-labels.tsv", false)).isGreaterThanOrEqualTo(0);
    }

    /** The development set the combination was tuned on: its misreadings are printed. */
    @Test
    void intentAccuracyOnTheDevelopmentSet() throws IOException {
        assertThat(accuracy("intent-dev-labels.tsv", true)).isGreaterThanOrEqualTo(0);
    }

    private double accuracy(String labels, boolean showMisses) throws IOException {
        Path dir = Path.of("../shared/data/complaints");
        if (!Files.isDirectory(dir)) {
            Assumptions.abort("../shared/data/ is absent: skipped");
        }
        Map<String, String> text = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    JsonNode n = json.readTree(line);
                    text.put(n.get("id").asText(), n.get("text").asText());
                }
            }
        }
        List<String[]> labelled = Files.readAllLines(Path.of("src/test/resources/reading/" + labels))
                .stream().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t")).toList();
        int examples = 0;
        int rules = 0;
        Map<String, int[]> perLabel = new TreeMap<>();
        for (String[] row : labelled) {
            String said = text.get(row[0]);
            String read = intent(READER, said).id();
            boolean byExamples = read.equals(row[1]);
            if (showMisses && !byExamples) {
                MentionReading r = READER.read(null, said);
                System.out.printf("  miss: %s read %s (%s) %s%n", row[1], read,
                        r.intent().map(IntentGuess::why).orElse("-"), said.replace('\n', ' '));
            }
            boolean byRules = intent(RULES, said).id().equals(row[1]);
            examples += byExamples ? 1 : 0;
            rules += byRules ? 1 : 0;
            int[] c = perLabel.computeIfAbsent(row[1], k -> new int[3]);
            c[0]++;
            c[1] += byExamples ? 1 : 0;
            c[2] += byRules ? 1 : 0;
        }
        System.out.printf("intent accuracy on %s (%d real messages): examples %.1f %%, rules %.1f %%%n",
                labels, labelled.size(), 100.0 * examples / labelled.size(), 100.0 * rules / labelled.size());
        perLabel.forEach((k, c) -> System.out.printf("  %-16s %2d: examples %2d, rules %2d%n", k, c[0], c[1], c[2]));
        return (double) examples / labelled.size();
    }
}
