package org.earshot.scoring.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Trains the head shipped in the jar and writes {@code src/main/resources/scoring/model/negativity-head-vader.txt}.
 * Not part of the suite (its name ends in neither Test nor IT); run it with
 * {@code mvn test -Dtest=NegativityHeadTraining}. It needs {@code ../shared/data}.
 *
 * <p>The weights come from VADER's rated tweets only (MIT), the training four fifths of them. The
 * one setting, the L2 penalty, is chosen on data the head is not fitted on: a validation fifth of the
 * VADER training part and the training four fifths of the complaint set (so a customer's factual
 * complaint weighs in the choice); the held-out fifths of both are never looked at here.
 */
class NegativityHeadTraining {
    private static final double[] PENALTIES = {0.01, 0.03, 0.1, 0.3, 1};
    static final Path OUT = Path.of("src", "main", "resources", "scoring", "model", "negativity-head-vader.txt");

    @Test
    void trainAndWriteTheShippedHead() throws IOException {
        assumeTrue(PublicSets.available(), "skipped: no ../shared/data beside the project");
        EmbeddingCache cache = new EmbeddingCache(SentenceEmbedder.load(1, java.util.concurrent.Executors.newFixedThreadPool(2)));
        List<PublicSets.Item> vader = PublicSets.training(PublicSets.vaderTweets());
        List<PublicSets.Item> complaints = PublicSets.training(PublicSets.complaintTweets());
        List<float[]> vx = cache.embed(vader);
        List<float[]> cx = cache.embed(complaints);

        List<Integer> fit = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int i = 0; i < vader.size(); i++) {
            (PublicSets.fold(vader.get(i).id()) == 1 ? validation : fit).add(i);
        }
        double best = -1;
        double chosen = PENALTIES[0];
        for (double l2 : PENALTIES) {
            LinearHead h = new LogisticRegression(l2).fit(pick(vx, fit), labels(vader, fit));
            double onVader = auc(h, pick(vx, validation), pick(vader, validation));
            double onComplaints = auc(h, cx, complaints);
            double mean = (onVader + onComplaints) / 2;
            System.out.printf(Locale.ROOT, "l2 %-5s ROC-AUC VADER validation %.3f, complaint training part %.3f%n",
                    l2, onVader, onComplaints);
            if (mean > best) {
                best = mean;
                chosen = l2;
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < vader.size(); i++) {
            all.add(i);
        }
        LinearHead head = new LogisticRegression(chosen).fit(vx, labels(vader, all));
        String provenance = String.format(Locale.ROOT, """
                Earshot's learned negativity head: logistic regression on e5-small-v2 (quantized) sentence
                embeddings of "query: " + text, 384 weights and a bias; p(negative) = sigmoid(w . e + b).
                Trained on VADER's human-rated tweets (tweets_GroundTruth.txt, Hutto and Gilbert, ICWSM 2014,
                MIT licence, see negativity-head-vader.NOTICE): %d of the 4,200 tweets (the four fifths not held
                out, by a CRC32 of the tweet id), negative = mean rating below %.1f. L2 penalty %s, chosen on a
                validation fifth of those and on the training part of the Preotiuc-Pietro et al. complaint set
                (which is not in the weights). Written by NegativityHeadTraining; derived numbers, no text.""",
                vader.size(), PublicSets.VADER_NEGATIVE_BELOW, chosen);
        Files.writeString(OUT, head.write(provenance), StandardCharsets.UTF_8);
        System.out.println("wrote " + OUT + " (l2 " + chosen + ")");
    }

    private static <T> List<T> pick(List<T> list, List<Integer> at) {
        return at.stream().map(list::get).toList();
    }

    private static double[] labels(List<PublicSets.Item> items, List<Integer> at) {
        return at.stream().mapToDouble(i -> items.get(i).negative() ? 1 : 0).toArray();
    }

    static double auc(LinearHead h, List<float[]> x, List<PublicSets.Item> items) {
        double[] s = x.stream().mapToDouble(h::probability).toArray();
        boolean[] positive = new boolean[items.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = items.get(i).negative();
        }
        return BinaryMetrics.rocAuc(s, positive);
    }
}
