package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.ExperimentKit.Linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Experiment (issue 5, fourth pass; not a test, run by hand, see docs/classifier.md): does the unlabelled
 * in-domain data help? Same 5 folds as {@code classifier cross-validate --folds 5 --seed 42}. Per fold:
 * <ul>
 *   <li>default: the fold's training rows;</li>
 *   <li>+ raw twins: raw messages of the unlabelled files whose segmented twin(s) ({@link OverlapFinder}) are
 *       ALL in the fold's training rows, with the twin's label (a twin of a test row is never used);</li>
 *   <li>+ self-training (margin m, weight w): the unlabelled messages that have no twin in the whole training
 *       file, labelled by the fold's default model, kept if top score − second score ≥ m, added with weight w;</li>
 *   <li>twins + self-training: both, the pseudo-labels coming from the "+ raw twins" model.</li>
 * </ul>
 * Then the same variants on the raw sample: training = the training rows without the sample's overlap,
 * test = the 454 raw sample messages; unlabelled messages identical to a sample message are left out.
 * Argument: data folder (train_segmented.csv, messages_with_votes.csv, messages_with_replies.csv,
 * sample_raw_labeled.csv). {@code -Dself=m:w,m:w} picks the self-training settings.
 */
public class UnlabelledExperiment {

    record Setting(double margin, double weight) {
    }

    public static void main(String[] a) throws Exception {
        String d = a[0].endsWith("/") ? a[0] : a[0] + "/";
        Set<String> seen = new HashSet<>();
        List<LabelledText> unl = new ArrayList<>();
        for (String f : List.of("messages_with_votes.csv", "messages_with_replies.csv")) {
            for (LabelledText t : EnsembleExperiment.read(d + f, ExperimentData.RAW_TEXT, "留言编号")) {
                if (seen.add(CrossValidation.groupKey(t.text()))) {
                    unl.add(new LabelledText(t.text(), ""));
                }
            }
        }
        List<Setting> settings = Arrays.stream(System.getProperty("self", "0.5:0.3,1.0:0.3,1.0:1").split(","))
                .map(s -> new Setting(Double.parseDouble(s.split(":")[0]), Double.parseDouble(s.split(":")[1])))
                .toList();
        TrainingOptions o = TrainingOptions.linearDefaults().withCalibrationFolds(0);
        ExperimentData data = ExperimentData.load(d, new FeatureExtractor(o.featureConfig()), unl);
        OverlapFinder finder = new OverlapFinder(data.train().stream().map(LabelledText::text).toList());
        List<List<Integer>> twinOf = unl.stream().map(t -> finder.matches(t.text(), 0.9)).toList();
        System.out.printf("%d training rows, %d distinct unlabelled messages (%d with a twin)%n", data.n(),
                unl.size(), twinOf.stream().filter(m -> !m.isEmpty()).count());
        // for the raw sample: unlabelled messages identical to a sample message never enter the pool
        Set<String> sampleKeys = new HashSet<>(data.sample().stream().map(s -> CrossValidation.groupKey(s.text())).toList());
        Set<Integer> sameAsSample = new HashSet<>();
        for (int u = 0; u < unl.size(); u++) {
            if (sampleKeys.contains(CrossValidation.groupKey(unl.get(u).text()))) {
                sameAsSample.add(u);
            }
        }
        long[][] fps = data.fps();
        data.crossValidateAndRaw((inTrain, test) -> runSplit(data, inTrain, test.stream().map(i -> fps[i]).toList(),
                test.stream().mapToInt(i -> data.y()[i]).toArray(), twinOf,
                test.get(0) >= data.n() ? sameAsSample : Set.of(), settings, o));
    }

