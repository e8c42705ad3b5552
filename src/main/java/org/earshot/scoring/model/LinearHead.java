package org.earshot.scoring.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A logistic-regression head on a sentence embedding: the probability that the text is negative is
 * {@code sigmoid(weights · embedding + bias)}.
 *
 * <p>Its file is text: {@code #} lines say where it comes from, then {@code bias <number>} and
 * {@code weights <n1> <n2> ...}.
 */
public record LinearHead(float[] weights, double bias) {

    public LinearHead {
        weights = weights.clone();
    }

    public double probability(float[] embedding) {
        return sigmoid(logit(embedding));
    }

    public double logit(float[] embedding) {
        if (embedding.length != weights.length) {
            throw new IllegalArgumentException("the head takes " + weights.length + " dimensions, not " + embedding.length);
        }
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * embedding[i];
        }
        return z;
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** The file's text, with {@code provenance} as its comment lines. */
    public String write(String provenance) {
        StringBuilder b = new StringBuilder();
        for (String line : provenance.strip().split("\n")) {
            b.append("# ").append(line).append('\n');
        }
        b.append("bias ").append(String.format(Locale.ROOT, "%.7g", bias)).append('\n');
        b.append("weights");
        for (float w : weights) {
            b.append(' ').append(String.format(Locale.ROOT, "%.7g", w));
        }
        return b.append('\n').toString();
    }

    public static LinearHead read(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Double bias = null;
            float[] weights = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] cells = l.split("\\s+");
                switch (cells[0]) {
                    case "bias" -> bias = Double.parseDouble(cells[1]);
                    case "weights" -> {
                        weights = new float[cells.length - 1];
                        for (int i = 1; i < cells.length; i++) {
                            weights[i - 1] = Float.parseFloat(cells[i]);
                        }
                    }
                    default -> throw new IllegalArgumentException("a head file has no line '" + cells[0] + "'");
                }
            }
            if (bias == null || weights == null) {
                throw new IllegalArgumentException("a head file needs a bias line and a weights line");
            }
            return new LinearHead(weights, bias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
