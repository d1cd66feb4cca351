package io.swiftresponse.intake.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Experiment (issue 5, seventh pass; run by bench/encoder/run.sh after the raw files are embedded): does the encoder,
 * which reads raw text as it was written, win back what raw text costs the default model? The pairs of
 * {@link RawGapExperiment} (a raw message and its segmented twin, twins all in the CV test fold) are predicted by the
 * fold's default model alone and mixed with the fold's encoder regression (view [CLS], λ from {@code -Dlambdas}),
 * each once as the twin and once raw. Arguments: data folder, the folder with train.bin, sample.bin,
 * messages_with_votes.bin, messages_with_replies.bin. {@code -Dreg=0 -Dlambdas=0.3,0.5 -DfoldSeed=42}.
 */
public class EncoderRawGapExperiment {

    public static void main(String[] a) throws Exception {
        String d = a[0].endsWith("/") ? a[0] : a[0] + "/";
        String w = a[1].endsWith("/") ? a[1] : a[1] + "/";
        List<LabelledText> train = EnsembleExperiment.read(d + "train_segmented.csv", "text", "label");
        float[][] trainEmb = cls(EmbeddingExperiment.readBin(w + "train.bin"));
        List<String> raw = new ArrayList<>();
        List<float[]> rawEmb = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[][] files = {{"sample_raw_labeled", "sample"}, {"messages_with_votes", "messages_with_votes"},
                {"messages_with_replies", "messages_with_replies"}};
        for (String[] f : files) {
            List<LabelledText> rows = EnsembleExperiment.read(d + f[0] + ".csv", ExperimentData.RAW_TEXT, "留言编号");
            float[][] emb = cls(EmbeddingExperiment.readBin(w + f[1] + ".bin"));
            if (emb.length != rows.size()) {
                throw new IllegalStateException(f[0] + ": " + emb.length + " vectors for " + rows.size() + " rows");
            }
            for (int i = 0; i < rows.size(); i++) {
                if (seen.add(CrossValidation.groupKey(rows.get(i).text()))) {
                    raw.add(rows.get(i).text());
                    rawEmb.add(emb[i]);
                }
            }
        }
        RawGapExperiment.Pairs found = RawGapExperiment.Pairs.of(train, raw);
        List<Integer> pairs = found.raw();
        List<List<Integer>> twinsOf = found.twins();
        int[] fold = CrossValidation.stratifiedFolds(train.stream().map(LabelledText::label).toList(),
                train.stream().map(e -> CrossValidation.groupKey(e.text())).toList(), 5, Long.getLong("foldSeed", 42));
        double reg = Double.parseDouble(System.getProperty("reg", "0"));
        double[] lambdas = Arrays.stream(System.getProperty("lambdas", "0.3,0.5").split(",")).mapToDouble(Double::parseDouble).toArray();
        List<String> labels = train.stream().map(LabelledText::label).distinct().sorted().toList();
        List<String> gold = new ArrayList<>();
        List<String> cvGold = new ArrayList<>();
        List<List<String>> seg = new ArrayList<>();
        List<List<String>> rw = new ArrayList<>();
        List<List<String>> cv = new ArrayList<>();
        for (int l = 0; l <= lambdas.length; l++) {
            seg.add(new ArrayList<>());
            rw.add(new ArrayList<>());
            cv.add(new ArrayList<>());
        }
        for (int f = 0; f < 5; f++) {
            final int ff = f;
            TextClassifier model = new ClassifierTrainer().train(ExperimentKit.outsideFold(train, fold, f), TrainingOptions.defaults());
            if (!model.labels().equals(labels)) {
                throw new IllegalStateException("labels differ");
            }
            int[] tr = java.util.stream.IntStream.range(0, train.size()).filter(i -> fold[i] != ff).toArray();
            double[][] enc = EmbeddingExperiment.softmax(Arrays.stream(tr).mapToObj(i -> trainEmb[i]).toArray(float[][]::new),
                    Arrays.stream(tr).map(i -> labels.indexOf(train.get(i).label())).toArray(), labels.size(), reg,
                    Integer.getInteger("iters", 600));
            for (int i = 0; i < train.size(); i++) {
                if (fold[i] == f) {
                    cvGold.add(train.get(i).label());
                    predict(model, enc, train.get(i).text(), trainEmb[i], lambdas, cv);
                }
            }
            int used = 0;
            for (int p = 0; p < pairs.size(); p++) {
                List<Integer> twins = twinsOf.get(p);
                if (!twins.stream().allMatch(i -> fold[i] == ff)) {
                    continue;
                }
                used++;
                int twin = twins.get(0);
                gold.add(train.get(twin).label());
                predict(model, enc, train.get(twin).text(), trainEmb[twin], lambdas, seg);
                predict(model, enc, raw.get(pairs.get(p)), rawEmb.get(pairs.get(p)), lambdas, rw);
            }
            System.out.printf("fold %d: %d pairs%n", f + 1, used);
        }
        for (int l = 0; l <= lambdas.length; l++) {
            String name = l == 0 ? "default" : String.format(Locale.ROOT, "default + %.2f × encoder", lambdas[l - 1]);
            RawGapExperiment.report(labels, gold, seg.get(l), rw.get(l), name);
            System.out.printf(Locale.ROOT, "  %s: CV macro-F1 (pooled, all rows) %.4f%n", name,
                    Evaluation.of(labels, cvGold, cv.get(l)).macroF1());
        }
    }

    private static void predict(TextClassifier model, double[][] enc, String text, float[] emb, double[] lambdas,
                                List<List<String>> out) {
        double[] lp = Arrays.stream(model.probabilities(text)).map(p -> Math.log(Math.max(p, 1e-9))).toArray();
        double[] le = EmbeddingExperiment.logp(enc, emb);
        out.get(0).add(model.labels().get(ClassifierTrainer.argmax(lp)));
        for (int l = 0; l < lambdas.length; l++) {
            double[] m = ExperimentKit.mix(new double[][] {lp}, new double[][] {le}, lambdas[l])[0];
            out.get(l + 1).add(model.labels().get(ClassifierTrainer.argmax(m)));
        }
    }

    private static float[][] cls(float[][] both) {
        int dim = both[0].length / 2;
        return Arrays.stream(both).map(v -> Arrays.copyOf(v, dim)).toArray(float[][]::new);
    }
}
