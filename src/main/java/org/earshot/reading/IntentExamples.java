package org.earshot.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earshot.scoring.NegativityModel;

/**
 * Intent from examples, not keyword lists: a mention takes the intent its {@value #NEIGHBOURS}
 * nearest examples (in the learned model's embedding space) vote for, each vote weighed by how near.
 * The examples ship in {@code reading/intent-examples.tsv}; a team adds its own from a file of the
 * same form ({@code intentExamples:} in the config). The examples are embedded once, on first use.
 * Without a model (or when it cannot read) there is no guess, and the drafter's rules decide.
 * Thread-safe.
 */
public final class IntentExamples {
    public static final Set<String> INTENTS = Set.of("complaint", "question", "purchase_intent", "feature_request",
            "praise", "spam", "abuse", "crisis", "press", "other");
    static final String SHIPPED = "/reading/intent-examples.tsv";
    static final int NEIGHBOURS = 5;
    /** Below this similarity the nearest example is too far to say anything. */
    static final double TOO_FAR = 0.78;

    private record Example(String intent, String text) {
    }

    private final List<Example> examples;
    private final NegativityModel model;
    private volatile List<float[]> vectors;

    private IntentExamples(List<Example> examples, NegativityModel model) {
        this.examples = List.copyOf(examples);
        this.model = model;
    }

    /** The shipped examples, and the team's from {@code teamFile} (null: none). */
    public static IntentExamples load(NegativityModel model, Path teamFile) {
        List<Example> all = new ArrayList<>();
        try (InputStream in = IntentExamples.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is not in the jar");
            }
            all.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED));
            if (teamFile != null) {
                all.addAll(parse(Files.readString(teamFile), teamFile.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the intent examples", e);
        }
        return new IntentExamples(all, model);
    }

    static List<Example> parse(String text, String source) {
        List<Example> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", 2);
            if (cells.length < 2 || cells[1].isBlank()) {
                throw new IllegalArgumentException(source + " line " + (i + 1)
                        + ": an example is intent<TAB>text, but was '" + line + "'");
            }
            String intent = cells[0].strip();
            if (!INTENTS.contains(intent)) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": '" + intent
                        + "' is not an intent; use one of " + new java.util.TreeSet<>(INTENTS));
            }
            out.add(new Example(intent, cells[1].strip()));
        }
        return out;
    }

    public int size() {
        return examples.size();
    }

    /** The intent the nearest examples share, or empty without a model or when none is near. */
    public Optional<IntentGuess> guess(float[] embedding) {
        List<float[]> known = vectors();
        if (embedding == null || known == null) {
            return Optional.empty();
        }
        int n = known.size();
        double[] similarity = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            similarity[i] = dot(embedding, known.get(i));
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(similarity[b], similarity[a]));
        if (n == 0 || similarity[order[0]] < TOO_FAR) {
            return Optional.empty();
        }
        Map<String, Double> votes = new HashMap<>();
        double total = 0;
        for (int k = 0; k < Math.min(NEIGHBOURS, n); k++) {
            int i = order[k];
            // Nearer examples weigh far more: the differences between similarities are small.
            double weight = Math.exp((similarity[i] - 1) * 20);
            votes.merge(examples.get(i).intent(), weight, Double::sum);
            total += weight;
        }
        String intent = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (examples.get(i).intent().equals(intent)) {
                return Optional.of(new IntentGuess(intent, examples.get(i).text(), similarity[i],
                        votes.get(intent) / total));
            }
        }
        return Optional.empty();
    }

    private List<float[]> vectors() {
        List<float[]> v = vectors;
        if (v == null && model != null) {
            synchronized (this) {
                if (vectors == null) {
                    List<float[]> made = model.embeddings(examples.stream().map(Example::text).toList());
                    if (made.stream().anyMatch(java.util.Objects::isNull)) {
                        return null;
                    }
                    vectors = List.copyOf(made);
                }
                v = vectors;
            }
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
