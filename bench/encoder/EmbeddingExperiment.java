package io.swiftresponse.intake.classifier;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Experiment (issue 5, seventh pass; not a test, run by bench/encoder/run.sh, see docs/classifier.md): does a
 * pretrained Chinese sentence encoder (bge-small-zh-v1.5, frozen) add anything to the product's default model?
 * A class-balanced softmax regression on the encoder's vectors, alone and mixed as log p(default) + λ · log p(encoder).
 * Arguments: data folder, train.bin, sample.bin (from EmbedFiles). {@code -Dview=cls|mean|both -Dregs=1e-4,0 -Diters=300}.
 */
public class EmbeddingExperiment {

    static float[][] readBin(String f) throws Exception {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(f)), 1 << 20))) {
            int n = in.readInt();
            int d = in.readInt();
            float[][] v = new float[n][d];
            for (float[] r : v) {
                for (int k = 0; k < d; k++) {
                    r[k] = in.readFloat();
                }
            }
            return v;
        }
    }

    public static void main(String[] a) throws Exception {
        TrainingOptions o = TrainingOptions.defaults();
        ExperimentData data = ExperimentData.load(a[0], new FeatureExtractor(o.featureConfig()), List.of());
        float[][] tr = readBin(a[1]);
        float[][] sa = readBin(a[2]);
        float[][] emb = new float[tr.length + sa.length][];
        System.arraycopy(tr, 0, emb, 0, tr.length);
        System.arraycopy(sa, 0, emb, tr.length, sa.length);
        if (emb.length != data.extraStart()) {
            throw new IllegalStateException(emb.length + " vs " + data.extraStart());
        }
        String view = System.getProperty("view", "cls");
        int d = tr[0].length / 2;
        for (int i = 0; i < emb.length; i++) {
            emb[i] = switch (view) {
                case "cls" -> Arrays.copyOfRange(emb[i], 0, d);
                case "mean" -> Arrays.copyOfRange(emb[i], d, 2 * d);
                default -> emb[i];
            };
        }
        double[] regs = Arrays.stream(System.getProperty("regs", "1e-4").split(",")).mapToDouble(Double::parseDouble).toArray();
        data.crossValidateAndRaw((inTrain, test) -> runSplit(data, emb, inTrain, test, o, regs));
    }

    static Map<String, Double> runSplit(ExperimentData data, float[][] emb, boolean[] inTrain, List<Integer> test,
                                        TrainingOptions o, double[] regs) {
        int classes = data.labels().size();
        int[] tr = IntStream.range(0, inTrain.length).filter(i -> inTrain[i]).toArray();
        List<LabelledText> trainTexts = Arrays.stream(tr).mapToObj(i -> data.train().get(i)).toList();
        TextClassifier product = new ClassifierTrainer().train(trainTexts, o);
        int[] gold = test.stream().mapToInt(i -> data.y()[i]).toArray();
        double[][] lp = ExperimentKit.logProbabilities(data, product, test);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("default", Evaluation.ofScores(data.labels(), gold, lp).macroF1());
        float[][] x = Arrays.stream(tr).mapToObj(i -> emb[i]).toArray(float[][]::new);
        int[] y = Arrays.stream(tr).map(i -> data.y()[i]).toArray();
        for (double reg : regs) {
            double[][] w = softmax(x, y, classes, reg, Integer.getInteger("iters", 300));
            double[][] le = new double[test.size()][];
            for (int t = 0; t < test.size(); t++) {
                le[t] = logp(w, emb[test.get(t)]);
            }
            out.put("emb r" + reg, Evaluation.ofScores(data.labels(), gold, le).macroF1());
            for (double lambda : new double[] {0.1, 0.2, 0.3, 0.5, 0.8}) {
                out.put("mix r" + reg + " λ" + lambda,
                        Evaluation.ofScores(data.labels(), gold, ExperimentKit.mix(lp, le, lambda)).macroF1());
            }
        }
        System.out.println("  " + out);
        return out;
    }

    static double[] logp(double[][] w, float[] x) {
        int classes = w.length;
        int d = x.length;
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            double s = w[c][d];
            for (int k = 0; k < d; k++) {
                s += w[c][k] * x[k];
            }
            z[c] = s;
        }
        return ExperimentKit.logSoftmax(z);
    }

    /** Class-balanced softmax regression, full-batch Adam, L2 reg on weights (not bias). Input scaled ×√d. */
    static double[][] softmax(float[][] x, int[] y, int classes, double reg, int iters) {
        int n = x.length;
        int d = x[0].length;
        double[] cnt = new double[classes];
        for (int v : y) {
            cnt[v]++;
        }
        double[][] w = new double[classes][d + 1];
        double[][] m1 = new double[classes][d + 1];
        double[][] m2 = new double[classes][d + 1];
        double lr = 0.05;
        for (int it = 1; it <= iters; it++) {
            double[][][] gs = IntStream.range(0, 2).parallel().mapToObj(part -> {
                double[][] g = new double[classes][d + 1];
                for (int i = part; i < n; i += 2) {
                    double[] p = logp(w, x[i]);
                    double ew = n / (classes * cnt[y[i]]) / n;
                    for (int c = 0; c < classes; c++) {
                        double dz = ew * (Math.exp(p[c]) - (c == y[i] ? 1 : 0));
                        for (int k = 0; k < d; k++) {
                            g[c][k] += dz * x[i][k];
                        }
                        g[c][d] += dz;
                    }
                }
                return g;
            }).toArray(double[][][]::new);
            for (int c = 0; c < classes; c++) {
                for (int k = 0; k <= d; k++) {
                    double g = gs[0][c][k] + gs[1][c][k] + (k < d ? reg * w[c][k] : 0);
                    m1[c][k] = 0.9 * m1[c][k] + 0.1 * g;
                    m2[c][k] = 0.999 * m2[c][k] + 0.001 * g * g;
                    double mh = m1[c][k] / (1 - Math.pow(0.9, it));
                    double vh = m2[c][k] / (1 - Math.pow(0.999, it));
                    w[c][k] -= lr * mh / (Math.sqrt(vh) + 1e-8);
                }
            }
        }
        return w;
    }
}
