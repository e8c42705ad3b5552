package org.earshot.task;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.earshot.domain.ScoreCorrection;
import org.earshot.domain.Sentiment;
import org.earshot.reading.MentionReader;
import org.earshot.scoring.model.CurrentBrandHeads;
import org.earshot.scoring.model.LinearHead;
import org.earshot.scoring.model.LogisticRegression;
import org.earshot.store.BrandHeadStore;
import org.earshot.store.CorrectionStore;
import org.earshot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each brand's own negativity head: the shipped head refitted toward the sentiment people gave that
 * brand's mentions ({@link LogisticRegression#fitToward}: a negative label is 1, neutral or positive
 * 0), so the negative/neutral line sits where that team draws it. A correction refits its brand's head
 * at once and stores it (table {@code brand_head}); every node, and every restart, reads the stored
 * heads, so all score a brand's mentions with the same numbers. Other brands keep theirs.
 */
public final class BrandHeads {
    private static final Logger LOG = LoggerFactory.getLogger(BrandHeads.class);
    /** The penalty toward the shipped head, chosen by BrandHeadEvaluation on the training fifths (1 of 1, 4, 16). */
    static final double PENALTY = 1;
    /** Corrected texts' embeddings kept, so a refit embeds only the new ones; cleared past this many. */
    private static final int CACHE_LIMIT = 50_000;

    private final Database db;
    private final CorrectionStore corrections;
    private final BrandHeadStore store;
    private final MentionReader reader;
    private final LinearHead shipped;
    private final String model;
    private final CurrentBrandHeads current;
    private final Clock clock;
    private final Map<String, float[]> embedded = new ConcurrentHashMap<>();
    private final Object fitting = new Object();
    private volatile long loadedVersion = -1;

    /**
     * @param reader  embeds the corrected texts as triage embeds mentions
     * @param shipped the head each brand's is pulled toward
     * @param model   the name of the embedding model and shipped head; stored heads of another are ignored
     */
    public BrandHeads(Database db, CorrectionStore corrections, BrandHeadStore store, MentionReader reader,
                      LinearHead shipped, String model, CurrentBrandHeads current, Clock clock) {
        this.db = db;
        this.corrections = corrections;
        this.store = store;
        this.reader = reader;
        this.shipped = shipped;
        this.model = model;
        this.current = current;
        this.clock = clock;
    }

    /** The heads in force (what triage reads). */
    public CurrentBrandHeads current() {
        return current;
    }

    /**
     * Refits the brand's head from the latest sentiment people gave each of its corrected mentions,
     * stores it and puts it in force. Nothing happens while none of its corrections set a sentiment, or
     * when the model cannot read their texts.
     *
     * @return the head now in force for the brand, or null if it has none
     */
    public LinearHead refit(String brand) {
        synchronized (fitting) {
            long[] through = new long[1];
            List<ScoreCorrection> labelled = db.inTransaction(h -> {
                List<ScoreCorrection> latest = corrections.latestPerTaskOfBrand(h, brand);
                through[0] = latest.stream().mapToLong(ScoreCorrection::id).max().orElse(0);
                return latest.stream().filter(k -> k.sentiment() != null).toList();
            });
            if (labelled.isEmpty()) {
                return current.of(brand).orElse(null);
            }
            List<float[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<float[]> vectors = embeddings(labelled.stream().map(ScoreCorrection::mentionText).toList());
            for (int i = 0; i < labelled.size(); i++) {
                if (vectors.get(i) != null) {
                    x.add(vectors.get(i));
                    y.add(labelled.get(i).sentiment() == Sentiment.NEGATIVE ? 1.0 : 0.0);
                }
            }
            if (x.isEmpty()) {
                LOG.warn("brand {}: the model could not read its corrected mentions; its head stays as it was", brand);
                return current.of(brand).orElse(null);
            }
            long started = System.nanoTime();
            double[] target = y.stream().mapToDouble(Double::doubleValue).toArray();
            LinearHead fitted = new LogisticRegression(PENALTY).fitToward(shipped, x, target);
            int negatives = (int) y.stream().filter(v -> v == 1.0).count();
            String text = fitted.write(String.format(Locale.ROOT,
                    "brand %s: %s refitted toward the shipped head (penalty %s) on %d corrections, %d negative",
                    brand, model, PENALTY, x.size(), negatives));
            // What is stored is what is used, here and on every other node.
            LinearHead stored = read(text);
            boolean saved = db.inTransaction(h -> store.save(h, new BrandHeadStore.StoredHead(brand, model,
                    through[0], x.size(), negatives, text, clock.instant())));
            LOG.info(String.format(Locale.ROOT, "brand %s: negativity head refitted on %d corrections (%d negative) in %.0f ms%s",
                    brand, x.size(), negatives, (System.nanoTime() - started) / 1e6,
                    saved ? "" : "; a head fitted to newer corrections was stored meanwhile"));
            if (saved) {
                current.put(brand, stored);
            } else {
                reload();
            }
            return current.of(brand).orElse(null);
        }
    }

    /** Puts the stored heads in force: at start, and when another node stored one. */
    public void reload() {
        long[] version = new long[1];
        List<BrandHeadStore.StoredHead> stored = db.inTransaction(h -> {
            version[0] = store.version(h);
            return store.all(h);
        });
        Map<String, LinearHead> heads = new HashMap<>();
        for (BrandHeadStore.StoredHead s : stored) {
            if (!s.model().equals(model)) {
                LOG.warn("brand {}: its stored head was fitted for {}, not {}; the shipped head reads its mentions"
                        + " until its next correction", s.brand(), s.model(), model);
                continue;
            }
            heads.put(s.brand(), read(s.head()));
        }
        current.replace(heads);
        loadedVersion = version[0];
    }

    /** Reloads the stored heads when any changed since this node last read them; answers whether it did. */
    public boolean reloadIfChanged() {
        long version = db.inTransaction(store::version);
        if (version == loadedVersion) {
            return false;
        }
        reload();
        return true;
    }

    private List<float[]> embeddings(List<String> texts) {
        if (embedded.size() + texts.size() > CACHE_LIMIT) {
            embedded.clear();
        }
        List<String> missing = texts.stream().filter(t -> !embedded.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> read = reader.embeddings(missing);
            for (int i = 0; i < missing.size(); i++) {
                if (read.get(i) != null) {
                    embedded.put(missing.get(i), read.get(i));
                }
            }
        }
        return texts.stream().map(embedded::get).toList();
    }

    private static LinearHead read(String text) {
        return LinearHead.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
