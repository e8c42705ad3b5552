package org.earshot.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The head's trainer and its file, on made-up vectors: no embedding model is loaded here. */
class LogisticRegressionTest {

    /** Points whose label is the sign of 2·x0 − x1 + 0.5, with some noise. */
    private static List<float[]> points(int n, Random random, double[] labels) {
        List<float[]> x = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[8];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) random.nextGaussian();
            }
            x.add(v);
            labels[i] = 2 * v[0] - v[1] + 0.5 + 0.3 * random.nextGaussian() > 0 ? 1 : 0;
        }
        return x;
    }

    @Test
    void learnsALinearRuleAndRanksUnseenPointsByIt() {
        Random random = new Random(7);
        double[] y = new double[400];
        List<float[]> x = points(400, random, y);
        LinearHead head = new LogisticRegression(0.1).fit(x, y);
        double[] testY = new double[400];
        List<float[]> test = points(400, random, testY);
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            right += (head.probability(test.get(i)) >= 0.5) == (testY[i] == 1) ? 1 : 0;
        }
        assertThat(right / 400.0).isGreaterThan(0.9);
        assertThat(head.weights()[0]).isGreaterThan(0);
        assertThat(head.weights()[1]).isLessThan(0);
        assertThat(Math.abs(head.weights()[5])).isLessThan(Math.abs(head.weights()[0]) / 4);
    }

    @Test
    void aStrongerPenaltyKeepsTheWeightsSmaller() {
        Random random = new Random(3);
        double[] y = new double[200];
        List<float[]> x = points(200, random, y);
        LinearHead loose = new LogisticRegression(0.01).fit(x, y);
        LinearHead tight = new LogisticRegression(50).fit(x, y);
        assertThat(Math.abs(tight.weights()[0])).isLessThan(Math.abs(loose.weights()[0]));
    }

    @Test
    void theHeadFileReadsBackTheSameNumbersAndSaysWhereItCameFrom() {
        LinearHead head = new LinearHead(new float[] {0.25f, -1.5f, 3.0e-5f}, -0.75);
        String file = head.write("trained on made-up points\nfor a test");
        assertThat(file).startsWith("# trained on made-up points\n# for a test\nbias ");
        LinearHead back = LinearHead.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        assertThat(back.weights()).containsExactly(head.weights());
        assertThat(back.bias()).isEqualTo(-0.75);
    }

    @Test
    void aHeadOfAnotherSizeIsRefused() {
        LinearHead head = new LinearHead(new float[] {1, 2}, 0);
        assertThatThrownBy(() -> head.probability(new float[3])).hasMessageContaining("2 dimensions, not 3");
        assertThatThrownBy(() -> LinearHead.read(new ByteArrayInputStream("bias 1\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("needs a bias line and a weights line");
    }

    @Test
    void theShippedHeadIsInTheJarWithItsProvenance() throws Exception {
        LinearHead head = LearnedNegativity.shippedHead();
        assertThat(head.weights()).hasSize(SentenceEmbedder.DIMENSIONS);
        try (var in = LearnedNegativity.class.getResourceAsStream(LearnedNegativity.HEAD);
             var notice = LearnedNegativity.class.getResourceAsStream("/scoring/model/negativity-head-vader.NOTICE")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("VADER", "MIT licence");
            assertThat(new String(notice.readAllBytes(), StandardCharsets.UTF_8)).contains("Copyright (c) 2016 C.J. Hutto");
        }
    }

    @Test
    void retrainingTowardAHeadWithoutExamplesThatDisagreeLeavesItNearlyAsItWas() {
        Random random = new Random(11);
        double[] y = new double[400];
        LinearHead prior = new LogisticRegression(0.1).fit(points(400, random, y), y);
        double[] few = new double[12];
        List<float[]> x = points(12, random, few);
        for (int i = 0; i < few.length; i++) {
            few[i] = prior.probability(x.get(i));
        }
        LinearHead retrained = new LogisticRegression(1).fitToward(prior, x, few);
        for (int k = 0; k < 8; k++) {
            assertThat((double) retrained.weights()[k]).isCloseTo(prior.weights()[k],
                    org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @Test
    void retrainingTowardAHeadMovesTheExamplesThatDisagreeTowardTheirLabel() {
        Random random = new Random(13);
        double[] y = new double[400];
        LinearHead prior = new LogisticRegression(0.1).fit(points(400, random, y), y);
        double[] few = new double[20];
        List<float[]> x = points(20, random, few);
        // This brand calls everything negative: the head's line moves toward that.
        java.util.Arrays.fill(few, 1);
        LinearHead retrained = new LogisticRegression(1).fitToward(prior, x, few);
        double before = 0;
        double after = 0;
        for (float[] v : x) {
            before += prior.probability(v);
            after += retrained.probability(v);
        }
        assertThat(after).isGreaterThan(before + 2);
    }
}
