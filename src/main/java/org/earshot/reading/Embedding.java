package org.earshot.reading;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A mention's sentence embedding, worked out when first asked for (or handed in, read ahead in a
 * batch) and kept: scoring and intent both read it, and the model runs once. Empty when the learned
 * model is off or could not read the text. Thread-safe.
 */
public final class Embedding {
    public static final Embedding NONE = new Embedding(() -> null);

    private final Supplier<float[]> compute;
    private volatile boolean done;
    private volatile float[] vector;

    private Embedding(Supplier<float[]> compute) {
        this.compute = compute;
    }

    static Embedding lazy(Supplier<float[]> compute) {
        return new Embedding(compute);
    }

    static Embedding of(float[] vector) {
        Embedding e = new Embedding(() -> vector);
        e.vector = vector;
        e.done = true;
        return e;
    }

    public Optional<float[]> vector() {
        if (!done) {
            synchronized (this) {
                if (!done) {
                    vector = compute.get();
                    done = true;
                }
            }
        }
        return Optional.ofNullable(vector);
    }
}
