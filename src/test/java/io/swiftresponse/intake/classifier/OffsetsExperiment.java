package io.swiftresponse.intake.classifier;

import java.nio.file.*;
import java.util.*;

/** Experiment (issue 5, not a test; run by hand, see docs/classifier.md): per-class score offsets fitted to maximise macro-F1 on inner out-of-fold scores (nested 5x3 CV). */
public class OffsetsExperiment {
    static double[][] oofScores(List<LabelledText> data, TrainingOptions o, List<String> labels, int k) {
        int[] fold = CrossValidation.stratifiedFolds(data.stream().map(LabelledText::label).toList(),
                data.stream().map(e -> CrossValidation.groupKey(e.text())).toList(), k, 7);
        double[][] s = new double[data.size()][];
        for (int f = 0; f < k; f++) {
            List<LabelledText> tr = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) if (fold[i] != f) tr.add(data.get(i));
            TextClassifier m = new ClassifierTrainer().train(tr, o);
            if (!m.labels().equals(labels)) throw new IllegalStateException();
            for (int i = 0; i < data.size(); i++) if (fold[i] == f) s[i] = m.scores(data.get(i).text());
        }
        return s;
    }
    static double f1(double[][] s, int[] y, double[] off, List<String> labels) {
        List<String> g = new ArrayList<>(), p = new ArrayList<>();
        for (int i = 0; i < s.length; i++) { int b = 0; for (int k = 1; k < off.length; k++) if (s[i][k] + off[k] > s[i][b] + off[b]) b = k; g.add(labels.get(y[i])); p.add(labels.get(b)); }
        return Evaluation.of(labels, g, p).macroF1();
    }
    static double[] fit(double[][] s, int[] y, List<String> labels) {
        double[] off = new double[labels.size()];
        double best = f1(s, y, off, labels);
        for (int round = 0; round < 3; round++)
            for (int k = 0; k < off.length; k++)
                for (double d = -0.3; d <= 0.3001; d += 0.05) {
                    double old = off[k]; off[k] = d; double v = f1(s, y, off, labels);
                    if (v > best + 1e-9) best = v; else off[k] = old;
                }
        return off;
    }
    public static void main(String[] a) throws Exception {
        List<LabelledText> data = EnsembleExperiment.read(a.length > 0 ? a[0] : "../shared/data/teddy2020c/train_segmented.csv", "text", "label");
        TrainingOptions o = TrainingOptions.linearDefaults().withCalibrationFolds(0);
        List<String> labels = new ArrayList<>(new TreeSet<>(data.stream().map(LabelledText::label).toList()));
        int[] fold = CrossValidation.stratifiedFolds(data.stream().map(LabelledText::label).toList(),
                data.stream().map(e -> CrossValidation.groupKey(e.text())).toList(), 5, 42);
        double[] base = new double[5], adj = new double[5];
        for (int f = 0; f < 5; f++) {
            List<LabelledText> tr = new ArrayList<>(), te = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) (fold[i] == f ? te : tr).add(data.get(i));
            double[][] inner = oofScores(tr, o, labels, 3);
            int[] yi = tr.stream().mapToInt(t -> labels.indexOf(t.label())).toArray();
            double[] off = fit(inner, yi, labels);
            TextClassifier m = new ClassifierTrainer().train(tr, o);
            double[][] s = te.stream().map(t -> m.scores(t.text())).toArray(double[][]::new);
            int[] yt = te.stream().mapToInt(t -> labels.indexOf(t.label())).toArray();
            base[f] = f1(s, yt, new double[labels.size()], labels); adj[f] = f1(s, yt, off, labels);
            System.out.printf("fold %d: plain %.4f offsets %.4f %s%n", f + 1, base[f], adj[f], Arrays.toString(off));
        }
        System.out.printf("plain mean %.4f, with offsets mean %.4f%n", Arrays.stream(base).average().orElse(0), Arrays.stream(adj).average().orElse(0));
    }
}
