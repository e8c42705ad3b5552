package org.earshot.scoring.model;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.earshot.scoring.NegativityModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Negativity from e5-small-v2 sentence embeddings read by a logistic-regression head. The head
 * shipped, {@code scoring/model/negativity-head-vader.txt}, was trained on VADER's human-rated tweets
 * only (MIT licence; its provenance is in the file and in {@code negativity-head-vader.NOTICE}).
 *
 * <p>{@link #shared()} is the one instance of the process, loaded on first use (a second or two and
 * about 100 MB of memory): a process that never scores with it never loads it. When it cannot load
 * (no native ONNX Runtime for the platform, say) it says why once and answers NaN, so the scorer
 * falls back to the lexicon.
 */
public final class LearnedNegativity implements NegativityModel {
    private static final Logger LOG = LoggerFactory.getLogger(LearnedNegativity.class);
    public static final String HEAD = "/scoring/model/negativity-head-vader.txt";
    /** Set to {@code lexicon} (system property or environment) to score with the lexicon alone by default. */
    public static final String PROPERTY = "earshot.model";
    public static final String ENVIRONMENT = "EARSHOT_MODEL";
    /** The embedding model and the shipped head: what a brand's head, fitted toward it, belongs to. */
    public static final String NAME = "e5-small-v2-q+vader";

    private final SentenceEmbedder embedder;
    private final LinearHead head;
    private final String name;

    public LearnedNegativity(SentenceEmbedder embedder, LinearHead head, String name) {
        this.embedder = embedder;
        this.head = head;
        this.name = name;
    }

    /**
     * The e5 embedder with the head shipped in the jar: one thread per text, and a list (a poll's
     * mentions) spread over as many daemon threads as there are cores.
     */
    public static LearnedNegativity load() {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "learned-negativity-" + made.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return new LearnedNegativity(SentenceEmbedder.load(1, pool), shippedHead(), NAME);
    }

    public static LinearHead shippedHead() {
        try (InputStream in = LearnedNegativity.class.getResourceAsStream(HEAD)) {
            if (in == null) {
                throw new IllegalStateException(HEAD + " is not in the jar");
            }
            return LinearHead.read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The process's model, loaded on first use; it answers NaN (the lexicon scores) if it could not
     * load. Always the same object.
     */
    public static NegativityModel shared() {
        return Shared.MODEL;
    }

    /**
     * The model a daemon or the {@code score} filter uses when not told: the learned one, unless
     * {@value #PROPERTY} or {@value #ENVIRONMENT} says {@code lexicon} (the test suite does, so its
     * hundreds of tests stay fast; the tests of the model ask for it by name). Null means the lexicon.
     */
    public static NegativityModel preferred() {
        String chosen = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (chosen == null || chosen.isBlank() || chosen.strip().equalsIgnoreCase("learned")) {
            return shared();
        }
        if (chosen.strip().equalsIgnoreCase("lexicon")) {
            return null;
        }
        throw new IllegalArgumentException(PROPERTY + " must be learned or lexicon, but was '" + chosen + "'");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double negativity(String text) {
        return head.probability(embedder.embed(text));
    }

    /** A batch, in order. */
    @Override
    public double[] negativity(List<String> texts) {
        List<float[]> vectors = embedder.embed(new ArrayList<>(texts));
        double[] out = new double[vectors.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = head.probability(vectors.get(i));
        }
        return out;
    }

    @Override
    public float[] embedding(String text) {
        return embedder.embed(text);
    }

    @Override
    public List<float[]> embeddings(List<String> texts) {
        return embedder.embed(new ArrayList<>(texts));
    }

    @Override
    public double negativity(float[] embedding) {
        return embedding == null ? Double.NaN : head.probability(embedding);
    }

    public SentenceEmbedder embedder() {
        return embedder;
    }

    public LinearHead head() {
        return head;
    }

    /** Loads on the first call, once; remembers a failure and answers NaN from then on. */
    private static final class Lazy implements NegativityModel {
        private volatile LearnedNegativity loaded;
        private volatile boolean failed;

        @Override
        public String name() {
            LearnedNegativity m = get();
            return m == null ? "lexicon" : m.name();
        }

        @Override
        public double negativity(String text) {
            LearnedNegativity m = get();
            if (m == null) {
                return Double.NaN;
            }
            try {
                return m.negativity(text);
            } catch (RuntimeException e) {
                LOG.warn("the learned model could not read a mention ({}); the lexicon scored it", e.toString());
                return Double.NaN;
            }
        }

        @Override
        public double[] negativity(List<String> texts) {
            LearnedNegativity m = get();
            if (m != null) {
                try {
                    return m.negativity(texts);
                } catch (RuntimeException e) {
                    LOG.warn("the learned model could not read {} mentions ({}); the lexicon scores them",
                            texts.size(), e.toString());
                }
            }
            double[] none = new double[texts.size()];
            java.util.Arrays.fill(none, Double.NaN);
            return none;
        }

        @Override
        public float[] embedding(String text) {
            LearnedNegativity m = get();
            if (m == null) {
                return null;
            }
            try {
                return m.embedding(text);
            } catch (RuntimeException e) {
                LOG.warn("the learned model could not read a mention ({}); the lexicon scored it", e.toString());
                return null;
            }
        }

        @Override
        public List<float[]> embeddings(List<String> texts) {
            LearnedNegativity m = get();
            if (m != null) {
                try {
                    return m.embeddings(texts);
                } catch (RuntimeException e) {
                    LOG.warn("the learned model could not read {} mentions ({}); the lexicon scores them",
                            texts.size(), e.toString());
                }
            }
            return java.util.Collections.nCopies(texts.size(), null);
        }

        @Override
        public double negativity(float[] embedding) {
            LearnedNegativity m = get();
            return m == null ? Double.NaN : m.negativity(embedding);
        }

        private LearnedNegativity get() {
            LearnedNegativity m = loaded;
            if (m != null || failed) {
                return m;
            }
            synchronized (this) {
                if (loaded == null && !failed) {
                    long started = System.nanoTime();
                    try {
                        loaded = load();
                        LOG.info(String.format(Locale.ROOT, "learned negativity model loaded in %.1f s",
                                (System.nanoTime() - started) / 1e9));
                    } catch (RuntimeException | LinkageError e) {
                        failed = true;
                        LOG.warn("the learned negativity model could not load ({}); scoring with the lexicon alone",
                                e.toString());
                    }
                }
                return loaded;
            }
        }
    }

    private static final class Shared {
        static final Lazy MODEL = new Lazy();
    }
}
