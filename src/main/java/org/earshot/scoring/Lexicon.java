package org.earshot.scoring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Word valences from -4 (very negative) to +4 (very positive), and the words that change their
 * neighbours: boosters ("very", "so"), dampeners ("kinda") and negators ("not", "never").
 * Loaded once from {@code scoring/lexicon.tsv} and {@code scoring/modifiers.tsv}; read-only after.
 */
public final class Lexicon {
    private static final Lexicon DEFAULT = load();

    private final Map<String, Double> valence;
    private final Map<String, Double> boost;
    private final Set<String> negators;

    private Lexicon(Map<String, Double> valence, Map<String, Double> boost, Set<String> negators) {
        this.valence = valence;
        this.boost = boost;
        this.negators = negators;
    }

    public static Lexicon standard() {
        return DEFAULT;
    }

    private static Lexicon load() {
        Map<String, Double> valence = new HashMap<>();
        for (String[] row : Resources.rows("lexicon.tsv")) {
            valence.put(row[0], Double.parseDouble(row[1]));
        }
        Map<String, Double> boost = new HashMap<>();
        Set<String> negators = new HashSet<>();
        for (String[] row : Resources.rows("modifiers.tsv")) {
            switch (row[0]) {
                case "negator" -> negators.add(row[1]);
                case "booster" -> boost.put(row[1], Double.parseDouble(row[2]));
                default -> throw new IllegalStateException("modifiers.tsv: unknown kind '" + row[0] + "'");
            }
        }
        return new Lexicon(Map.copyOf(valence), Map.copyOf(boost), Set.copyOf(negators));
    }

    /** The token's valence, trying the elongated word's short form ("loove" → "love") and a plural's singular. */
    public double valence(Token t) {
        Double v = valence.get(t.norm());
        if (v == null && t.alt() != null) {
            v = valence.get(t.alt());
        }
        if (v == null && t.norm().length() > 3 && t.norm().endsWith("s") && !t.norm().endsWith("ss")) {
            v = valence.get(t.norm().substring(0, t.norm().length() - 1));
        }
        return v == null ? 0 : v;
    }

    /** How much a booster raises (positive) or a dampener lowers (negative) the next sentiment word. */
    public double boost(Token t) {
        Double b = boost.get(t.norm());
        if (b == null && t.alt() != null) {
            b = boost.get(t.alt());
        }
        return b == null ? 0 : b;
    }

    public boolean isNegator(Token t) {
        return t.kind() == Token.Kind.WORD && (negators.contains(t.norm()) || t.norm().endsWith("n't"));
    }
}
