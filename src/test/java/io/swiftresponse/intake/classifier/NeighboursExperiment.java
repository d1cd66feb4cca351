package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.ExperimentKit.Tf;
import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Experiment (issue 5, fourth pass; not a test, run by hand, see docs/classifier.md): the default SVM's scores
 * plus λ × a k-nearest-neighbour vote (cosine similarity of the same tf-idf vectors; each of the k nearest
 * training texts votes for its label with its similarity, votes divided by their sum). The idea: the data has
 * many near-duplicate complaints (the same problem posted by several people), which a neighbour vote catches
 * where a linear boundary between 城乡建设 and 交通运输 / 商贸旅游 does not. Same 5 folds, then the raw sample.
 * Argument: data folder. {@code -Dknn=k:lambda,...} (default 10:0.3,10:0.6,10:1,30:0.6; lambda 0 = kNN alone);
 * {@code -Dnbsvm=true}: NB-SVM with C 0.3 instead of the default SVM.
 */
public class NeighboursExperiment {

    public static void main(String[] a) throws Exception {
        TrainingOptions o = TrainingOptions.defaults().withCalibrationFolds(0);
        if (Boolean.getBoolean("nbsvm")) {
            o = o.withAlgorithm(TrainingOptions.Algorithm.NBSVM).withC(0.3);
        }
        TrainingOptions opts = o;
        ExperimentData data = ExperimentData.load(a[0], new FeatureExtractor(opts.featureConfig()), List.of());
        List<String> settings = List.of(System.getProperty("knn", "10:0.3,10:0.6,10:1,30:0.6").split(","));
        data.crossValidateAndRaw((inTrain, test) -> runSplit(data, inTrain, test, settings, opts));
    }

    static Map<String, Double> runSplit(ExperimentData data, boolean[] inTrain, List<Integer> test,
                                        List<String> settings, TrainingOptions o) {
        long[][] fps = data.fps();
        int classes = data.labels().size();
        int[] tr = IntStream.range(0, inTrain.length).filter(i -> inTrain[i]).toArray();
        int[] ty = Arrays.stream(tr).map(i -> data.y()[i]).toArray();
        ExperimentKit.Linear svm = ExperimentKit.fit(Arrays.stream(tr).mapToObj(i -> fps[i]).toList(), ty, null,
                classes, o);
        Vocabulary vocab = svm.vocab();
        List<SparseVector> xs = Arrays.stream(tr).mapToObj(i -> ExperimentKit.vec(fps[i], vocab, Tf.LOG, 1,
                o.wordWeight())).toList();
        // inverted index: feature -> (training document, value)
        int[] start = new int[vocab.size() + 1];
        xs.forEach(x -> Arrays.stream(x.indices()).forEach(f -> start[f + 1]++));
        for (int f = 0; f < vocab.size(); f++) {
            start[f + 1] += start[f];
        }
        int[] doc = new int[start[vocab.size()]];
        float[] val = new float[doc.length];
        int[] fill = start.clone();
        for (int d = 0; d < xs.size(); d++) {
            SparseVector x = xs.get(d);
            for (int p = 0; p < x.size(); p++) {
                int at = fill[x.indices()[p]]++;
                doc[at] = d;
                val[at] = x.values()[p];
            }
        }
        int[] gold = test.stream().mapToInt(i -> data.y()[i]).toArray();
        int maxK = settings.stream().mapToInt(s -> Integer.parseInt(s.split(":")[0])).max().orElse(10);
        int[][] nearest = new int[test.size()][];
        double[][] sims = new double[test.size()][];
        double[][] svmScores = new double[test.size()][];
        long t0 = System.nanoTime();
        IntStream.range(0, test.size()).forEach(t -> { // one thread, so that the time per text is honest
            SparseVector x = ExperimentKit.vec(fps[test.get(t)], vocab, Tf.LOG, 1, o.wordWeight());
            double[] sim = new double[xs.size()];
            for (int p = 0; p < x.size(); p++) {
                int f = x.indices()[p];
                for (int q = start[f]; q < start[f + 1]; q++) {
                    sim[doc[q]] += x.values()[p] * val[q];
                }
            }
            Integer[] ord = IntStream.range(0, sim.length).boxed().toArray(Integer[]::new);
            Arrays.sort(ord, (i, j) -> Double.compare(sim[j], sim[i]));
            nearest[t] = Arrays.stream(ord, 0, maxK).mapToInt(Integer::intValue).toArray();
            sims[t] = Arrays.stream(nearest[t]).mapToDouble(i -> sim[i]).toArray();
            svmScores[t] = svm.scores(fps[test.get(t)]);
        });
        System.out.printf("neighbour search + SVM scores: %.0f µs per text on one thread (%d training texts)%n",
                (System.nanoTime() - t0) / 1e3 / test.size(), xs.size());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("default", macroF1(svmScores, gold, data.labels()));
        for (String s : settings) {
            int k = Integer.parseInt(s.split(":")[0]);
            double lambda = Double.parseDouble(s.split(":")[1]);
            double[][] mixed = new double[test.size()][classes];
            for (int t = 0; t < test.size(); t++) {
                double sum = 1e-12;
                for (int r = 0; r < k; r++) {
                    sum += sims[t][r];
                }
                for (int r = 0; r < k; r++) {
                    mixed[t][ty[nearest[t][r]]] += sims[t][r] / sum;
                }
                for (int c = 0; c < classes; c++) {
                    mixed[t][c] = lambda == 0 ? mixed[t][c] : svmScores[t][c] + lambda * mixed[t][c];
                }
            }
            out.put(lambda == 0 ? "kNN alone, k " + k : "SVM + " + lambda + " × kNN (k " + k + ")",
                    macroF1(mixed, gold, data.labels()));
        }
        return out;
    }

    private static double macroF1(double[][] scores, int[] gold, List<String> labels) {
        List<String> g = Arrays.stream(gold).mapToObj(labels::get).toList();
        List<String> p = Arrays.stream(scores).map(s -> labels.get(ClassifierTrainer.argmax(s))).toList();
        return Evaluation.of(labels, g, p).macroF1();
    }
}
