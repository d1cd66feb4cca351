package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.ExperimentKit.Tf;
import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Experiment (issue 5, sixth pass; not a test, run by hand, see docs/classifier.md): a one-hidden-layer ReLU
 * network on the same tf-idf vectors, alone and mixed with the product's default model (NB-SVM + neighbour vote):
 * log p(default) + λ · log p(network). The question: does a non-linear model add anything the linear model and
 * the vote do not? Argument: data folder. {@code -Dhidden=128 -Depochs=8 -Dlr=0.05 -Dscale=8}.
 */
public class MlpExperiment {

    public static void main(String[] a) throws Exception {
        TrainingOptions o = TrainingOptions.defaults();
        ExperimentData data = ExperimentData.load(a[0], new FeatureExtractor(o.featureConfig()), List.of());
        data.crossValidateAndRaw((inTrain, test) -> runSplit(data, inTrain, test, o));
    }

    static Map<String, Double> runSplit(ExperimentData data, boolean[] inTrain, List<Integer> test, TrainingOptions o) {
        long[][] fps = data.fps();
        int classes = data.labels().size();
        int[] tr = IntStream.range(0, inTrain.length).filter(i -> inTrain[i]).toArray();
        int[] ty = Arrays.stream(tr).map(i -> data.y()[i]).toArray();
        List<LabelledText> trainTexts = Arrays.stream(tr).mapToObj(i -> data.train().get(i)).toList();
        long t0 = System.nanoTime();
        TextClassifier product = new ClassifierTrainer().train(trainTexts, o);
        long t1 = System.nanoTime();
        Vocabulary vocab = ClassifierTrainer.buildVocabulary(Arrays.stream(tr).mapToObj(i -> fps[i]).toArray(long[][]::new),
                o.minDf());
        List<SparseVector> xs = Arrays.stream(tr).mapToObj(i -> ExperimentKit.vec(fps[i], vocab, Tf.LOG, 1,
                o.wordWeight())).toList();
        int[] gold = test.stream().mapToInt(i -> data.y()[i]).toArray();
        double[][] lp = ExperimentKit.logProbabilities(data, product, test);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("default", Evaluation.ofScores(data.labels(), gold, lp).macroF1());
        System.out.printf("product trained in %.1f s%n", (t1 - t0) / 1e9);
        Random rnd = new Random(42);
        Mlp mlp = new Mlp(vocab.size(), Integer.getInteger("hidden", 128), classes,
                Float.parseFloat(System.getProperty("scale", "8")), rnd);
        Trainer trainer = mlp.trainer(xs, ty, Double.parseDouble(System.getProperty("lr", "0.05")), rnd);
        int epochs = Integer.getInteger("epochs", 8);
        for (int e = 1; e <= epochs; e++) {
            trainer.epoch();
            if (Integer.bitCount(e) != 1 && e != epochs) {
                continue;
            }
            double[][] lm = new double[test.size()][];
            for (int t = 0; t < test.size(); t++) {
                lm[t] = mlp.logProbabilities(ExperimentKit.vec(fps[test.get(t)], vocab, Tf.LOG, 1, o.wordWeight()));
            }
            out.put("net@" + e, Evaluation.ofScores(data.labels(), gold, lm).macroF1());
            for (double lambda : new double[] {0.05, 0.1, 0.2, 0.4}) {
                out.put("mix@" + e + " " + lambda,
                        Evaluation.ofScores(data.labels(), gold, ExperimentKit.mix(lp, lm, lambda)).macroF1());
            }
            System.out.println("  " + out);
        }
        return out;
    }

    /** Sparse input → ReLU hidden layer → softmax; per-example SGD with Adagrad, class-balanced example weights. */
    static final class Mlp {
        final int hidden;
        final int classes;
        final float scale;
        final float[] w1; // feature-major: w1[f * hidden + h]
        final float[] b1;
        final float[] w2; // w2[c * hidden + h]
        final float[] b2;

