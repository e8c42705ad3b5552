package org.earshot.scoring;

/**
 * A learned reading of how negative a text is, beside the lexicon's. {@link MentionScorer} blends
 * the two; the lexicon keeps giving the reasons people read.
 */
public interface NegativityModel {

    /** What the model is, for the {@code score} filter's output ("e5-small-v2-q+vader"). */
    String name();

    /** The probability that the text is negative, 0..1, or NaN when the model cannot read it now. */
    double negativity(String text);

    /** Several texts, in order; a model that reads a batch faster than its texts one by one says so here. */
    default double[] negativity(java.util.List<String> texts) {
        double[] out = new double[texts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = negativity(texts.get(i));
        }
        return out;
    }

    /**
     * The sentence embedding the model reads a text by, so a reading of a mention can keep it and
     * other parts (intent from examples) use it too; null when the model has none or cannot read now.
     */
    default float[] embedding(String text) {
        return null;
    }

    /** Several embeddings, in order (null where the model cannot read); spread over the cores where it can. */
    default java.util.List<float[]> embeddings(java.util.List<String> texts) {
        java.util.List<float[]> out = new java.util.ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(embedding(t));
        }
        return out;
    }

    /** Negativity from an embedding {@link #embedding(String)} made; NaN when the model cannot read it. */
    default double negativity(float[] embedding) {
        return Double.NaN;
    }
}
