package io.swiftresponse.intake.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The data of the hand-run classifier experiments (issue 5; not a test): the training rows, the raw labelled
 * sample and optional extra texts, with the fingerprints of all of them computed once (rows 0..n-1 training,
 * then the sample, then the extras); {@code y} is the label index, -1 for a label the training data lacks.
 */
record ExperimentData(List<LabelledText> train, List<LabelledText> sample, List<String> labels, long[][] fps, int[] y) {

    static final String RAW_TEXT = "留言主题+留言详情";

    /** One experiment on one split: the training mask over the training rows, the test rows; macro-F1 per variant. */
    interface Split {
        Map<String, Double> run(boolean[] inTrain, List<Integer> testRows);
    }

    static ExperimentData load(String dir, FeatureExtractor fx, List<LabelledText> extra) throws Exception {
        String d = dir.endsWith("/") ? dir : dir + "/";
        List<LabelledText> train = EnsembleExperiment.read(d + "train_segmented.csv", "text", "label");
        List<LabelledText> sample = EnsembleExperiment.read(d + "sample_raw_labeled.csv", RAW_TEXT, "一级分类");
        List<String> labels = train.stream().map(LabelledText::label).distinct().sorted().toList();
        List<LabelledText> all = new ArrayList<>(train);
        all.addAll(sample);
        all.addAll(extra);
        long[][] fps = new long[all.size()][];
        IntStream.range(0, all.size()).parallel().forEach(i -> fps[i] = fx.fingerprints(all.get(i).text()));
        int[] y = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        return new ExperimentData(train, sample, labels, fps, y);
    }

    int n() {
        return train.size();
    }

    int extraStart() {
        return train.size() + sample.size();
    }

    /**
     * 5-fold CV with the folds of {@code classifier cross-validate --folds 5 --seed 42} ({@code -DfoldSeed=S}
     * for other folds; prints each fold and the table), then the raw sample: trained on the training rows it does not overlap, tested on its 454 rows.
     */
    void crossValidateAndRaw(Split split) {
        int k = 5;
        int n = n();
        int[] fold = CrossValidation.stratifiedFolds(train.stream().map(LabelledText::label).toList(),
                train.stream().map(e -> CrossValidation.groupKey(e.text())).toList(), k, Long.getLong("foldSeed", 42));
        Map<String, double[]> cv = new LinkedHashMap<>();
        for (int f = 0; f < k; f++) {
            final int ff = f;
            boolean[] inTrain = new boolean[n];
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                inTrain[i] = fold[i] != f;
                if (!inTrain[i]) {
                    test.add(i);
                }
            }
            Map<String, Double> res = split.run(inTrain, test);
            res.forEach((name, v) -> cv.computeIfAbsent(name, x -> new double[k])[ff] = v);
            System.out.printf("fold %d: %s%n", f + 1, res);
        }
        System.out.println("| variant | CV macro-F1 mean ± sd | folds |");
        cv.forEach((name, v) -> {
            StringBuilder sb = new StringBuilder();
            for (double x : v) {
                sb.append(String.format(Locale.ROOT, " .%04d", Math.round(x * 10000)));
            }
            System.out.printf(Locale.ROOT, "| %s | %.4f ± %.4f |%s |%n", name,
                    Arrays.stream(v).average().orElse(0), ExperimentKit.sd(v), sb);
        });
        boolean[] inTrain = new boolean[n];
        Arrays.fill(inTrain, true);
        OverlapFinder finder = new OverlapFinder(train.stream().map(LabelledText::text).toList());
        for (LabelledText s : sample) {
            finder.matches(s.text(), 0.9).forEach(i -> inTrain[i] = false);
        }
        System.out.println("raw sample (overlap removed): "
                + split.run(inTrain, IntStream.range(n, extraStart()).boxed().toList()));
    }
}
