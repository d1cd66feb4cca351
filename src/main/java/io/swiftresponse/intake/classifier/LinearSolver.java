package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Linear model solvers. Results are deterministic for a given seed, whatever the thread count: each
 * binary problem has its own random stream and is solved sequentially.
 */
final class LinearSolver {

    private LinearSolver() {
    }

    /** Weights laid out feature-major: {@code w[f * classes + k]}, plus one bias per class. */
    record Weights(float[] w, float[] bias, int classes) {
        double[] scores(SparseVector x) {
            double[] s = new double[classes];
            for (int k = 0; k < classes; k++) {
                s[k] = bias[k];
            }
            int[] idx = x.indices();
            float[] val = x.values();
            for (int i = 0; i < idx.length; i++) {
                int base = idx[i] * classes;
                float v = val[i];
                for (int k = 0; k < classes; k++) {
                    s[k] += v * w[base + k];
                }
            }
            return s;
        }
    }

    static Weights train(List<SparseVector> xs, int[] ys, int classes, int features, TrainingOptions o) {
        return switch (o.algorithm()) {
            case SVM, NBSVM -> svmOneVsRest(xs, ys, classes, features, o);
            case LOGISTIC -> SoftmaxRegression.train(xs, ys, classes, features, o);
        };
    }

    private static final double BIAS_FEATURE = 1.0;
    static final boolean DEBUG = Boolean.getBoolean("classifier.debug");

    // ---------------------------------------------------------------- SVM, dual coordinate descent

    static Weights svmOneVsRest(List<SparseVector> xs, int[] ys, int classes, int features, TrainingOptions o) {
        int n = xs.size();
        int[] counts = new int[classes];
        for (int y : ys) {
            counts[y]++;
        }
        double[] qd = new double[n];
        for (int i = 0; i < n; i++) {
            qd[i] = xs.get(i).squaredNorm() + BIAS_FEATURE * BIAS_FEATURE;
        }
        double[][] wk = new double[classes][];
        int threads = o.threads() == 0 ? Runtime.getRuntime().availableProcessors() : o.threads();
        threads = Math.max(1, Math.min(threads, classes));
        if (threads == 1) {
            for (int k = 0; k < classes; k++) {
                wk[k] = svmClass(xs, ys, k, features, qd, counts, o);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "classifier-train");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<double[]>> futures = new ArrayList<>();
                for (int k = 0; k < classes; k++) {
                    final int cls = k;
                    futures.add(pool.submit(() -> svmClass(xs, ys, cls, features, qd, counts, o)));
                }
                for (int k = 0; k < classes; k++) {
                    wk[k] = futures.get(k).get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        float[] w = new float[features * classes];
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            for (int f = 0; f < features; f++) {
                w[f * classes + k] = (float) wk[k][f];
            }
            bias[k] = (float) (wk[k][features] * BIAS_FEATURE);
        }
        return new Weights(w, bias, classes);
    }

    /** Class k versus the rest; with {@link TrainingOptions.Algorithm#NBSVM} on NB-scaled features, the scaling folded into the weights. */
    private static double[] svmClass(List<SparseVector> xs, int[] ys, int k, int features, double[] qd,
                                     int[] counts, TrainingOptions o) {
        if (o.algorithm() != TrainingOptions.Algorithm.NBSVM) {
            return svmBinary(xs, ys, k, features, qd, counts, o);
        }
        float[] r = NaiveBayesScaling.ratios(xs, ys, k, features);
        List<SparseVector> scaled = NaiveBayesScaling.scale(xs, r);
        double[] qdScaled = new double[scaled.size()];
        for (int i = 0; i < qdScaled.length; i++) {
            qdScaled[i] = scaled.get(i).squaredNorm() + BIAS_FEATURE * BIAS_FEATURE;
        }
        double[] w = svmBinary(scaled, ys, k, features, qdScaled, counts, o);
        for (int f = 0; f < features; f++) {
            w[f] *= r[f];
        }
        return w;
    }

    /** L2-regularised squared-hinge SVM for class k versus the rest (liblinear's dual coordinate descent with shrinking). */
    private static double[] svmBinary(List<SparseVector> xs, int[] ys, int k, int features, double[] qdBase,
                                      int[] counts, TrainingOptions o) {
        int n = xs.size();
        double cPos = o.c();
        double cNeg = o.c();
        if (o.balanced()) {
            // each side weighted as if the two sides were equally frequent, relative to the average
            cPos = o.c() * n / (2.0 * Math.max(1, counts[k]));
            cNeg = o.c() * n / (2.0 * Math.max(1, n - counts[k]));
        }
        double[] w = new double[features + 1];
        double[] alpha = new double[n];
        double[] diag = new double[n];
        double[] qd = new double[n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (ys[i] == k ? 1 : -1);
            diag[i] = 0.5 / (y[i] > 0 ? cPos : cNeg);
            qd[i] = qdBase[i] + diag[i];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rnd = new Random(o.seed() * 1_000_003L + k);
        // liblinear's shrinking: examples at the bound (alpha = 0) with a large gradient leave the active set
        int active = n;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        int epoch = 0;
        while (epoch < o.maxEpochs()) {
            shuffle(order, active, rnd);
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int s = 0; s < active; s++) {
                int i = order[s];
                SparseVector x = xs.get(i);
                int[] idx = x.indices();
                float[] val = x.values();
                double dot = w[features] * BIAS_FEATURE;
                for (int p = 0; p < idx.length; p++) {
                    dot += w[idx[p]] * val[p];
                }
                double g = y[i] * dot - 1 + diag[i] * alpha[i];
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        active--;
                        order[s] = order[active];
                        order[active] = i;
                        s--;
                        continue;
                    } else if (g < 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    double d = (alpha[i] - old) * y[i];
                    for (int p = 0; p < idx.length; p++) {
                        w[idx[p]] += d * val[p];
                    }
                    w[features] += d * BIAS_FEATURE;
                }
            }
            epoch++;
            if (DEBUG) {
                System.err.printf("class %d epoch %d gap %.4f active %d%n", k, epoch, pgMax - pgMin, active);
            }
            if (pgMax - pgMin <= o.tolerance()) {
                if (active == n) {
                    break;
                }
                active = n; // re-check every example before stopping
                pgMaxOld = Double.POSITIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMax <= 0 ? Double.POSITIVE_INFINITY : pgMax;
        }
        return w;
    }

    /** Fisher–Yates shuffle of the first {@code length} entries (the visiting order of one epoch); also used by the experiments. */
    static void shuffle(int[] order, int length, Random rnd) {
        for (int i = length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
