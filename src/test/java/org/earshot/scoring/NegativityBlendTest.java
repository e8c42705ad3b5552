package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.junit.jupiter.api.Test;

/** How the learned model's negativity and the lexicon's make one; no model is loaded here. */
class NegativityBlendTest {

    private static SentimentResult lexicon(double negativity, Sentiment sentiment, String... reasons) {
        return new SentimentResult(sentiment == Sentiment.POSITIVE ? 0.6 : -0.1, negativity, sentiment, List.of(reasons));
    }

    @Test
    void aTextTheModelFindsNegativeIsNegativeAndTheReasonSaysTheModelSawIt() {
        SentimentResult b = NegativityBlend.blend(lexicon(0.05, Sentiment.NEUTRAL), 0.8);
        assertThat(b.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(b.negativity()).isCloseTo(0.575, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.reasons()).containsExactly("reads as negative (model 0.80)");
    }

    @Test
    void theLexiconsReasonsStayAndNoModelReasonIsAddedWhenTheLexiconAlreadySaidNegative() {
        SentimentResult b = NegativityBlend.blend(lexicon(0.6, Sentiment.NEGATIVE, "still waiting"), 0.9);
        assertThat(b.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(b.reasons()).containsExactly("still waiting");
    }

    @Test
    void belowTheNegativeFloorPraiseStaysPositiveAndTheRestIsNeutral() {
        assertThat(NegativityBlend.blend(lexicon(0.0, Sentiment.POSITIVE), 0.1).sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(NegativityBlend.blend(lexicon(0.4, Sentiment.NEGATIVE), 0.05).sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(NegativityBlend.blend(lexicon(0.1, Sentiment.NEUTRAL), 0.2).sentiment()).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void aNegativeLabelAlwaysCarriesAtLeastTheFloorThatRelabellingUses() {
        for (double model = 0; model <= 1; model += 0.05) {
            for (double lex = 0; lex <= 1; lex += 0.1) {
                SentimentResult b = NegativityBlend.blend(lexicon(lex, Sentiment.NEUTRAL), model);
                if (b.sentiment() == Sentiment.NEGATIVE) {
                    assertThat(b.negativity()).isGreaterThanOrEqualTo(ScoreBands.NEGATIVE_FLOOR);
                }
            }
        }
    }

    @Test
    void withoutTheModelsReadingTheScoreIsTheLexiconsToTheLetter() {
        MentionScorer lexicon = new MentionScorer();
        MentionScorer unreadable = new MentionScorer(new NegativityModel() {
            @Override
            public String name() {
                return "cannot read";
            }

            @Override
            public double negativity(String text) {
                return Double.NaN;
            }
        });
        ScoringInput in = new ScoringInput(Platform.X, "Two hours on hold and still no refund", "", null, null, null, null);
        Score expected = lexicon.score(in);
        assertThat(unreadable.score(in)).isEqualTo(expected);
        assertThat(lexicon.score(in, Double.NaN)).isEqualTo(expected);
    }

    @Test
    void urgencyReadsTheBlendedSentiment() {
        MentionScorer scorer = new MentionScorer();
        ScoringInput in = new ScoringInput(Platform.X, "ordered a tv, received a box of rocks", "", null, null, null, null);
        Score alone = scorer.score(in);
        Score blended = scorer.score(in, 0.95);
        assertThat(alone.sentiment()).isNotEqualTo(Sentiment.NEGATIVE);
        assertThat(blended.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(blended.urgency()).isGreaterThan(alone.urgency());
        assertThat(blended.reasons()).contains("reads as negative (model 0.95)");
    }

    @Test
    void textsReadAheadInABatchAreScoredWithoutReadingThemAgain() {
        java.util.List<String> single = new java.util.ArrayList<>();
        java.util.List<java.util.List<String>> batches = new java.util.ArrayList<>();
        NegativityModel counting = new NegativityModel() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public double negativity(String text) {
                single.add(text);
                return 0.9;
            }

            @Override
            public double[] negativity(List<String> texts) {
                batches.add(texts);
                return texts.stream().mapToDouble(t -> 0.9).toArray();
            }
        };
        MentionScorer scorer = new MentionScorer(counting);
        ScoringInput mail = new ScoringInput(Platform.EMAIL, "it never arrived", "Order 1234", null, null, null, null);
        ScoringInput post = new ScoringInput(Platform.X, "still broken", "", null, null, null, null);
        scorer.readAhead(List.of(MentionScorer.textOf(mail), MentionScorer.textOf(post), MentionScorer.textOf(post)));
        assertThat(scorer.score(mail).sentiment()).isEqualTo(Sentiment.NEGATIVE);
        scorer.score(post);
        assertThat(batches).containsExactly(List.of("Order 1234\nit never arrived", "still broken"));
        assertThat(single).isEmpty();
        scorer.score(post);
        assertThat(single).containsExactly("still broken");
    }
}
