package org.earshot.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.earshot.scoring.NegativityModel;
import org.earshot.scoring.SeenProblem;

/**
 * What is at stake in a mention, by its nearest examples in the learned model's embedding space
 * ({@code reading/problem-examples.tsv}): money taken, a locked or hacked account, a lost delivery,
 * someone stranded, safety, a legal matter, or none of these. The examples are embedded once, on first
 * use; without a model (or when it cannot read) there is no guess and urgency reads the lexicon alone.
 * Thread-safe.
 */
public final class ProblemExamples {
    static final String SHIPPED = "/reading/problem-examples.tsv";
    static final int NEIGHBOURS = 5;
    /** Below this similarity the nearest example is too far to say anything. */
    static final double TOO_FAR = 0.82;
    /** The kind must take at least this share of the neighbours' vote. */
    static final double MIN_SHARE = 0.5;
    /**
     * A kind is taken only when the text names what it is about. In customer-care text every problem
     * lies near every other in e5's space (an error message is near "I can't log in"), so the nearest
     * examples say what is at stake and these words say the mention is about it at all: no reason
     * shown says "locked out" of a printer that will not print.
     */
    private static final Map<SeenProblem.Kind, Pattern> ABOUT = Map.of(
            SeenProblem.Kind.MONEY_TAKEN, about("charg|paid|pay|refund|money|bought|purchas|bill|fee|debit|\\$|£|€|price|subscription|cost"),
            SeenProblem.Kind.ACCOUNT_LOCKED, about("account|acc\\b|log ?in|logged|sign ?in|signing in|password|locked|suspend|terminat"
                    + "|disabled|access|verif|get in|let me in|recover|2sv|two.step|authenticat|card"),
            SeenProblem.Kind.ACCOUNT_HACKED, about("hack|someone|somebody|unauthori|phishing|stolen|spam|never made|didn'?t make"
                    + "|compromis|clon"),
            SeenProblem.Kind.DELIVERY_LOST, about("deliver|package|parcel|order|courier|tracking|arriv|ship|bag|luggage|suitcase"
                    + "|box|item|driver"),
            SeenProblem.Kind.STRANDED, about("flight|train|stuck|strand|airport|station|bus|connection|hotel|gate|roadside"
                    + "|broke down|left behind"),
            SeenProblem.Kind.SAFETY, about("fire|smok|burn|injur|sick|poison|allerg|glass|hurt|swell|bulg|risk|mask|health"
                    + "|danger|unsafe|brake|gloves|pandemic"),
            SeenProblem.Kind.LEGAL, about("sue\\b|lawyer|legal|illegal|scam|fraud|fake|advertis|copyright|pirat|gouging|law\\b"
                    + "|police|trading standards|leak"));

    private record Example(SeenProblem.Kind kind, String text) {
    }

    private final List<Example> examples;
    private final NegativityModel model;
    private volatile List<float[]> vectors;

    private ProblemExamples(List<Example> examples, NegativityModel model) {
        this.examples = List.copyOf(examples);
        this.model = model;
    }

    /** The shipped examples, read by {@code model}. */
    public static ProblemExamples load(NegativityModel model) {
        try (InputStream in = ProblemExamples.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is not in the jar");
            }
            return new ProblemExamples(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), model);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the problem examples", e);
        }
    }

    static List<Example> parse(String text) {
        List<Example> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", 2);
            if (cells.length < 2 || cells[1].isBlank()) {
                throw new IllegalArgumentException(SHIPPED + " line " + (i + 1)
                        + ": an example is kind<TAB>text, but was '" + line + "'");
            }
            out.add(new Example(SeenProblem.Kind.of(cells[0].strip()), cells[1].strip()));
        }
        return out;
    }

    public int size() {
        return examples.size();
    }

    private static Pattern about(String stems) {
        return Pattern.compile("(?iu)" + stems);
    }

    /**
     * What the nearest examples say is at stake in {@code text}, or empty without a model, when none is
     * near, when it is none of the kinds, or when the text names nothing the kind is about.
     */
    public Optional<SeenProblem> guess(float[] embedding, String text) {
        return guess(embedding).filter(p -> ABOUT.get(p.kind()).matcher(text).find());
    }

    /** What the nearest examples alone say, before the text's words are asked. */
    Optional<SeenProblem> guess(float[] embedding) {
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
        if (similarity[order[0]] < TOO_FAR) {
            return Optional.empty();
        }
        Map<SeenProblem.Kind, Double> votes = new HashMap<>();
        double total = 0;
        for (int k = 0; k < Math.min(NEIGHBOURS, n); k++) {
            int i = order[k];
            // Nearer examples weigh far more: the differences between similarities are small.
            double weight = Math.exp((similarity[i] - 1) * 20);
            votes.merge(examples.get(i).kind(), weight, Double::sum);
            total += weight;
        }
        Map.Entry<SeenProblem.Kind, Double> won = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        if (won.getKey() == SeenProblem.Kind.NONE || won.getValue() / total < MIN_SHARE) {
            return Optional.empty();
        }
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (examples.get(i).kind() == won.getKey()) {
                return Optional.of(new SeenProblem(won.getKey(), examples.get(i).text(), similarity[i]));
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
