package org.earshot.reading;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.UrgencyLevel;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;
import org.earshot.scoring.model.LearnedNegativity;
import org.junit.jupiter.api.Test;

/**
 * Urgency recall and false alarms on real tweets, for the lexicon alone and for the full reading (the
 * learned model, intent and problem kinds from examples), scored the way triage scores a mention.
 *
 * <p>Three sets, each with a rule for what it expects, written before its results were read:
 * <ul>
 *   <li><b>tune</b> ({@code src/test/resources/scoring/urgency-tune-ibm.tsv}): 150 IBM customer-care
 *       tweets labelled by issue category by hand; legal, security, safety = critical; other = not
 *       pressing; the rest pressing. Rules and examples were changed looking at this set only: its
 *       figures are not a held-out estimate.</li>
 *   <li><b>twcs risk</b> ({@code labelled/twcs_risk_category_sample.jsonl}, 199): the rule of
 *       {@code scoring.UrgencyCriticalRecallEvaluation}, committed first (legal = critical; payment,
 *       account, delivery, technical, service, pricing = pressing; other_* = not). Never tuned on.</li>
 *   <li><b>complaints ACL 2019</b> ({@code labelled/preotiuc_complaints_acl2019.jsonl}, 3,419): the
 *       1,468 tweets of the {@code random_tweet} and {@code random_reply} controls were never written
 *       to a care account, so none should be pressing (HIGH or above is a false alarm); for the 1,229
 *       complaints the share scored HIGH or above is printed (not a recall: not every complaint is
 *       pressing). Never tuned on.</li>
 * </ul>
 * Nothing is asserted; not in the suite: {@code mvn test -Dtest=UrgencyRecallEvaluation}.
 * {@code -Dearshot.dev.tuneOnly=true} reads the tune set alone, and {@code -Dearshot.dev.misses=true}
 * prints its misses (never another set's).
 */
class UrgencyRecallEvaluation {
    private static final Path DATA = Path.of("..", "shared", "data");
    private static final Path TUNE_LABELS = Path.of("src", "test", "resources", "scoring", "urgency-tune-ibm.tsv");

    enum Expected { CRITICAL, PRESSING, NOT_PRESSING, COMPLAINT }

    record Item(String text, String category, Expected expected) {
    }

    @Test
    void printsRecallAndFalseAlarmsForTheLexiconAndTheReading() throws IOException {
        assumeTrue(Files.exists(DATA), DATA + " is not here; nothing to measure");
        Map<String, List<Item>> sets = new java.util.LinkedHashMap<>();
        sets.put("tune (IBM, 150, tuned on)", tune());
        if (!Boolean.getBoolean("earshot.dev.tuneOnly")) {
            sets.put("twcs risk (199, not tuned on)", twcsRisk());
            sets.put("complaints ACL 2019 (2,697, not tuned on)", complaints());
        }
        LearnedNegativity model = LearnedNegativity.load();
        MentionReader lexicon = new MentionReader(LanguageDetector.load(Languages.DEFAULT), null);
        MentionReader reading = new MentionReader(LanguageDetector.load(Languages.DEFAULT), model);
        for (Map.Entry<String, List<Item>> set : sets.entrySet()) {
            report("lexicon", set.getKey(), set.getValue(), lexicon, new MentionScorer());
            report("reading", set.getKey(), set.getValue(), reading, new MentionScorer(model));
        }
    }

    private static void report(String how, String name, List<Item> items, MentionReader reader, MentionScorer scorer) {
        reader.readAhead(items.stream().map(Item::text).toList());
        int[] seen = new int[4];
        int[] hit = new int[4];
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> shown = new ArrayList<>();
        for (Item item : items) {
            Score s = UrgencyReadings.score(reader, scorer, item.text());
            boolean pressing = s.urgencyLevel().compareTo(UrgencyLevel.HIGH) >= 0;
            boolean ok = switch (item.expected()) {
                case CRITICAL -> s.urgencyLevel() == UrgencyLevel.CRITICAL;
                case PRESSING, COMPLAINT -> pressing;
                case NOT_PRESSING -> pressing; // counted as a false alarm
            };
            seen[item.expected().ordinal()]++;
            hit[item.expected().ordinal()] += ok ? 1 : 0;
            int[] c = byCategory.computeIfAbsent(item.category(), k -> new int[2]);
            c[0]++;
            c[1] += pressing ? 1 : 0;
            if (Boolean.getBoolean("earshot.dev.misses") && name.startsWith("tune")
                    && (item.expected() == Expected.NOT_PRESSING) == pressing) {
                shown.add(item.category() + " -> " + s.urgencyLevel() + " " + s.reasons() + ": " + item.text());
            }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %-42s", how, name));
        if (seen[0] > 0) {
            line.append(String.format(Locale.ROOT, " critical recall %d/%d;", hit[0], seen[0]));
        }
        if (seen[1] > 0) {
            line.append(String.format(Locale.ROOT, " pressing recall (HIGH+) %d/%d;", hit[1], seen[1]));
        }
        if (seen[3] > 0) {
            line.append(String.format(Locale.ROOT, " complaints HIGH+ %d/%d;", hit[3], seen[3]));
        }
        line.append(String.format(Locale.ROOT, " false alarms (HIGH+ among not pressing) %d/%d", hit[2], seen[2]));
        System.out.println(line);
        StringBuilder categories = new StringBuilder("         HIGH+ by category:");
        byCategory.forEach((k, v) -> categories.append(' ').append(k).append(' ').append(v[1]).append('/').append(v[0]));
        System.out.println(categories);
        shown.forEach(m -> System.out.println("  tune miss: " + m));
    }

    private static List<Item> tune() throws IOException {
        Map<String, String> labels = new HashMap<>();
        for (String line : Files.readAllLines(TUNE_LABELS)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.split("\t");
                labels.put(cells[0], cells[1]);
            }
        }
        List<Item> out = new ArrayList<>();
        for (JsonNode row : rows(DATA.resolve("complaints/ibm_twitter_customer_care.jsonl"))) {
            String category = labels.get(row.get("id").asText());
            if (category != null) {
                Expected e = switch (category) {
                    case "legal", "security", "safety" -> Expected.CRITICAL;
                    case "other" -> Expected.NOT_PRESSING;
                    default -> Expected.PRESSING;
                };
                out.add(new Item(row.get("text").asText(), category, e));
            }
        }
        return out;
    }

    private static List<Item> twcsRisk() throws IOException {
        List<Item> out = new ArrayList<>();
        for (JsonNode row : rows(DATA.resolve("labelled/twcs_risk_category_sample.jsonl"))) {
            String category = row.get("label").asText();
            Expected e = category.equals("legal") ? Expected.CRITICAL
                    : category.startsWith("other_") ? Expected.NOT_PRESSING : Expected.PRESSING;
            out.add(new Item(row.get("text").asText(), category, e));
        }
        return out;
    }

    private static List<Item> complaints() throws IOException {
        List<Item> out = new ArrayList<>();
        for (JsonNode row : rows(DATA.resolve("labelled/preotiuc_complaints_acl2019.jsonl"))) {
            String domain = row.get("domain").asText();
            boolean control = domain.equals("random_tweet") || domain.equals("random_reply");
            boolean complaint = row.get("complaint").asInt() == 1;
            if (control || complaint) {
                out.add(new Item(row.get("text").asText(), control ? domain : "complaint:" + domain,
                        control ? Expected.NOT_PRESSING : Expected.COMPLAINT));
            }
        }
        return out;
    }

    private static List<JsonNode> rows(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }
}
