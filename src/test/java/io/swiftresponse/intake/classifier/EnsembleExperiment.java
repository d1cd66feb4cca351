package io.swiftresponse.intake.classifier;

import io.swiftresponse.shared.csv.CsvReader;
import io.swiftresponse.shared.csv.CsvTable;

import java.nio.file.*;
import java.util.*;

/** Experiment (issue 5, not a test; run by hand, see docs/classifier.md): 5-fold CV of model A, model B and A+B (sum of SVM scores), same folds; then raw sample without overlap. */
public class EnsembleExperiment {
    static List<LabelledText> read(String f, String text, String label) throws Exception {
        CsvTable t = CsvReader.readTable(Path.of(f));
        int[] tc = t.resolveColumns(text); int[] lc = t.resolveColumns(label);
        List<LabelledText> out = new ArrayList<>();
        for (List<String> r : t.rows()) out.add(new LabelledText(CsvTable.join(r, tc), CsvTable.join(r, lc)));
        return out;
    }
    public static void main(String[] a) throws Exception {
        String D = a.length > 2 ? a[2] : "../shared/data/teddy2020c/";
        List<LabelledText> data = read(D + "train_segmented.csv", "text", "label");
        TrainingOptions A = TrainingOptions.linearDefaults().withCalibrationFolds(0);
        TrainingOptions B = TrainingOptions.linearDefaults().withCalibrationFolds(0).withCharNgrams(a.length > 0 ? Integer.parseInt(a[0]) : 2, a.length > 1 ? Integer.parseInt(a[1]) : 4).withWordMax(0).withRemoveStopWords(false).withMinDf(2);
        System.out.println("B = " + B.hyperParameters());
        int k = 5;
        int[] fold = CrossValidation.stratifiedFolds(data.stream().map(LabelledText::label).toList(),
                data.stream().map(e -> CrossValidation.groupKey(e.text())).toList(), k, 42);
        List<String>[] g = new List[3]; List<String>[] p = new List[3];
        for (int m = 0; m < 3; m++) { g[m] = new ArrayList<>(); p[m] = new ArrayList<>(); }
        double[][] f1 = new double[3][k];
        List<String> labels = null;
        for (int f = 0; f < k; f++) {
            List<LabelledText> tr = new ArrayList<>(), te = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) (fold[i] == f ? te : tr).add(data.get(i));
            TextClassifier ma = new ClassifierTrainer().train(tr, A), mb = new ClassifierTrainer().train(tr, B);
            labels = ma.labels();
            List<String>[] fg = new List[3], fp = new List[3];
            for (int m = 0; m < 3; m++) { fg[m] = new ArrayList<>(); fp[m] = new ArrayList<>(); }
            for (LabelledText t : te) {
                double[] sa = ma.scores(t.text()), sb = mb.scores(t.text()), ss = new double[sa.length];
                for (int j = 0; j < ss.length; j++) ss[j] = sa[j] + sb[j];
                double[][] all = {sa, sb, ss};
                for (int m = 0; m < 3; m++) { fg[m].add(t.label()); fp[m].add(labels.get(ClassifierTrainer.argmax(all[m]))); }
            }
            for (int m = 0; m < 3; m++) { f1[m][f] = Evaluation.of(labels, fg[m], fp[m]).macroF1(); g[m].addAll(fg[m]); p[m].addAll(fp[m]); }
            System.out.printf("fold %d: A %.4f B %.4f A+B %.4f%n", f + 1, f1[0][f], f1[1][f], f1[2][f]);
        }
        String[] nm = {"A", "B", "A+B"};
        for (int m = 0; m < 3; m++) {
            double mean = Arrays.stream(f1[m]).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(f1[m]).map(x -> (x - mean) * (x - mean)).sum() / (k - 1));
            System.out.printf("%s: mean %.4f sd %.4f pooled %.4f folds %s%n", nm[m], mean, sd, Evaluation.of(labels, g[m], p[m]).macroF1(), Arrays.toString(f1[m]));
        }
        // raw sample, trained without overlap
        List<LabelledText> tr = read(a.length > 3 ? a[3] : "/tmp/train-minus-sample.csv", "text", "label");
        List<LabelledText> raw = read(D + "sample_raw_labeled.csv", "留言主题+留言详情", "一级分类");
        TextClassifier ma = new ClassifierTrainer().train(tr, A), mb = new ClassifierTrainer().train(tr, B);
        List<String> gg = new ArrayList<>(); List<String>[] pp = new List[]{new ArrayList<>(), new ArrayList<>(), new ArrayList<>()};
        for (LabelledText t : raw) {
            double[] sa = ma.scores(t.text()), sb = mb.scores(t.text()), ss = new double[sa.length];
            for (int j = 0; j < ss.length; j++) ss[j] = sa[j] + sb[j];
            double[][] all = {sa, sb, ss};
            gg.add(t.label());
            for (int m = 0; m < 3; m++) pp[m].add(ma.labels().get(ClassifierTrainer.argmax(all[m])));
        }
        for (int m = 0; m < 3; m++) System.out.printf("raw sample (overlap removed from training) %s: macro-F1 %.4f acc %.4f%n", nm[m], Evaluation.of(ma.labels(), gg, pp[m]).macroF1(), Evaluation.of(ma.labels(), gg, pp[m]).accuracy());
    }
}