    /** Trains every variant on one split and returns macro-F1 on its test documents. */
    static Map<String, Double> runSplit(ExperimentData data, boolean[] inTrain, List<long[]> testDocs, int[] testY,
                                        List<List<Integer>> twinOf, Set<Integer> excluded, List<Setting> settings,
                                        TrainingOptions o) {
        int n = data.n();
        int uStart = data.extraStart();
        long[][] fps = data.fps();
        int[] y = data.y();
        List<String> labels = data.labels();
        int classes = labels.size();
        List<long[]> docs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (inTrain[i]) {
                docs.add(fps[i]);
                ys.add(y[i]);
            }
        }
        int nTrain = docs.size();
        List<Integer> pool = new ArrayList<>();
        for (int u = 0; u < twinOf.size(); u++) {
            List<Integer> m = twinOf.get(u);
            if (m.isEmpty()) {
                if (!excluded.contains(u)) {
                    pool.add(uStart + u);
                }
            } else if (m.stream().allMatch(i -> inTrain[i]) && m.stream().allMatch(i -> y[i] == y[m.get(0)])) {
                docs.add(fps[uStart + u]);
                ys.add(y[m.get(0)]);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        Linear plain = fit(docs.subList(0, nTrain), ys.subList(0, nTrain), List.of(), o, classes);
        out.put("default", ExperimentKit.f1(plain, testDocs, testY, labels));
        Linear withTwins = fit(docs, ys, List.of(), o, classes);
        out.put("+ raw twins", ExperimentKit.f1(withTwins, testDocs, testY, labels));
        System.out.printf("raw twins added: %d%n", docs.size() - nTrain);
        for (Setting s : settings) {
            out.put("(accuracy of the default model's labels with margin >= " + s.margin() + " on the test texts)",
                    confidentAccuracy(plain, testDocs, testY, s.margin()));
            for (Linear labeller : List.of(plain, withTwins)) {
                boolean twins = labeller == withTwins;
                List<long[]> d2 = new ArrayList<>(twins ? docs : docs.subList(0, nTrain));
                List<Integer> y2 = new ArrayList<>(twins ? ys : ys.subList(0, nTrain));
                List<Double> w2 = new ArrayList<>();
                int added = 0;
                for (int u : pool) {
                    double[] sc = labeller.scores(fps[u]);
                    int best = ClassifierTrainer.argmax(sc);
                    if (ExperimentKit.margin(sc) >= s.margin()) {
                        d2.add(fps[u]);
                        y2.add(best);
                        w2.add(s.weight());
                        added++;
                    }
                }
                String name = (twins ? "+ raw twins " : "") + "+ self-training m " + s.margin() + " w " + s.weight();
                System.out.printf("%s: %d of %d unlabelled messages pseudo-labelled%n", name, added, pool.size());
                out.put(name, ExperimentKit.f1(fit(d2, y2, w2, o, classes), testDocs, testY, labels));
            }
        }
        return out;
    }

    /** Fits on docs; the last {@code tailWeights.size()} documents get those weights, the others 1. */
    private static Linear fit(List<long[]> docs, List<Integer> ys, List<Double> tailWeights, TrainingOptions o,
                              int classes) {
        double[] w = new double[docs.size()];
        Arrays.fill(w, 1);
        int off = docs.size() - tailWeights.size();
        for (int i = 0; i < tailWeights.size(); i++) {
            w[off + i] = tailWeights.get(i);
        }
        return ExperimentKit.fit(docs, ys.stream().mapToInt(Integer::intValue).toArray(), w, classes, o);
    }

    private static double confidentAccuracy(Linear m, List<long[]> testDocs, int[] testY, double margin) {
        int kept = 0;
        int right = 0;
        for (int i = 0; i < testDocs.size(); i++) {
            double[] sc = m.scores(testDocs.get(i));
            int best = ClassifierTrainer.argmax(sc);
            if (ExperimentKit.margin(sc) >= margin) {
                kept++;
                right += best == testY[i] ? 1 : 0;
            }
        }
        return kept == 0 ? Double.NaN : right / (double) kept;
    }
}
