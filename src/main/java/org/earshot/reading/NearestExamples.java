package org.earshot.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.earshot.scoring.NegativityModel;

/**
 * Labelled example texts and a vote of the nearest of them in the learned model's embedding space: what
 * {@link IntentExamples} and {@link ProblemExamples} both read a mention by. The examples are embedded
 * once, on first use; without a model (or when it cannot read them) there is no vote. Thread-safe.
 */
final class NearestExamples<L> {
    record Example<L>(L label, String text) {
    }

    /** The label the neighbours voted for, its share of the vote, and its nearest example. */
    record Vote<L>(L label, double share, String nearest, double similarity) {
    }

    private final List<Example<L>> examples;
    private final NegativityModel model;
    private volatile List<float[]> vectors;

    NearestExamples(List<Example<L>> examples, NegativityModel model) {
        this.examples = List.copyOf(examples);
        this.model = model;
    }

    /**
     * The {@code label<TAB>text} lines of {@code text} ({@code #} comments and blank lines skipped); a
     * line without both, or whose label {@code label} refuses (with an IllegalArgumentException saying
     * why), is refused with {@code source} and its line number.
     */
    static <L> List<Example<L>> parse(String text, String source, String labelName, Function<String, L> label) {
        List<Example<L>> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", 2);
            if (cells.length < 2 || cells[1].isBlank()) {
                throw new IllegalArgumentException(source + " line " + (i + 1)
                        + ": an example is " + labelName + "<TAB>text, but was '" + line + "'");
            }
            L read;
            try {
                read = label.apply(cells[0].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
            out.add(new Example<>(read, cells[1].strip()));
        }
        return out;
    }

    int size() {
        return examples.size();
    }

    /**
     * The label the {@code neighbours} nearest examples vote for, each vote weighed by how near, or empty
     * without a model, without examples, or when the nearest is less similar than {@code tooFar}.
     */
    Optional<Vote<L>> vote(float[] embedding, double tooFar, int neighbours) {
        List<float[]> known = vectors();
        if (embedding == null || known == null || known.isEmpty()) {
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
        if (similarity[order[0]] < tooFar) {
            return Optional.empty();
        }
        Map<L, Double> votes = new HashMap<>();
        double total = 0;
        for (int k = 0; k < Math.min(neighbours, n); k++) {
            int i = order[k];
            // Nearer examples weigh far more: the differences between similarities are small.
            double weight = Math.exp((similarity[i] - 1) * 20);
            votes.merge(examples.get(i).label(), weight, Double::sum);
            total += weight;
        }
        Map.Entry<L, Double> won = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (examples.get(i).label().equals(won.getKey())) {
                return Optional.of(new Vote<>(won.getKey(), won.getValue() / total, examples.get(i).text(),
                        similarity[i]));
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
