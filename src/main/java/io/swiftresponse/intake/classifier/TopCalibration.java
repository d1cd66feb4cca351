package io.swiftresponse.intake.classifier;

import java.util.Arrays;

/**
 * Maps the top label's softmax probability to the share of held-out predictions with that probability that
 * were right (top-label calibration: equal-count bins of out-of-fold predictions, made non-decreasing by
 * pool-adjacent-violators, linear between bin centres). A single softmax temperature cannot do this alone: on
 * 407 categories trained from catalogue phrases the out-of-fold predictions with softmax 0.99 were right about
 * 87-93 % of the time, those with 0.89 about 75 %. The other labels share what the top one gives up, in
 * proportion to their softmax probabilities, and never overtake it. No points: the identity (format 1 models).
 */
record TopCalibration(double[] x, double[] y) {

    static final TopCalibration IDENTITY = new TopCalibration(new double[0], new double[0]);

    TopCalibration {
        if (x.length != y.length) throw new IllegalArgumentException("calibration points must pair up");
        for (int i = 1; i < x.length; i++) {
            if (x[i] < x[i - 1] || y[i] < y[i - 1]) throw new IllegalArgumentException("calibration must be non-decreasing");
        }
    }

    /** Fits {@code bins} equal-count bins (fewer when there are few predictions); identity below 2 bins. */
    static TopCalibration fit(double[] confidence, boolean[] correct, int bins) {
        int n = confidence.length;
        int b = Math.min(bins, n / 20);
        if (b < 2) return IDENTITY;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (i, j) -> Double.compare(confidence[i], confidence[j]));
        double[] x = new double[b];
        double[] y = new double[b];
        double[] w = new double[b];
        for (int k = 0; k < b; k++) {
            int from = (int) ((long) n * k / b);
            int to = (int) ((long) n * (k + 1) / b);
            for (int i = from; i < to; i++) {
                x[k] += confidence[order[i]];
                y[k] += correct[order[i]] ? 1 : 0;
            }
            w[k] = to - from;
            x[k] /= w[k];
            y[k] /= w[k];
        }
        // pool adjacent violators: merge neighbouring bins until the accuracies never decrease
        int m = 0;
        double[] px = new double[b];
        double[] py = new double[b];
        double[] pw = new double[b];
        for (int k = 0; k < b; k++) {
            px[m] = x[k];
            py[m] = y[k];
            pw[m] = w[k];
            m++;
            while (m > 1 && py[m - 2] > py[m - 1]) {
                double tw = pw[m - 2] + pw[m - 1];
                px[m - 2] = (px[m - 2] * pw[m - 2] + px[m - 1] * pw[m - 1]) / tw;
                py[m - 2] = (py[m - 2] * pw[m - 2] + py[m - 1] * pw[m - 1]) / tw;
                pw[m - 2] = tw;
                m--;
            }
        }
        return new TopCalibration(Arrays.copyOf(px, m), Arrays.copyOf(py, m));
    }

    /** The calibrated probability of a top label whose softmax probability is {@code p}. */
    double apply(double p) {
        if (x.length == 0) return p;
        if (p <= x[0]) return y[0];
        if (p >= x[x.length - 1]) return y[y.length - 1];
        int i = 1;
        while (x[i] < p) i++;
        double span = x[i] - x[i - 1];
        return span == 0 ? y[i] : y[i - 1] + (y[i] - y[i - 1]) * (p - x[i - 1]) / span;
    }

    /** Softmax probabilities → calibrated ones (a new array summing to 1, same top label). */
    double[] recalibrate(double[] p) {
        if (x.length == 0 || p.length < 2) return p;
        int top = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[top]) top = k;
        double rest = 0;
        double second = 0;
        for (int k = 0; k < p.length; k++) {
            if (k != top) {
                rest += p[k];
                second = Math.max(second, p[k]);
            }
        }
        double[] out = new double[p.length];
        if (rest <= 0) {
            double c = Math.max(apply(p[top]), 1.0 / p.length);
            Arrays.fill(out, (1 - c) / (p.length - 1));
            out[top] = c;
            return out;
        }
        double r = second / rest; // the runner-up's share of what the top label gives up
        double c = Math.max(apply(p[top]), r / (1 + r));
        for (int k = 0; k < p.length; k++) out[k] = k == top ? c : (1 - c) * p[k] / rest;
        return out;
    }
}
