package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.ExperimentKit.Tf;
import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Experiment (issue 5, fourth pass; not a test, run by hand, see docs/classifier.md): Crammer–Singer
 * multi-class SVM (one weight vector per class, trained jointly; Keerthi et al. 2008, liblinear's
 * {@code MCSVM_CS} solver, here without shrinking) against the one-vs-rest default, same 5 folds and
 * features, then the raw sample check. Class-balanced means example cost C · n / (K · n_class).
 * Argument: data folder. {@code -Dcs=c:balanced,...} picks the settings (default 0.1:true,0.3:true,1:true,0.3:false).
 */
public class CrammerSingerExperiment {

    public static void main(String[] a) throws Exception {
        TrainingOptions o = TrainingOptions.linearDefaults().withCalibrationFolds(0);
        ExperimentData data = ExperimentData.load(a[0], new FeatureExtractor(o.featureConfig()), List.of());
        List<String> settings = List.of(System.getProperty("cs", "0.1:true,0.3:true,1:true,0.3:false").split(","));
        data.crossValidateAndRaw((inTrain, test) -> runSplit(data.fps(), data.y(), inTrain, test, data.labels(),
                settings, o));
    }

    static Map<String, Double> runSplit(long[][] fps, int[] y, boolean[] inTrain, List<Integer> test,
                                        List<String> labels, List<String> settings, TrainingOptions o) {
        int[] tr = IntStream.range(0, inTrain.length).filter(i -> inTrain[i]).toArray();
        List<long[]> docs = Arrays.stream(tr).mapToObj(i -> fps[i]).toList();
        int[] ty = Arrays.stream(tr).map(i -> y[i]).toArray();
        List<long[]> testDocs = test.stream().map(i -> fps[i]).toList();
        int[] testY = test.stream().mapToInt(i -> y[i]).toArray();
        Map<String, Double> out = new LinkedHashMap<>();
        ExperimentKit.Linear ovr = ExperimentKit.fit(docs, ty, null, labels.size(), o);
        out.put("default (one-vs-rest)", ExperimentKit.f1(ovr, testDocs, testY, labels));
        for (String s : settings) {
            double c = Double.parseDouble(s.split(":")[0]);
            boolean balanced = Boolean.parseBoolean(s.split(":")[1]);
            Vocabulary vocab = ovr.vocab();
            List<SparseVector> xs = docs.stream().map(x -> ExperimentKit.vec(x, vocab, Tf.LOG, 1, o.wordWeight())).toList();
            double[][] w = solve(xs, ty, labels.size(), vocab.size(), c, balanced, 42);
            out.put("Crammer–Singer C " + c + (balanced ? " balanced" : ""),
                    ExperimentKit.f1(new ExperimentKit.Linear(vocab, w, o.wordWeight()), testDocs, testY, labels));
        }
        return out;
    }

    /** Sequential dual method for the Crammer–Singer SVM; bias as a constant feature (index {@code feats}). */
    static double[][] solve(List<SparseVector> xs, int[] y, int classes, int feats, double c, boolean balanced,
                            long seed) {
        int n = xs.size();
        int[] count = new int[classes];
        for (int v : y) {
            count[v]++;
        }
        double[][] w = new double[classes][feats + 1];
        double[] alpha = new double[n * classes];
        double[] qd = new double[n];
        for (int i = 0; i < n; i++) {
            qd[i] = xs.get(i).squaredNorm() + 1;
        }
        int[] order = IntStream.range(0, n).toArray();
        Random rnd = new Random(seed);
        double[] g = new double[classes];
        double[] b = new double[classes];
        double[] next = new double[classes];
        for (int epoch = 0; epoch < 100; epoch++) {
            LinearSolver.shuffle(order, n, rnd);
            double stopping = 0;
            for (int i : order) {
                SparseVector x = xs.get(i);
                double ci = balanced ? c * n / (classes * (double) count[y[i]]) : c;
                double minG = Double.POSITIVE_INFINITY;
                double maxG = Double.NEGATIVE_INFINITY;
                for (int m = 0; m < classes; m++) {
                    double s = (m == y[i] ? 0 : 1) + w[m][feats];
                    for (int p = 0; p < x.size(); p++) {
                        s += w[m][x.indices()[p]] * x.values()[p];
                    }
                    g[m] = s;
                    double am = alpha[i * classes + m];
                    if ((m == y[i] ? am < ci : am < 0) && s < minG) {
                        minG = s;
                    }
                    maxG = Math.max(maxG, s);
                }
                if (maxG - minG <= 1e-12) {
                    continue;
                }
                stopping = Math.max(stopping, maxG - minG);
                for (int m = 0; m < classes; m++) {
                    b[m] = g[m] - qd[i] * alpha[i * classes + m];
                }
                subProblem(qd[i], y[i], ci, b, next);
                for (int m = 0; m < classes; m++) {
                    double delta = next[m] - alpha[i * classes + m];
                    if (Math.abs(delta) < 1e-12) {
                        continue;
                    }
                    alpha[i * classes + m] = next[m];
                    for (int p = 0; p < x.size(); p++) {
                        w[m][x.indices()[p]] += delta * x.values()[p];
                    }
                    w[m][feats] += delta;
                }
            }
            if (stopping < 0.1) {
                break;
            }
        }
        return w;
    }

    /** The per-example sub-problem of Crammer &amp; Singer (closed form after sorting). */
    private static void subProblem(double a, int yi, double cyi, double[] b, double[] out) {
        int k = b.length;
        double[] d = b.clone();
        d[yi] += a * cyi;
        Arrays.sort(d);
        double beta = d[k - 1] - a * cyi;
        int r = 1;
        while (r < k && beta < r * d[k - 1 - r]) {
            beta += d[k - 1 - r];
            r++;
        }
        beta /= r;
        for (int m = 0; m < k; m++) {
            out[m] = Math.min(m == yi ? cyi : 0, (beta - b[m]) / a);
        }
    }
}
