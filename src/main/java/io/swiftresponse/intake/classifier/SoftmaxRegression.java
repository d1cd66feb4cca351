package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.util.List;
import java.util.Random;

/** Multinomial logistic regression ({@code --algorithm logistic}); an alternative measured worse than the SVM. */
final class SoftmaxRegression {

    private SoftmaxRegression() {
    }

    /**
     * Softmax regression with L2 penalty {@code 1/(2 C n) |w|²} per example, plain SGD with a decaying
     * step (Bottou), weight-scale trick for the penalty and class-balanced example weights if asked.
     */
    static LinearSolver.Weights train(List<SparseVector> xs, int[] ys, int classes, int features, TrainingOptions o) {
        int n = xs.size();
        int[] counts = new int[classes];
        for (int y : ys) {
            counts[y]++;
        }
        double[] exWeight = new double[classes];
        for (int k = 0; k < classes; k++) {
            exWeight[k] = o.balanced() ? n / (double) (classes * Math.max(1, counts[k])) : 1.0;
        }
        double lambda = 1.0 / (o.c() * n);
        double[] v = new double[features * classes];
        double[] b = new double[classes];
        double scale = 1.0;
        double eta0 = 0.5;
        double t0 = 1.0 / (lambda * eta0);
        long t = 0;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rnd = new Random(o.seed() * 1_000_003L + 7919);
        double[] s = new double[classes];
        for (int epoch = 0; epoch < o.maxEpochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int q = 0; q < n; q++) {
                int i = order[q];
                SparseVector x = xs.get(i);
                int[] idx = x.indices();
                float[] val = x.values();
                double eta = 1.0 / (lambda * (t0 + t));
                t++;
                for (int k = 0; k < classes; k++) {
                    s[k] = b[k];
                }
                for (int p = 0; p < idx.length; p++) {
                    int base = idx[p] * classes;
                    double xv = val[p] * scale;
                    for (int k = 0; k < classes; k++) {
                        s[k] += v[base + k] * xv;
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    max = Math.max(max, s[k]);
                }
                double z = 0;
                for (int k = 0; k < classes; k++) {
                    s[k] = Math.exp(s[k] - max);
                    z += s[k];
                }
                scale *= (1 - eta * lambda);
                if (scale < 1e-6) {
                    for (int f = 0; f < v.length; f++) {
                        v[f] *= scale;
                    }
                    scale = 1.0;
                }
                double ew = exWeight[ys[i]];
                for (int k = 0; k < classes; k++) {
                    double g = ew * (s[k] / z - (ys[i] == k ? 1 : 0));
                    if (g == 0) {
                        continue;
                    }
                    double step = eta * g / scale;
                    for (int p = 0; p < idx.length; p++) {
                        v[idx[p] * classes + k] -= step * val[p];
                    }
                    b[k] -= eta * g * 0.1;
                }
            }
        }
        float[] w = new float[features * classes];
        for (int f = 0; f < w.length; f++) {
            w[f] = (float) (v[f] * scale);
        }
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = (float) b[k];
        }
        return new LinearSolver.Weights(w, bias, classes);
    }
}
