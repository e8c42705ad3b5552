package org.earshot.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;
import org.junit.jupiter.api.Test;

/**
 * The real model: e5-small-v2 from the jar, through ONNX Runtime, with the shipped head. It is
 * loaded once for the suite ({@link LearnedNegativity#shared()}); the texts here are short examples,
 * not the sets it was trained or judged on.
 */
class LearnedNegativityIT {
    private static final LearnedNegativity MODEL = LearnedNegativity.load();

    private static Score blended(String text) {
        return new MentionScorer(MODEL).score(new ScoringInput(Platform.X, text, "", null, null, null, null));
    }

    @Test
    void embeddingsAreUnitVectorsOfTheModelsSize() {
        float[] v = MODEL.embedder().embed("my parcel never arrived");
        assertThat(v).hasSize(SentenceEmbedder.DIMENSIONS);
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
        assertThat(MODEL.embedder().embed("")).hasSize(SentenceEmbedder.DIMENSIONS);
    }

    @Test
    void factualComplaintsAreNegativeAsCustomerCareReadsThem() {
        for (String complaint : List.of("flight delayed 3 hours, no update",
                "my package says delivered but nothing is here",
                "third day without internet and nobody from support has called back")) {
            assertThat(blended(complaint).sentiment()).as(complaint).isEqualTo(Sentiment.NEGATIVE);
        }
    }

    @Test
    void thanksAndPlainQuestionsAreNotNegative() {
        assertThat(blended("Thanks for sorting my refund so quickly!").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(blended("how do i add a line to my plan").sentiment()).isNotEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void theModelRanksAComplaintAboveThanks() {
        assertThat(MODEL.negativity("two hours on hold and still no refund"))
                .isGreaterThan(MODEL.negativity("the crew on my flight were wonderful, thank you"));
    }

    @Test
    void aBatchReadsAsEachTextAlone() {
        List<String> texts = List.of("still waiting for my refund", "love the new app update", "where is my order?");
        double[] batch = MODEL.negativity(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch[i]).isCloseTo(MODEL.negativity(texts.get(i)), within(1e-4));
        }
    }

    @Test
    void theSharedModelIsOneObjectThatLoadsOnFirstUse() {
        assertThat(LearnedNegativity.shared()).isSameAs(LearnedNegativity.shared());
        assertThat(LearnedNegativity.shared().negativity("my card was charged twice")).isBetween(0.0, 1.0);
        assertThat(LearnedNegativity.shared().name()).isEqualTo("e5-small-v2-q+vader");
    }
}
