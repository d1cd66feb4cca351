package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.ExperimentKit.Tf;
import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Experiment (issue 5, third pass; not a test, run by hand, see docs/classifier.md): 5-fold CV (same folds and
 * seed as {@code classifier cross-validate --folds 5 --seed 42}) of variants the earlier passes did not try:
 * NB-SVM (naive-Bayes log-count-ratio scaling, Wang &amp; Manning 2012) with and without interpolation, hinge vs
 * squared hinge, binary / BM25 term frequency, word trigrams, Complement NB interpolated with the SVM.
 * Arguments: training CSV, then optionally the training CSV without the raw sample's overlap and the raw sample
 * (then the chosen variants are also scored on the raw sample).
 */
public class VariantsExperiment {

    /** One variant: tf mode, NB scaling, loss, interpolation beta (1 = pure SVM), CNB mix weight. */
    record Variant(String name, ExperimentKit.Tf tf, boolean nb, boolean hinge, double beta, double cnb, double c) {
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("own solver, default (sq. hinge, log tf)", Tf.LOG, false, false, 1, 0, 1),
            new Variant("hinge (L1 loss)", Tf.LOG, false, true, 1, 0, 1),
            new Variant("binary tf", Tf.BIN, false, false, 1, 0, 1),
            new Variant("BM25 tf (k1 1.2, b 0.75)", Tf.BM25, false, false, 1, 0, 1),
            new Variant("NB-SVM (log tf, r from binarised counts)", Tf.LOG, true, false, 1, 0, 1),
            new Variant("NB-SVM C 0.3", Tf.LOG, true, false, 1, 0, 0.3),
            new Variant("NB-SVM beta 0.25 interpolation", Tf.LOG, true, false, 0.25, 0, 1),
            new Variant("NB-SVM binary tf", Tf.BIN, true, false, 1, 0, 1),
            new Variant("SVM + 0.3 CNB", Tf.LOG, false, false, 1, 0.3, 1),
            new Variant("SVM + 1.0 CNB", Tf.LOG, false, false, 1, 1.0, 1),
            new Variant("NB-SVM C 3", Tf.LOG, true, false, 1, 0, 3));

