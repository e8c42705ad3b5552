package org.earshot.reply;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.earshot.scoring.NegativityModel;

/**
 * Sentence embeddings from the shared reading's learned model, for choosing answers and next steps and
 * for comparing a draft's promises with the policy's examples by meaning. {@link #NONE} when the model is
 * off: every caller then falls back to its words. The policy's fixed texts are embedded once. Thread-safe.
 */
final class Meaning {
    static final Meaning NONE = new Meaning(null);
    private static final int CACHE_LIMIT = 5_000;

    private final NegativityModel model;
    private final ConcurrentHashMap<String, float[]> fixed = new ConcurrentHashMap<>();

    Meaning(NegativityModel model) {
        this.model = model;
    }

    boolean on() {
        return model != null;
    }

    /** A text's embedding, unit length; empty without a model or when it cannot read now. */
    Optional<float[]> of(String text) {
        if (model == null || text == null || text.isBlank()) {
            return Optional.empty();
        }
        float[] known = fixed.get(text);
        if (known != null) {
            return Optional.of(known);
        }
        float[] v = model.embedding(text);
        if (v == null) {
            return Optional.empty();
        }
        float[] unit = unit(v);
        if (fixed.size() < CACHE_LIMIT) {
            fixed.put(text, unit);
        }
        return Optional.of(unit);
    }

    /** A mention's or a draft's embedding, unit length, not kept. */
    Optional<float[]> read(String text) {
        if (model == null || text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(model.embedding(text)).map(Meaning::unit);
    }

    /** The embeddings of the policy's texts, made once each; empty when any cannot be read. */
    Optional<List<float[]>> ofAll(List<String> texts) {
        if (model == null) {
            return Optional.empty();
        }
        List<String> missing = texts.stream().filter(t -> !fixed.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> made = model.embeddings(missing);
            for (int i = 0; i < missing.size(); i++) {
                if (made.get(i) == null) {
                    return Optional.empty();
                }
                fixed.put(missing.get(i), unit(made.get(i)));
            }
        }
        return Optional.of(texts.stream().map(fixed::get).toList());
    }

    /** Cosine similarity of two unit vectors. */
    static double similarity(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        if (n == 0) {
            return v;
        }
        float[] out = new float[v.length];
        double len = Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / len);
        }
        return out;
    }
}
