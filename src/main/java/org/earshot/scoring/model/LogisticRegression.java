package org.earshot.scoring.model;

import java.util.List;

/**
 * Fits a {@link LinearHead} by L2-regularised logistic regression with Newton's method: a few
 * iterations of one 385 × 385 solve each, so a few thousand examples take seconds and a team's few
 * dozen corrections milliseconds. Targets may be soft (0..1); each example may carry a weight.
 */
public final class LogisticRegression {
    private static final int MAX_ITERATIONS = 25;
    private static final double CONVERGED = 1e-6;

    private final double l2;

    /** @param l2 the penalty on the squared weights (not on the bias), summed over examples */
    public LogisticRegression(double l2) {
        this.l2 = l2;
    }

    public LinearHead fit(List<float[]> x, double[] target) {
        double[] weight = new double[x.size()];
        java.util.Arrays.fill(weight, 1);
        return fit(x, target, weight);
    }

    public LinearHead fit(List<float[]> x, double[] target, double[] exampleWeight) {
        return fit(x, target, exampleWeight, null);
    }

    /**
     * Retrains a head from a few examples (a brand's corrections): the penalty pulls the weights and the
     * bias toward {@code prior}'s instead of toward zero, so a handful of labels moves the head where
     * they disagree with it and leaves the rest of what it learned. Milliseconds for dozens of examples.
     */
    public LinearHead fitToward(LinearHead prior, List<float[]> x, double[] target) {
        double[] weight = new double[x.size()];
        java.util.Arrays.fill(weight, 1);
        return fit(x, target, weight, prior);
    }

    private LinearHead fit(List<float[]> x, double[] target, double[] exampleWeight, LinearHead prior) {
        if (x.isEmpty() || x.size() != target.length || x.size() != exampleWeight.length) {
            throw new IllegalArgumentException("needs as many targets and weights as examples, and one example at least");
        }
        int d = x.get(0).length;
        int n = d + 1; // the last coordinate is the bias
        double[] beta = new double[n];
        double[] anchor = new double[n];
        if (prior != null) {
            for (int i = 0; i < d; i++) {
                anchor[i] = prior.weights()[i];
            }
            anchor[d] = prior.bias();
            beta = anchor.clone();
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            double[] row = new double[n];
            for (int e = 0; e < x.size(); e++) {
                float[] v = x.get(e);
                for (int i = 0; i < d; i++) {
                    row[i] = v[i];
                }
                row[d] = 1;
                double z = 0;
                for (int i = 0; i < n; i++) {
                    z += beta[i] * row[i];
                }
                double p = LinearHead.sigmoid(z);
                double g = exampleWeight[e] * (p - target[e]);
                double s = exampleWeight[e] * Math.max(p * (1 - p), 1e-9);
                for (int i = 0; i < n; i++) {
                    gradient[i] += g * row[i];
                    double si = s * row[i];
                    double[] h = hessian[i];
                    for (int j = 0; j <= i; j++) {
                        h[j] += si * row[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                gradient[i] += l2 * (beta[i] - anchor[i]);
                hessian[i][i] += l2;
            }
            if (prior != null) {
                // A few examples all of one label must not carry the bias off: it is held to the prior's too.
                gradient[d] += l2 * (beta[d] - anchor[d]);
                hessian[d][d] += l2;
            }
            hessian[d][d] += 1e-9;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    hessian[i][j] = hessian[j][i];
                }
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int i = 0; i < n; i++) {
                beta[i] -= step[i];
                largest = Math.max(largest, Math.abs(step[i]));
            }
            if (largest < CONVERGED) {
                break;
            }
        }
        float[] w = new float[d];
        for (int i = 0; i < d; i++) {
            w[i] = (float) beta[i];
        }
        return new LinearHead(w, beta[d]);
    }

    /** Solves a symmetric positive definite system by Cholesky; {@code a} is overwritten. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int j = 0; j < n; j++) {
            double sum = a[j][j];
            for (int k = 0; k < j; k++) {
                sum -= a[j][k] * a[j][k];
            }
            double diagonal = Math.sqrt(Math.max(sum, 1e-12));
            a[j][j] = diagonal;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = s / diagonal;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i][k] * y[k];
            }
            y[i] = s / a[i][i];
        }
        double[] out = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= a[k][i] * out[k];
            }
            out[i] = s / a[i][i];
        }
        return out;
    }
}
