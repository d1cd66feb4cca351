package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Shared pieces of the hand-run classifier experiments (issue 5; not a test): tf variants of the
 * vectoriser and a plain binary dual coordinate-descent SVM with optional per-example weights (an example of
 * weight w counts as w copies of itself: its cost C is multiplied by w).
 */
final class ExperimentKit {

    enum Tf { LOG, BIN, BM25 }

    private ExperimentKit() {
    }

    static SparseVector vec(long[] fps, Vocabulary vocab, Tf tf, double avgLen, float ww) {
        long[] s = fps.clone();
        Arrays.sort(s);
        int[] idx = new int[s.length];
        float[] val = new float[s.length];
        boolean[] word = new boolean[s.length];
        int m = 0;
        double wordSq = 0;
        double charSq = 0;
        for (int i = 0; i < s.length; ) {
            int j = i;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            int c = j - i;
            long e = vocab.entry(s[i]);
            if (e != 0) {
                double t = switch (tf) {
                    case LOG -> 1 + Math.log(c);
                    case BIN -> 1;
                    case BM25 -> c * 2.2 / (c + 1.2 * (0.25 + 0.75 * fps.length / avgLen));
                };
                float v = (float) (t * Float.intBitsToFloat((int) (e >>> 32)));
                idx[m] = (int) (e - 1);
                val[m] = v;
                word[m] = s[i] < 0;
                if (word[m]) {
                    wordSq += v * v;
                } else {
                    charSq += v * v;
                }
                m++;
            }
            i = j;
        }
        double ws = wordSq == 0 || charSq == 0 ? 1 / Math.sqrt(Math.max(1e-12, wordSq + charSq)) : Math.sqrt(ww / wordSq);
        double cs = wordSq == 0 || charSq == 0 ? ws : Math.sqrt((1 - ww) / charSq);
        for (int i = 0; i < m; i++) {
            val[i] = (float) (val[i] * (word[i] ? ws : cs));
        }
        return new SparseVector(Arrays.copyOf(idx, m), Arrays.copyOf(val, m));
    }

    /** Binary dual coordinate descent (liblinear, no shrinking), balanced costs; hinge or squared hinge. */
    static double[] solve(List<SparseVector> xs, int[] ys, int k, int feats, double c0, boolean hinge, long seed) {
        return solve(xs, ys, null, k, feats, c0, hinge, seed);
    }

