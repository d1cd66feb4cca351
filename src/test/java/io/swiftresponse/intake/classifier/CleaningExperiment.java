package io.swiftresponse.intake.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Experiment (issue 5, sixth pass; not a test, run by hand, see docs/classifier.md): label-noise cleaning. Inside each
 * outer fold's training rows, an inner 5-fold CV (NB-SVM C 0.3, no vote) gives every row an out-of-fold score; rows
 * whose given label loses to another by more than δ (score of the predicted label minus score of the given one) are
 * left out, and the product's default model is trained on the rest. Compared with the default on all rows, on the
 * outer test fold. Argument: data folder; {@code -Ddeltas=0.5,1,1.5}; {@code -DfoldSeed=S}.
 */
public class CleaningExperiment {

    public static void main(String[] a) throws Exception {
        String d = a[0].endsWith("/") ? a[0] : a[0] + "/";
        List<LabelledText> data = EnsembleExperiment.read(d + "train_segmented.csv", "text", "label");
        double[] deltas = java.util.Arrays.stream(System.getProperty("deltas", "0.5,1,1.5").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        long seed = Long.getLong("foldSeed", 42);
        int[] fold = folds(data, seed);
        TrainingOptions product = TrainingOptions.defaults();
        TrainingOptions inner = TrainingOptions.defaults().withNeighbours(NeighbourVote.OFF).withCalibrationFolds(0);
        Map<String, double[]> table = new LinkedHashMap<>();
        for (int f = 0; f < 5; f++) {
            List<LabelledText> train = new ArrayList<>();
            List<LabelledText> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                (fold[i] == f ? test : train).add(data.get(i));
            }
            double[] loss = outOfFoldLoss(train, inner, seed);
            Map<String, Double> res = new LinkedHashMap<>();
            res.put("default", f1(new ClassifierTrainer().train(train, product), test));
            for (double delta : deltas) {
                List<LabelledText> kept = new ArrayList<>();
                for (int i = 0; i < train.size(); i++) {
                    if (loss[i] <= delta) {
                        kept.add(train.get(i));
                    }
                }
                res.put("cleaned δ " + delta + " (" + (train.size() - kept.size()) + " left out)",
                        f1(new ClassifierTrainer().train(kept, product), test));
            }
            System.out.printf("fold %d: %s%n", f + 1, res);
            final int ff = f;
            List<String> keys = new ArrayList<>(res.keySet());
            for (int r = 0; r < keys.size(); r++) {
                table.computeIfAbsent(r == 0 ? "default" : "cleaned δ " + deltas[r - 1], k -> new double[5])[ff] =
                        res.get(keys.get(r));
            }
        }
        table.forEach((name, v) -> System.out.printf(Locale.ROOT, "| %s | %.4f ± %.4f |%n", name,
                java.util.Arrays.stream(v).average().orElse(0), ExperimentKit.sd(v)));
    }

    static int[] folds(List<LabelledText> data, long seed) {
        return CrossValidation.stratifiedFolds(data.stream().map(LabelledText::label).toList(),
                data.stream().map(e -> CrossValidation.groupKey(e.text())).toList(), 5, seed);
    }

    /** Per row: best other label's out-of-fold score minus the given label's (positive = the row looks mislabelled). */
    static double[] outOfFoldLoss(List<LabelledText> train, TrainingOptions inner, long seed) {
        int[] fold = folds(train, seed + 1);
        double[] loss = new double[train.size()];
        for (int f = 0; f < 5; f++) {
            List<LabelledText> tr = ExperimentKit.outsideFold(train, fold, f);
            TextClassifier m = new ClassifierTrainer().train(tr, inner);
            for (int i = 0; i < train.size(); i++) {
                if (fold[i] == f) {
                    double[] s = m.scores(train.get(i).text());
                    int given = m.labels().indexOf(train.get(i).label());
                    double other = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < s.length; c++) {
                        other = c == given ? other : Math.max(other, s[c]);
                    }
                    loss[i] = other - s[given];
                }
            }
        }
        return loss;
    }

    static double f1(TextClassifier m, List<LabelledText> test) {
        List<String> gold = test.stream().map(LabelledText::label).toList();
        List<String> pred = test.stream().map(t -> m.predict(t.text()).label()).toList();
        return Evaluation.of(m.labels(), gold, pred).macroF1();
    }
}
