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
 * {@code -Dnbsvm=true}: NB-SVM with C 0.3 instead of the plain SVM (C 1); {@code -DmaxDf=0,300,…}: also with the
 * postings of features in more than that many training texts left out (0 = none left out; fifth pass).
 */
public class NeighboursExperiment {

    public static void main(String[] a) throws Exception {
        TrainingOptions o = TrainingOptions.linearDefaults().withCalibrationFolds(0);
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
        int[] gold = test.stream().mapToInt(i -> data.y()[i]).toArray();
        int maxK = settings.stream().mapToInt(s -> Integer.parseInt(s.split(":")[0])).max().orElse(10);
        double[][] svmScores = new double[test.size()][];
        IntStream.range(0, test.size()).forEach(t -> svmScores[t] = svm.scores(fps[test.get(t)]));
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("default", Evaluation.ofScores(data.labels(), gold, svmScores).macroF1());
        for (String md : System.getProperty("maxDf", "0").split(",")) {
            int maxDf = Integer.parseInt(md) <= 0 ? Integer.MAX_VALUE : Integer.parseInt(md);
            String tag = maxDf == Integer.MAX_VALUE ? "" : " [postings of df <= " + maxDf + "]";
            int[][] nearest = new int[test.size()][];
            double[][] sims = new double[test.size()][];
            // the product's index over both feature blocks (the product indexes the word block only)
            NeighbourIndex index = NeighbourIndex.build(xs, ty, classes, vocab.size(), vocab.size(), maxDf);
            int[] found = new int[maxK];
            float[] similarity = new float[maxK];
            long t0 = System.nanoTime();
            for (int t = 0; t < test.size(); t++) { // one thread, so that the time per text is honest
                SparseVector x = ExperimentKit.vec(fps[test.get(t)], vocab, Tf.LOG, 1, o.wordWeight());
                int n = index.nearest(x, maxK, found, similarity);
                nearest[t] = Arrays.copyOf(found, n);
                sims[t] = IntStream.range(0, n).mapToDouble(r -> similarity[r]).toArray();
            }
            System.out.printf("neighbour search%s: %.1f µs per text on one thread (%d training texts, %d postings)%n",
                    tag, (System.nanoTime() - t0) / 1e3 / test.size(), xs.size(), index.postings());
            for (String s : settings) {
                int k = Integer.parseInt(s.split(":")[0]);
                double lambda = Double.parseDouble(s.split(":")[1]);
                double[][] mixed = new double[test.size()][classes];
                for (int t = 0; t < test.size(); t++) {
                    int kk = Math.min(k, nearest[t].length);
                    double sum = 1e-12;
                    for (int r = 0; r < kk; r++) {
                        sum += sims[t][r];
                    }
                    for (int r = 0; r < kk; r++) {
                        mixed[t][ty[nearest[t][r]]] += sims[t][r] / sum;
                    }
                    for (int c = 0; c < classes; c++) {
                        mixed[t][c] = lambda == 0 ? mixed[t][c] : svmScores[t][c] + lambda * mixed[t][c];
                    }
                }
                out.put((lambda == 0 ? "kNN alone, k " + k : "SVM + " + lambda + " × kNN (k " + k + ")") + tag,
                        Evaluation.ofScores(data.labels(), gold, mixed).macroF1());
            }
        }
        return out;
    }
}
