package io.swiftresponse.intake.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Stratified k-fold cross-validation. Texts that are identical once whitespace is removed form one group
 * and always fall in the same fold, so repeated messages cannot leak from training into test folds.
 */
public final class CrossValidation {

    /**
     * Result: one evaluation per fold plus the pooled evaluation over all held-out predictions; {@code choices}
     * says per fold what the trainer chose on its own calibration folds (the neighbour vote), empty if nothing.
     */
    public record Result(List<Evaluation> folds, Evaluation pooled, List<String> choices) {
        public Result(List<Evaluation> folds, Evaluation pooled) {
            this(folds, pooled, List.of());
        }

        public double meanMacroF1() {
            return folds.stream().mapToDouble(Evaluation::macroF1).average().orElse(Double.NaN);
        }

        /** Sample standard deviation of the per-fold macro-F1. */
        public double sdMacroF1() {
            double m = meanMacroF1();
            double ss = folds.stream().mapToDouble(e -> (e.macroF1() - m) * (e.macroF1() - m)).sum();
            return folds.size() > 1 ? Math.sqrt(ss / (folds.size() - 1)) : 0;
        }

        public double meanAccuracy() {
            return folds.stream().mapToDouble(Evaluation::accuracy).average().orElse(Double.NaN);
        }

        public String report() {
            StringBuilder sb = new StringBuilder();
            for (int f = 0; f < folds.size(); f++) {
                Evaluation e = folds.get(f);
                sb.append(String.format(Locale.ROOT, "fold %d: n=%d accuracy=%.4f macro-F1=%.4f%s%n", f + 1,
                        e.count(), e.accuracy(), e.macroF1(),
                        f < choices.size() && !choices.get(f).isEmpty() ? " (neighbour vote: " + choices.get(f) + ")" : ""));
            }
            sb.append(String.format(Locale.ROOT, "macro-F1 mean %.4f ± %.4f (sd), accuracy mean %.4f%n",
                    meanMacroF1(), sdMacroF1(), meanAccuracy()));
            sb.append("pooled out-of-fold predictions:\n").append(pooled.report());
            return sb.toString();
        }
    }

    private CrossValidation() {
    }

    /** Grouping key: the text without any whitespace. */
    static String groupKey(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Assigns every example to one of {@code k} folds: groups of identical texts stay together; within each
     * label the groups are shuffled (seeded) and dealt round-robin, continuing across labels, so that every
     * fold gets about the same share of each label.
     */
    static int[] stratifiedFolds(List<String> labels, List<String> groupKeys, int k, long seed) {
        int n = labels.size();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(groupKeys.get(i), g -> new ArrayList<>()).add(i);
        }
        Map<String, List<List<Integer>>> byLabel = new TreeMap<>();
        for (List<Integer> g : groups.values()) {
            byLabel.computeIfAbsent(labels.get(g.get(0)), l -> new ArrayList<>()).add(g);
        }
        int[] fold = new int[n];
        Random rnd = new Random(seed);
        int next = 0;
        for (List<List<Integer>> gs : byLabel.values()) {
            Collections.shuffle(gs, rnd);
            for (List<Integer> g : gs) {
                for (int i : g) {
                    fold[i] = next;
                }
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    /** Runs k-fold cross-validation: each fold trains a fresh model (own vocabulary) on the other folds. */
    public static Result run(List<LabelledText> data, TrainingOptions options, int k) {
        if (k < 2 || k > data.size()) {
            throw new IllegalArgumentException("folds must be between 2 and the number of examples");
        }
        int[] fold = stratifiedFolds(data.stream().map(LabelledText::label).toList(),
                data.stream().map(e -> groupKey(e.text())).toList(), k, options.seed());
        ClassifierTrainer trainer = new ClassifierTrainer();
        // the calibration folds only fit the confidences (which do not change the top label), so they are skipped,
        // unless the neighbour vote's k and weight are to be chosen on them: then each fold chooses its own (nested)
        NeighbourVote vote = options.neighbours();
        TrainingOptions perFold = vote.enabled() && vote.needsChoice() ? options : options.withCalibrationFolds(0);
        List<Evaluation> evals = new ArrayList<>();
        List<String> allGold = new ArrayList<>();
        List<String> allPred = new ArrayList<>();
        List<String> labelOrder = null;
        List<String> choices = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<LabelledText> train = new ArrayList<>();
            List<LabelledText> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                (fold[i] == f ? test : train).add(data.get(i));
            }
            TextClassifier model = trainer.train(train, perFold);
            labelOrder = model.labels();
            choices.add(model.info().evaluation().getOrDefault("neighbourVote", ""));
            List<String> gold = new ArrayList<>();
            List<String> pred = new ArrayList<>();
            for (LabelledText t : test) {
                gold.add(t.label());
                pred.add(model.predict(t.text()).label());
            }
            evals.add(Evaluation.of(model.labels(), gold, pred));
            allGold.addAll(gold);
            allPred.addAll(pred);
        }
        return new Result(evals, Evaluation.of(labelOrder, allGold, allPred), choices);
    }
}
