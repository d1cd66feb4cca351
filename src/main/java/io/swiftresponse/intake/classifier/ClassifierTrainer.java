package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Trains a {@link TextClassifier}: builds the feature vocabulary from the training texts, fits a linear
 * model, and (with {@code calibrationFolds >= 2}) runs an internal stratified cross-validation whose
 * out-of-fold scores fit the softmax temperature of the confidences and give the evaluation summary
 * stored in the model.
 *
 * <p>Deterministic: the same examples (in the same order) and options give the same model, byte for
 * byte once written, provided {@link TrainingOptions#trainedAt()} is fixed.
 */
public final class ClassifierTrainer {

    /** Description of the tokenizer, recorded in the model. */
    static final String TOKENIZER = "NFKC+lowercase; HanLP portable-1.8.6 DoubleArrayTrieSegment (core dictionary,"
            + " no custom dictionary); HanLP stop words";

    public TextClassifier train(List<LabelledText> examples, TrainingOptions options) {
        if (examples == null || examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        for (int i = 0; i < examples.size(); i++) {
            LabelledText e = examples.get(i);
            if (e == null || e.label().isBlank()) {
                throw new IllegalArgumentException("training example " + (i + 1) + " has an empty label");
            }
        }
        List<String> labels = new ArrayList<>(new TreeSet<>(examples.stream().map(LabelledText::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("need at least 2 distinct labels, got " + labels);
        }
        Map<String, Integer> labelIndex = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            labelIndex.put(labels.get(k), k);
        }
        int n = examples.size();
        int[] y = new int[n];
        Map<String, Integer> labelCounts = new LinkedHashMap<>();
        for (String l : labels) {
            labelCounts.put(l, 0);
        }
        for (int i = 0; i < n; i++) {
            y[i] = labelIndex.get(examples.get(i).label());
            labelCounts.merge(examples.get(i).label(), 1, Integer::sum);
        }

        FeatureExtractor extractor = new FeatureExtractor(options.featureConfig());
        Tokenizer.warmUp();
        long[][] fps = new long[n][];
        IntStream.range(0, n).parallel().forEach(i -> fps[i] = extractor.fingerprints(examples.get(i).text()));
        long tA = System.nanoTime();
        Vocabulary vocab = buildVocabulary(fps, options.minDf());
        long tB = System.nanoTime();
        List<SparseVector> xs = new ArrayList<>(n);
        SparseVector[] tmp = new SparseVector[n];
        IntStream.range(0, n).parallel().forEach(i -> tmp[i] = extractor.vectorise(fps[i], vocab));
        xs.addAll(Arrays.asList(tmp));
        if (LinearSolver.DEBUG) {
            System.err.printf("features: extract+vocab %.2fs, vectorise %.2fs, vocab %d, nnz/doc %.0f%n",
                    (tB - tA) / 1e9, (System.nanoTime() - tB) / 1e9, vocab.size(),
                    xs.stream().mapToInt(SparseVector::size).average().orElse(0));
        }

        double temperature = 1.0;
        TopCalibration calibration = TopCalibration.IDENTITY;
        Map<String, String> evaluation = new LinkedHashMap<>();
        int folds = options.calibrationFolds();
        boolean calibrate = folds >= 2 && n >= folds * 2;
        NeighbourVote grid = options.neighbours();
        if (grid.enabled() && grid.needsChoice() && !calibrate) {
            // nothing to choose k, power and weight on: the linear scores alone, and the model says so
            evaluation.put("neighbourVote", "none (no calibration folds to choose k, power and weight on)");
        }
        NeighbourSelection.Choice choice = grid.enabled() && !grid.needsChoice()
                ? new NeighbourSelection.Choice(grid.ks().get(0), grid.powers().get(0), grid.weights().get(0),
                        Double.NaN, "")
                : null;
        if (calibrate) {
            NeighbourSelection selection = grid.enabled() ? new NeighbourSelection(grid, n, labels.size()) : null;
            List<String> groupKeys = examples.stream().map(e -> CrossValidation.groupKey(e.text())).toList();
            int[] fold = CrossValidation.stratifiedFolds(
                    examples.stream().map(LabelledText::label).toList(), groupKeys, folds, options.seed());
            double[][] oof = new double[n][];
            for (int f = 0; f < folds; f++) {
                List<SparseVector> trX = new ArrayList<>();
                List<Integer> trY = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (fold[i] != f) {
                        trX.add(xs.get(i));
                        trY.add(y[i]);
                    }
                }
                int[] trYs = trY.stream().mapToInt(Integer::intValue).toArray();
                LinearSolver.Weights w = LinearSolver.train(trX, trYs, labels.size(), vocab.size(), options);
                List<Integer> heldOut = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (fold[i] == f) {
                        oof[i] = w.scores(xs.get(i));
                        heldOut.add(i);
                    }
                }
                if (selection != null) {
                    selection.addFold(trX, trYs, vocab, xs, heldOut);
                }
            }
            if (selection != null) {
                choice = selection.choose(oof, y, labels);
                oof = selection.mixed(oof, choice);
                evaluation.put("neighbourVote", choice.votes()
                        ? String.format(java.util.Locale.ROOT, "k %d, power %s, weight %s", choice.k(), choice.power(),
                                choice.weight())
                        : "none (no weight beat the linear scores alone)");
                evaluation.put("neighbourGrid", choice.grid());
            }
            temperature = fitTemperature(oof, y);
            calibration = fitCalibration(oof, y, temperature);
            Evaluation ev = Evaluation.ofScores(labels, y, oof);
            evaluation.put("method", folds + "-fold stratified out-of-fold (shared vocabulary) on the training data");
            evaluation.put("accuracy", String.format(java.util.Locale.ROOT, "%.4f", ev.accuracy()));
            evaluation.put("macroF1", String.format(java.util.Locale.ROOT, "%.4f", ev.macroF1()));
            evaluation.put("temperature", String.format(java.util.Locale.ROOT, "%.4f", temperature));
            evaluation.put("calibrationPoints", Integer.toString(calibration.x().length));
        }
        LinearSolver.Weights weights = LinearSolver.train(xs, y, labels.size(), vocab.size(), options);
        TextClassifier.Vote vote = choice != null && choice.votes()
                ? new TextClassifier.Vote(NeighbourIndex.build(xs, y, labels.size(), vocab.size(),
                        vocab.firstCharIndex(), grid.maxDf()),
                        choice.k(), choice.power(), choice.weight())
                : null;
        Instant at = options.trainedAt() != null ? options.trainedAt() : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ModelInfo info = new ModelInfo(options.modelVersion(), at.toString(), n, labelCounts, options.seed(),
                options.hyperParameters(), evaluation, TOKENIZER);
        return new TextClassifier(labels, extractor, vocab, weights, temperature, calibration, info, vote);
    }

    /** Top-label calibration of the out-of-fold softmax probabilities (20 equal-count bins). */
    static TopCalibration fitCalibration(double[][] oof, int[] y, double temperature) {
        double[] top = new double[oof.length];
        boolean[] right = new boolean[oof.length];
        for (int i = 0; i < oof.length; i++) {
            double[] p = TextClassifier.softmax(oof[i], temperature);
            int best = argmax(p);
            top[i] = p[best];
            right[i] = best == y[i];
        }
        return TopCalibration.fit(top, right, 20);
    }

    static Vocabulary buildVocabulary(long[][] docs, int minDf) {
        int total = 0;
        for (long[] d : docs) {
            total += d.length;
        }
        LongIntMap df = new LongIntMap(Math.max(16, total / 4));
        for (long[] d : docs) {
            long[] u = d.clone();
            Arrays.sort(u);
            for (int i = 0; i < u.length; i++) {
                if (i == 0 || u[i] != u[i - 1]) {
                    df.add(u[i], 1);
                }
            }
        }
        long[] keep = new long[df.size()];
        int[] count = {0};
        df.forEach((k, v) -> {
            if (v >= minDf) {
                keep[count[0]++] = k;
            }
        });
        long[] keys = Arrays.copyOf(keep, count[0]);
        Arrays.sort(keys);
        float[] idf = new float[keys.length];
        double nDocs = docs.length;
        for (int i = 0; i < keys.length; i++) {
            idf[i] = (float) (Math.log((1 + nDocs) / (1 + df.get(keys[i]))) + 1);
        }
        return new Vocabulary(keys, idf);
    }

    static int argmax(double[] s) {
        int best = 0;
        for (int k = 1; k < s.length; k++) {
            if (s[k] > s[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The temperature T minimising the negative log-likelihood of softmax(scores / T) (golden-section on ln T). */
    static double fitTemperature(double[][] scores, int[] y) {
        double lo = Math.log(1e-3);
        double hi = Math.log(1e2);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(scores, y, Math.exp(a));
        double fb = nll(scores, y, Math.exp(b));
        for (int it = 0; it < 80; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(scores, y, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(scores, y, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double nll(double[][] scores, int[] y, double t) {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double[] p = TextClassifier.softmax(scores[i], t);
            sum -= Math.log(Math.max(p[y[i]], 1e-300));
        }
        return sum;
    }
}