    public static void main(String[] a) throws Exception {
        List<LabelledText> data = EnsembleExperiment.read(a[0], "text", "label");
        String only = System.getProperty("variants", "");
        int wordMax = Integer.getInteger("wordMax", 2);
        TrainingOptions o = TrainingOptions.linearDefaults().withCalibrationFolds(0).withWordMax(wordMax);
        FeatureExtractor fx = new FeatureExtractor(o.featureConfig());
        int k = 5;
        int[] fold = CrossValidation.stratifiedFolds(data.stream().map(LabelledText::label).toList(),
                data.stream().map(e -> CrossValidation.groupKey(e.text())).toList(), k, 42);
        List<String> labels = data.stream().map(LabelledText::label).distinct().sorted().toList();
        int[] y = data.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        long t0 = System.nanoTime();
        long[][] fps = new long[data.size()][];
        IntStream.range(0, data.size()).parallel().forEach(i -> fps[i] = fx.fingerprints(data.get(i).text()));
        System.out.printf("fingerprints %.1fs, wordMax %d%n", (System.nanoTime() - t0) / 1e9, wordMax);
        List<Variant> vs = VARIANTS.stream().filter(v -> only.isEmpty() || only.contains("|" + VARIANTS.indexOf(v) + "|")).toList();
        double[][] f1 = new double[vs.size()][k];
        for (int f = 0; f < k; f++) {
            List<Integer> tr = new ArrayList<>();
            List<Integer> te = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                (fold[i] == f ? te : tr).add(i);
            }
            double[] res = runFold(fx, fps, y, labels, tr, te, vs, o);
            for (int v = 0; v < vs.size(); v++) {
                f1[v][f] = res[v];
            }
            System.out.printf("fold %d: %s%n", f + 1, Arrays.toString(res));
        }
        for (int v = 0; v < vs.size(); v++) {
            double mean = Arrays.stream(f1[v]).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(f1[v]).map(x -> (x - mean) * (x - mean)).sum() / (k - 1));
            StringBuilder folds = new StringBuilder();
            for (double x : f1[v]) {
                folds.append(String.format(" %.4f", x));
            }
            System.out.printf("| %s | %.4f ± %.4f |%s |%n", vs.get(v).name(), mean, sd, folds);
        }
        if (a.length >= 3) {
            List<LabelledText> trData = EnsembleExperiment.read(a[1], "text", "label");
            List<LabelledText> raw = EnsembleExperiment.read(a[2], "留言主题+留言详情", "一级分类");
            List<LabelledText> all = new ArrayList<>(trData);
            all.addAll(raw);
            long[][] fp2 = new long[all.size()][];
            IntStream.range(0, all.size()).parallel().forEach(i -> fp2[i] = fx.fingerprints(all.get(i).text()));
            int[] y2 = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
            List<Integer> tr = IntStream.range(0, trData.size()).boxed().toList();
            List<Integer> te = IntStream.range(trData.size(), all.size()).boxed().toList();
            double[] res = runFold(fx, fp2, y2, labels, tr, te, vs, o);
            for (int v = 0; v < vs.size(); v++) {
                System.out.printf("raw sample (overlap removed) %s: %.4f%n", vs.get(v).name(), res[v]);
            }
        }
    }

    static double[] runFold(FeatureExtractor fx, long[][] fps, int[] y, List<String> labels, List<Integer> tr,
                            List<Integer> te, List<Variant> vs, TrainingOptions o) {
        long[][] trFps = tr.stream().map(i -> fps[i]).toArray(long[][]::new);
        Vocabulary vocab = ClassifierTrainer.buildVocabulary(trFps, o.minDf());
        int classes = labels.size();
        int feats = vocab.size();
        int[] trY = tr.stream().mapToInt(i -> y[i]).toArray();
        double[] out = new double[vs.size()];
        double avgLen = Arrays.stream(trFps).mapToInt(x -> x.length).average().orElse(1);
        for (int v = 0; v < vs.size(); v++) {
            Variant var = vs.get(v);
            List<SparseVector> xs = tr.stream().map(i -> ExperimentKit.vec(fps[i], vocab, var.tf(), avgLen, o.wordWeight())).toList();
            List<SparseVector> xt = te.stream().map(i -> ExperimentKit.vec(fps[i], vocab, var.tf(), avgLen, o.wordWeight())).toList();
            double[][] scores = new double[xt.size()][classes];
            double[][] cnb = var.cnb() > 0 ? cnbScores(xs, trY, xt, classes, feats) : null;
            IntStream.range(0, classes).parallel().forEach(kk -> {
                float[] r = var.nb() ? nbRatio(xs, trY, kk, feats) : null;
                List<SparseVector> xk = r == null ? xs : xs.stream().map(x -> scale(x, r)).toList();
                double[] w = ExperimentKit.solve(xk, trY, kk, feats, var.c(), var.hinge(), 42L * 1_000_003L + kk);
                double wbar = 0;
                for (int f = 0; f < feats; f++) {
                    wbar += Math.abs(w[f]);
                }
                wbar /= feats;
                for (int i = 0; i < xt.size(); i++) {
                    SparseVector x = r == null ? xt.get(i) : scale(xt.get(i), r);
                    double s = w[feats];
                    double sum = 0;
                    for (int p = 0; p < x.size(); p++) {
                        s += w[x.indices()[p]] * x.values()[p];
                        sum += x.values()[p];
                    }
                    if (var.beta() < 1) {
                        s = var.beta() * s + (1 - var.beta()) * wbar * sum;
                    }
                    scores[i][kk] = s + (cnb == null ? 0 : var.cnb() * cnb[i][kk]);
                }
            });
            int[] gold = te.stream().mapToInt(i -> y[i]).toArray();
            out[v] = Evaluation.ofScores(labels, gold, scores).macroF1();
        }
        return out;
    }

    /** Complement NB scores (Rennie et al. 2003, weight-normalised), standardised per text so they mix with SVM margins. */
    static double[][] cnbScores(List<SparseVector> xs, int[] y, List<SparseVector> xt, int classes, int feats) {
        double[][] comp = new double[classes][feats];
        double[] tot = new double[classes];
        for (int i = 0; i < xs.size(); i++) {
            SparseVector x = xs.get(i);
            for (int c = 0; c < classes; c++) {
                if (c == y[i]) {
                    continue;
                }
                for (int p = 0; p < x.size(); p++) {
                    comp[c][x.indices()[p]] += x.values()[p];
                    tot[c] += x.values()[p];
                }
            }
        }
        double[][] w = new double[classes][feats];
        for (int c = 0; c < classes; c++) {
            double norm = 0;
            for (int f = 0; f < feats; f++) {
                w[c][f] = Math.log((comp[c][f] + 0.1) / (tot[c] + 0.1 * feats));
                norm += Math.abs(w[c][f]);
            }
            for (int f = 0; f < feats; f++) {
                w[c][f] /= norm;
            }
        }
        double[][] s = new double[xt.size()][classes];
        for (int i = 0; i < xt.size(); i++) {
            SparseVector x = xt.get(i);
            double mean = 0;
            for (int c = 0; c < classes; c++) {
                for (int p = 0; p < x.size(); p++) {
                    s[i][c] -= w[c][x.indices()[p]] * x.values()[p];
                }
                mean += s[i][c];
            }
            mean /= classes;
            double sd = 0;
            for (int c = 0; c < classes; c++) {
                sd += (s[i][c] - mean) * (s[i][c] - mean);
            }
            sd = Math.sqrt(sd / classes) + 1e-12;
            for (int c = 0; c < classes; c++) {
                s[i][c] = (s[i][c] - mean) / sd;
            }
        }
        return s;
    }

    /** Log-count ratio r = log((p/|p|1)/(q/|q|1)) from binarised feature presence, alpha = 1. */
    static float[] nbRatio(List<SparseVector> xs, int[] y, int k, int feats) {
        double[] p = new double[feats];
        double[] q = new double[feats];
        Arrays.fill(p, 1);
        Arrays.fill(q, 1);
        for (int i = 0; i < xs.size(); i++) {
            double[] t = y[i] == k ? p : q;
            for (int idx : xs.get(i).indices()) {
                t[idx] += 1;
            }
        }
        double sp = Arrays.stream(p).sum();
        double sq = Arrays.stream(q).sum();
        float[] r = new float[feats];
        for (int f = 0; f < feats; f++) {
            r[f] = (float) Math.log((p[f] / sp) / (q[f] / sq));
        }
        return r;
    }

    static SparseVector scale(SparseVector x, float[] r) {
        float[] v = x.values().clone();
        for (int p = 0; p < v.length; p++) {
            v[p] *= r[x.indices()[p]];
        }
        return new SparseVector(x.indices(), v);
    }
}
