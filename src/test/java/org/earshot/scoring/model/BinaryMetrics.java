package org.earshot.scoring.model;

import java.util.Arrays;
import java.util.Comparator;

/** ROC-AUC of a score and macro-F1 of a yes/no call, against binary labels. */
final class BinaryMetrics {
    private BinaryMetrics() {
    }

    /** The chance that a random positive scores above a random negative (ties count half). */
    static double rocAuc(double[] score, boolean[] positive) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = score.length - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /** The mean of the F1 of "yes" and the F1 of "no". */
    static double macroF1(boolean[] said, boolean[] positive) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < said.length; i++) {
            if (said[i] && positive[i]) {
                tp++;
            } else if (said[i]) {
                fp++;
            } else if (positive[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    static boolean[] above(double[] score, double threshold) {
        boolean[] out = new boolean[score.length];
        for (int i = 0; i < score.length; i++) {
            out[i] = score[i] >= threshold;
        }
        return out;
    }
}
