package org.earshot.scoring.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;
import org.junit.jupiter.api.Test;

/**
 * Prints the figures of the lexicon, the learned head alone and the two blended (what the daemon
 * scores with) on the held-out fifths of the public sets, and on the whole complaint set, which the
 * shipped weights never saw; then throughput on one core. A report, not a test: nothing is asserted,
 * and it is not part of the suite (run {@code mvn test -Dtest=NegativityModelEvaluation}). Needs
 * {@code ../shared/data}; embeddings are cached in {@code target/}.
 *
 * <p>It also fits, for comparison only, a head on the training parts of both sets (complaints
 * included, which may not ship: no licence), to show what training on your own labelled customer
 * messages buys.
 */
class NegativityModelEvaluation {

    @Test
    void printFigures() {
        assumeTrue(PublicSets.available(), "skipped: no ../shared/data beside the project");
        SentenceEmbedder embedder = SentenceEmbedder.load(1, java.util.concurrent.Executors.newFixedThreadPool(2));
        EmbeddingCache cache = new EmbeddingCache(embedder);
        List<PublicSets.Item> vader = PublicSets.vaderTweets();
        List<PublicSets.Item> complaints = PublicSets.complaintTweets();
        LinearHead shipped = LearnedNegativity.shippedHead();

        List<float[]> trainX = new ArrayList<>(cache.embed(PublicSets.training(vader)));
        trainX.addAll(cache.embed(PublicSets.training(complaints)));
        List<PublicSets.Item> trainItems = new ArrayList<>(PublicSets.training(vader));
        trainItems.addAll(PublicSets.training(complaints));
        LinearHead both = new LogisticRegression(0.3).fit(trainX,
                trainItems.stream().mapToDouble(i -> i.negative() ? 1 : 0).toArray());

        System.out.println();
        System.out.println("set                            | n    | scorer                     | macro-F1 | ROC-AUC");
        report("VADER tweets, held-out fifth", PublicSets.heldOut(vader), cache, shipped, both);
        report("complaints, held-out fifth", PublicSets.heldOut(complaints), cache, shipped, both);
        report("complaints, all (never trained on)", complaints, cache, shipped, null);
        throughput(embedder, shipped, complaints);
        examples(embedder, shipped);
    }

    private static void report(String name, List<PublicSets.Item> items, EmbeddingCache cache, LinearHead shipped,
                               LinearHead both) {
        MentionScorer lexicon = new MentionScorer();
        List<float[]> x = cache.embed(items);
        int n = items.size();
        boolean[] truth = new boolean[n];
        double[] lexScore = new double[n];
        boolean[] lexSaid = new boolean[n];
        double[] headScore = new double[n];
        double[] blendScore = new double[n];
        boolean[] blendSaid = new boolean[n];
        double[] bothScore = new double[n];
        for (int i = 0; i < n; i++) {
            PublicSets.Item item = items.get(i);
            truth[i] = item.negative();
            ScoringInput in = new ScoringInput(Platform.X, item.text(), "", null, null, null, null);
            Score l = lexicon.score(in);
            lexScore[i] = l.negativity();
            lexSaid[i] = l.sentiment() == Sentiment.NEGATIVE;
            headScore[i] = shipped.probability(x.get(i));
            Score b = lexicon.score(in, headScore[i]);
            blendScore[i] = b.negativity();
            blendSaid[i] = b.sentiment() == Sentiment.NEGATIVE;
            bothScore[i] = both == null ? 0 : both.probability(x.get(i));
        }
        line(name, n, "lexicon (label: negative)", BinaryMetrics.macroF1(lexSaid, truth), BinaryMetrics.rocAuc(lexScore, truth));
        line(name, n, "head alone (p >= 0.5)", BinaryMetrics.macroF1(BinaryMetrics.above(headScore, 0.5), truth),
                BinaryMetrics.rocAuc(headScore, truth));
        line(name, n, "blended, shipped (negative)", BinaryMetrics.macroF1(blendSaid, truth),
                BinaryMetrics.rocAuc(blendScore, truth));
        if (both != null) {
            line(name, n, "head on VADER+complaints*", BinaryMetrics.macroF1(BinaryMetrics.above(bothScore, 0.5), truth),
                    BinaryMetrics.rocAuc(bothScore, truth));
        }
    }

    private static void line(String set, int n, String scorer, double f1, double auc) {
        System.out.printf(Locale.ROOT, "%-30s | %4d | %-26s | %.3f    | %.3f%n", set, n, scorer, f1, auc);
    }

    /** One thread, after a warm-up; the machine is shared, so read it as a floor. */
    private static void throughput(SentenceEmbedder ignored, LinearHead shipped, List<PublicSets.Item> items) {
        SentenceEmbedder oneCore = SentenceEmbedder.load(1, Runnable::run);
        LearnedNegativity model = new LearnedNegativity(oneCore, shipped, "e5-small-v2-q+vader");
        List<String> texts = items.stream().map(PublicSets.Item::text).toList();
        for (int i = 0; i < 50; i++) {
            model.negativity(texts.get(i));
        }
        int count = 400;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            model.negativity(texts.get(100 + i));
        }
        double single = count / ((System.nanoTime() - started) / 1e9);
        // On a shared machine the core is taken away now and then; the thread's own CPU time says what
        // one core does (ONNX Runtime with one intra-op thread computes on the calling thread).
        double perCpu = count / ((threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9);
        MentionScorer lexicon = new MentionScorer();
        for (String t : texts) {
            lexicon.score(new ScoringInput(Platform.X, t, "", null, null, null, null));
        }
        long lexStarted = System.nanoTime();
        int lexCount = 0;
        for (int round = 0; round < 20; round++) {
            for (String t : texts) {
                lexicon.score(new ScoringInput(Platform.X, t, "", null, null, null, null));
                lexCount++;
            }
        }
        double lexicalRate = lexCount / ((System.nanoTime() - lexStarted) / 1e9);
        System.out.printf(Locale.ROOT, "%nthroughput, one thread, customer tweets: learned model %.0f texts/s "
                + "(%.0f per second of the thread's CPU time); lexicon %.0f texts/s (load average %.1f on %d cores)%n",
                single, perCpu, lexicalRate, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    private static void examples(SentenceEmbedder embedder, LinearHead shipped) {
        MentionScorer blended = new MentionScorer(new LearnedNegativity(embedder, shipped, "e5-small-v2-q+vader"));
        MentionScorer lexicon = new MentionScorer();
        System.out.println();
        for (String text : new String[] {
            "flight delayed 3 hours, no update",
            "ordered a tv, received a box of rocks",
            "my package says delivered but nothing is here",
            "Thanks for sorting my refund so quickly!",
            "how do i add a line to my plan",
        }) {
            ScoringInput in = new ScoringInput(Platform.X, text, "", null, null, null, null);
            Score l = lexicon.score(in);
            Score b = blended.score(in);
            System.out.printf(Locale.ROOT, "lexicon %-8s %.2f | blended %-8s %.2f | %s%n", l.sentiment().id(),
                    l.negativity(), b.sentiment().id(), b.negativity(), text);
        }
    }
}
