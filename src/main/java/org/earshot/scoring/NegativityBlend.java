package org.earshot.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.earshot.domain.Sentiment;

/**
 * Puts the learned model's negativity and the lexicon's together: negativity is 0.7 of the model's
 * and 0.3 of the lexicon's, and the text is negative from 0.3 on ({@link ScoreBands#NEGATIVE_FLOOR},
 * so a negative label always carries at least that). Otherwise it stays positive where the lexicon
 * found it positive, and is neutral. The compound (how sure the lexicon is) and the lexicon's reasons
 * are kept; a text only the model finds negative says so in a reason.
 *
 * <p>0.7 was the best weight on a validation fifth of the VADER tweets the head was trained on (0.6
 * ties), chosen before any held-out figure was looked at; see the README's "learned negativity".
 */
final class NegativityBlend {
    static final double MODEL_WEIGHT = 0.7;

    private NegativityBlend() {
    }

    static SentimentResult blend(SentimentResult lexicon, double model) {
        if (Double.isNaN(model)) {
            return lexicon;
        }
        double negativity = Math.max(0, Math.min(1, MODEL_WEIGHT * model + (1 - MODEL_WEIGHT) * lexicon.negativity()));
        Sentiment sentiment = negativity >= ScoreBands.NEGATIVE_FLOOR ? Sentiment.NEGATIVE
                : lexicon.sentiment() == Sentiment.POSITIVE ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        List<String> reasons = lexicon.reasons();
        if (sentiment == Sentiment.NEGATIVE && lexicon.sentiment() != Sentiment.NEGATIVE) {
            reasons = new ArrayList<>(reasons);
            reasons.add(String.format(Locale.ROOT, "reads as negative (model %.2f)", model));
        }
        return new SentimentResult(lexicon.compound(), negativity, sentiment, reasons);
    }
}
