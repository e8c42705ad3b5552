package org.earshot.scoring.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a brand's corrections buy when they retrain the head ({@link LogisticRegression#fitToward}):
 * each industry of the complaint set stands for one brand, and a sample of its tweets for that brand's
 * corrections (complaint = a person relabelled it negative). Leave-one-out: the head is retrained on
 * all the brand's corrections but one and reads the one left out; against the shipped head reading it.
 * The penalty is chosen on samples from the training four fifths, the figures printed are on samples
 * from the held-out fifth. Not in the suite: {@code mvn test -Dtest=BrandHeadEvaluation}.
 */
class BrandHeadEvaluation {
    private static final int CORRECTIONS_PER_BRAND = 40;
    private static final double[] PENALTIES = {1, 4, 16};

    @Test
    void leaveOneOutOnEachIndustrysCorrections() throws Exception {
        assumeTrue(PublicSets.available(), "../shared/data is not here; nothing to measure");
        SentenceEmbedder embedder = SentenceEmbedder.load(1, java.util.concurrent.Executors.newFixedThreadPool(2));
        EmbeddingCache cache = new EmbeddingCache(embedder);
        Map<String, String> domainOf = domains();
        LinearHead shipped = LearnedNegativity.shippedHead();
        List<PublicSets.Item> all = PublicSets.complaintTweets();

        double chosen = PENALTIES[0];
        double best = -1;
        for (double l2 : PENALTIES) {
            double auc = run(cache, shipped, byBrand(all, domainOf, false), l2, false);
            System.out.printf(Locale.ROOT, "training fifths, l2 %.1f: pooled leave-one-out AUC %.3f%n", l2, auc);
            if (auc > best) {
                best = auc;
                chosen = l2;
            }
        }
        System.out.printf(Locale.ROOT, "chosen l2 %.1f; held-out fifth:%n", chosen);
        run(cache, shipped, byBrand(all, domainOf, true), chosen, true);
    }

    private static Map<String, List<PublicSets.Item>> byBrand(List<PublicSets.Item> all, Map<String, String> domainOf,
                                                              boolean heldOut) {
        Map<String, List<PublicSets.Item>> out = new TreeMap<>();
        for (PublicSets.Item i : all) {
            if (i.heldOut() == heldOut) {
                List<PublicSets.Item> brand = out.computeIfAbsent(domainOf.get(i.id()), d -> new ArrayList<>());
                if (brand.size() < CORRECTIONS_PER_BRAND) {
                    brand.add(i);
                }
            }
        }
        return out;
    }

    /** Pooled leave-one-out ROC-AUC of the retrained heads; prints each brand's figures when asked. */
    private static double run(EmbeddingCache cache, LinearHead shipped, Map<String, List<PublicSets.Item>> brands,
                              double l2, boolean print) {
        List<Double> retrainedAll = new ArrayList<>();
        List<Double> shippedAll = new ArrayList<>();
        List<Boolean> truthAll = new ArrayList<>();
        long fitNanos = 0;
        int fits = 0;
        LogisticRegression trainer = new LogisticRegression(l2);
        for (Map.Entry<String, List<PublicSets.Item>> brand : brands.entrySet()) {
            List<PublicSets.Item> items = brand.getValue();
            List<float[]> x = cache.embed(items);
            int n = items.size();
            double[] retrained = new double[n];
            double[] before = new double[n];
            boolean[] truth = new boolean[n];
            for (int out = 0; out < n; out++) {
                List<float[]> trainX = new ArrayList<>(x);
                trainX.remove(out);
                double[] y = new double[n - 1];
                for (int k = 0, j = 0; k < n; k++) {
                    if (k != out) {
                        y[j++] = items.get(k).negative() ? 1 : 0;
                    }
                }
                long t0 = System.nanoTime();
                LinearHead head = trainer.fitToward(shipped, trainX, y);
                fitNanos += System.nanoTime() - t0;
                fits++;
                retrained[out] = head.probability(x.get(out));
                before[out] = shipped.probability(x.get(out));
                truth[out] = items.get(out).negative();
                retrainedAll.add(retrained[out]);
                shippedAll.add(before[out]);
                truthAll.add(truth[out]);
            }
            if (print) {
                System.out.printf(Locale.ROOT, "  %-12s n %3d  shipped F1 %.3f AUC %.3f  retrained F1 %.3f AUC %.3f%n",
                        brand.getKey(), n, BinaryMetrics.macroF1(BinaryMetrics.above(before, 0.5), truth),
                        BinaryMetrics.rocAuc(before, truth), BinaryMetrics.macroF1(BinaryMetrics.above(retrained, 0.5), truth),
                        BinaryMetrics.rocAuc(retrained, truth));
            }
        }
        double[] r = retrainedAll.stream().mapToDouble(Double::doubleValue).toArray();
        double[] s = shippedAll.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] t = new boolean[truthAll.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = truthAll.get(i);
        }
        if (print) {
            System.out.printf(Locale.ROOT, "  %-12s n %3d  shipped F1 %.3f AUC %.3f  retrained F1 %.3f AUC %.3f"
                            + "  (one retraining: %.1f ms on average)%n", "all", t.length,
                    BinaryMetrics.macroF1(BinaryMetrics.above(s, 0.5), t), BinaryMetrics.rocAuc(s, t),
                    BinaryMetrics.macroF1(BinaryMetrics.above(r, 0.5), t), BinaryMetrics.rocAuc(r, t),
                    fitNanos / 1e6 / fits);
        }
        return BinaryMetrics.rocAuc(r, t);
    }

    private static Map<String, String> domains() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> out = new HashMap<>();
        Path file = PublicSets.find(Path.of("shared", "data", "labelled", "preotiuc_complaints_acl2019.jsonl"));
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                var n = json.readTree(line);
                out.put(n.get("id").asText(), n.get("domain").asText());
            }
        }
        return out;
    }
}
