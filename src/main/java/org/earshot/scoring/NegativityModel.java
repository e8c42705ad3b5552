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
}