        Mlp(int features, int hidden, int classes, float scale, Random rnd) {
            this.hidden = hidden;
            this.classes = classes;
            this.scale = scale;
            w1 = new float[features * hidden];
            b1 = new float[hidden];
            w2 = new float[classes * hidden];
            b2 = new float[classes];
            float r1 = (float) Math.sqrt(6.0 / (300 + hidden));
            for (int i = 0; i < w1.length; i++) {
                w1[i] = (rnd.nextFloat() * 2 - 1) * r1;
            }
            float r2 = (float) Math.sqrt(6.0 / (hidden + classes));
            for (int i = 0; i < w2.length; i++) {
                w2[i] = (rnd.nextFloat() * 2 - 1) * r2;
            }
        }

        float[] hiddenOf(SparseVector x) {
            float[] h = b1.clone();
            for (int p = 0; p < x.size(); p++) {
                int base = x.indices()[p] * hidden;
                float v = x.values()[p] * scale;
                for (int j = 0; j < hidden; j++) {
                    h[j] += v * w1[base + j];
                }
            }
            for (int j = 0; j < hidden; j++) {
                h[j] = Math.max(0, h[j]);
            }
            return h;
        }

        double[] logits(float[] h) {
            double[] z = new double[classes];
            for (int c = 0; c < classes; c++) {
                double s = b2[c];
                for (int j = 0; j < hidden; j++) {
                    s += w2[c * hidden + j] * h[j];
                }
                z[c] = s;
            }
            return z;
        }

        double[] logProbabilities(SparseVector x) {
            return ExperimentKit.logSoftmax(logits(hiddenOf(x)));
        }

        Trainer trainer(List<SparseVector> xs, int[] y, double lr, Random rnd) {
            return new Trainer(this, xs, y, lr, rnd);
        }
    }

    static final class Trainer {
        final Mlp m;
        final List<SparseVector> xs;
        final int[] y;
        final double lr;
        final Random rnd;
        final double[] count;
        final float[] g1;
        final float[] gb1;
        final float[] g2;
        final float[] gb2;
        final int[] order;
        final float[] dh;

        Trainer(Mlp m, List<SparseVector> xs, int[] y, double lr, Random rnd) {
            this.m = m;
            this.xs = xs;
            this.y = y;
            this.lr = lr;
            this.rnd = rnd;
            count = new double[m.classes];
            for (int v : y) {
                count[v]++;
            }
            g1 = new float[m.w1.length];
            gb1 = new float[m.hidden];
            g2 = new float[m.w2.length];
            gb2 = new float[m.classes];
            order = IntStream.range(0, xs.size()).toArray();
            dh = new float[m.hidden];
        }

        void epoch() {
            int n = xs.size();
            int hidden = m.hidden;
            int classes = m.classes;
            LinearSolver.shuffle(order, n, rnd);
            for (int s = 0; s < n; s++) {
                int i = order[s];
                SparseVector x = xs.get(i);
                float[] h = m.hiddenOf(x);
                double[] lp = m.logProbabilities(x);
                double weight = n / (classes * count[y[i]]);
                Arrays.fill(dh, 0);
                for (int c = 0; c < classes; c++) {
                    float dz = (float) (weight * (Math.exp(lp[c]) - (c == y[i] ? 1 : 0)));
                    for (int j = 0; j < hidden; j++) {
                        int q = c * hidden + j;
                        dh[j] += dz * m.w2[q];
                        float g = dz * h[j];
                        g2[q] += g * g;
                        m.w2[q] -= (float) (lr * g / Math.sqrt(g2[q] + 1e-8));
                    }
                    gb2[c] += dz * dz;
                    m.b2[c] -= (float) (lr * dz / Math.sqrt(gb2[c] + 1e-8));
                }
                for (int j = 0; j < hidden; j++) {
                    if (h[j] <= 0) {
                        dh[j] = 0;
                    }
                    gb1[j] += dh[j] * dh[j];
                    m.b1[j] -= (float) (lr * dh[j] / Math.sqrt(gb1[j] + 1e-8));
                }
                for (int p = 0; p < x.size(); p++) {
                    int base = x.indices()[p] * hidden;
                    float v = x.values()[p] * m.scale;
                    for (int j = 0; j < hidden; j++) {
                        if (dh[j] != 0) {
                            float g = dh[j] * v;
                            g1[base + j] += g * g;
                            m.w1[base + j] -= (float) (lr * g / Math.sqrt(g1[base + j] + 1e-8));
                        }
                    }
                }
            }
        }
    }
}