    /** As above; {@code weight} (null = all 1) scales each example's cost; balancing uses the weighted counts. */
    static double[] solve(List<SparseVector> xs, int[] ys, double[] weight, int k, int feats, double c0,
                          boolean hinge, long seed) {
        int n = xs.size();
        double pos = 0;
        double all = 0;
        for (int i = 0; i < n; i++) {
            double wi = weight == null ? 1 : weight[i];
            pos += ys[i] == k ? wi : 0;
            all += wi;
        }
        double cPos = c0 * all / (2.0 * pos);
        double cNeg = c0 * all / (2.0 * (all - pos));
        double[] w = new double[feats + 1];
        double[] alpha = new double[n];
        double[] diag = new double[n];
        double[] ub = new double[n];
        double[] qd = new double[n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (ys[i] == k ? 1 : -1);
            double ci = (y[i] > 0 ? cPos : cNeg) * (weight == null ? 1 : weight[i]);
            diag[i] = hinge ? 0 : 0.5 / ci;
            ub[i] = hinge ? ci : Double.POSITIVE_INFINITY;
            qd[i] = xs.get(i).squaredNorm() + 1 + diag[i];
        }
        int[] order = IntStream.range(0, n).toArray();
        Random rnd = new Random(seed);
        for (int epoch = 0; epoch < 100; epoch++) {
            LinearSolver.shuffle(order, n, rnd);
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int s = 0; s < n; s++) {
                int i = order[s];
                SparseVector x = xs.get(i);
                double dot = w[feats];
                for (int p = 0; p < x.size(); p++) {
                    dot += w[x.indices()[p]] * x.values()[p];
                }
                double g = y[i] * dot - 1 + diag[i] * alpha[i];
                double pg = alpha[i] == 0 ? Math.min(g, 0) : (alpha[i] >= ub[i] ? Math.max(g, 0) : g);
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (pg != 0) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(old - g / qd[i], 0), ub[i]);
                    double d = (alpha[i] - old) * y[i];
                    for (int p = 0; p < x.size(); p++) {
                        w[x.indices()[p]] += d * x.values()[p];
                    }
                    w[feats] += d;
                }
            }
            if (pgMax - pgMin <= 0.1) {
                break;
            }
        }
        return w;
    }

    /** A one-vs-rest linear model of the experiments: its vocabulary and per-class weights (bias last). */
    record Linear(Vocabulary vocab, double[][] w, float wordWeight) {
        double[] scores(long[] fps) {
            SparseVector x = vec(fps, vocab, Tf.LOG, 1, wordWeight);
            double[] s = new double[w.length];
            for (int k = 0; k < w.length; k++) {
                double[] wk = w[k];
                double d = wk[wk.length - 1];
                for (int p = 0; p < x.size(); p++) {
                    d += wk[x.indices()[p]] * x.values()[p];
                }
                s[k] = d;
            }
            return s;
        }
    }

    /**
     * Fits the default model (log tf, squared hinge, balanced; C and SVM / NB-SVM from {@code o}) on documents
     * given by their fingerprints, labels and weights (null = all 1); vocabulary and idf from exactly these documents.
     */
    static Linear fit(List<long[]> docs, int[] y, double[] weight, int classes, TrainingOptions o) {
        Vocabulary vocab = ClassifierTrainer.buildVocabulary(docs.toArray(long[][]::new), o.minDf());
        List<SparseVector> xs = docs.stream().map(d -> vec(d, vocab, Tf.LOG, 1, o.wordWeight())).toList();
        double[][] w = new double[classes][];
        boolean nb = o.algorithm() == TrainingOptions.Algorithm.NBSVM;
        IntStream.range(0, classes).parallel().forEach(k -> {
            float[] r = nb ? VariantsExperiment.nbRatio(xs, y, k, vocab.size()) : null;
            List<SparseVector> xk = nb ? xs.stream().map(x -> VariantsExperiment.scale(x, r)).toList() : xs;
            w[k] = solve(xk, y, weight, k, vocab.size(), o.c(), false, 42L * 1_000_003L + k);
            for (int f = 0; nb && f < vocab.size(); f++) {
                w[k][f] *= r[f]; // NB-SVM: the scaling folded into the weights, as in the product
            }
        });
        return new Linear(vocab, w, o.wordWeight());
    }

    /** The rows whose fold is not {@code f}: the training rows of fold {@code f}, in their order. */
    static <T> List<T> outsideFold(List<T> rows, int[] fold, int f) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (fold[i] != f) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    /** Sample standard deviation. */
    static double sd(double[] x) {
        double m = Arrays.stream(x).average().orElse(0);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / Math.max(1, x.length - 1));
    }

    /** Top score minus the second-best score. */
    static double margin(double[] sc) {
        int best = ClassifierTrainer.argmax(sc);
        double second = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < sc.length; c++) {
            second = c == best ? second : Math.max(second, sc[c]);
        }
        return sc[best] - second;
    }

    static double f1(Linear m, List<long[]> testDocs, int[] testY, List<String> labels) {
        List<String> gold = new ArrayList<>();
        List<String> pred = new ArrayList<>();
        for (int i = 0; i < testDocs.size(); i++) {
            gold.add(labels.get(testY[i]));
            pred.add(labels.get(ClassifierTrainer.argmax(m.scores(testDocs.get(i)))));
        }
        return Evaluation.of(labels, gold, pred).macroF1();
    }

    /** The log-probabilities a model gives the test rows (training rows or, past {@code data.n()}, sample rows). */
    static double[][] logProbabilities(ExperimentData data, TextClassifier model, List<Integer> test) {
        double[][] lp = new double[test.size()][];
        for (int t = 0; t < test.size(); t++) {
            int row = test.get(t);
            String text = row < data.n() ? data.train().get(row).text() : data.sample().get(row - data.n()).text();
            lp[t] = Arrays.stream(model.probabilities(text)).map(p -> Math.log(Math.max(p, 1e-9))).toArray();
        }
        return lp;
    }

    /** Row by row {@code a + λ · b}: two models' log-probabilities mixed. */
    static double[][] mix(double[][] a, double[][] b, double lambda) {
        double[][] m = new double[a.length][];
        for (int t = 0; t < a.length; t++) {
            m[t] = new double[a[t].length];
            for (int c = 0; c < a[t].length; c++) {
                m[t][c] = a[t][c] + lambda * b[t][c];
            }
        }
        return m;
    }

    /** Logits to log-probabilities (log-sum-exp with the maximum subtracted). */
    static double[] logSoftmax(double[] z) {
        double m = Arrays.stream(z).max().orElse(0);
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - m);
        }
        double lse = m + Math.log(sum);
        return Arrays.stream(z).map(v -> v - lse).toArray();
    }
}
