package io.swiftresponse.intake.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Classification metrics for gold versus predicted labels: accuracy, macro-averaged F1, per-class
 * precision/recall/F1 and the confusion matrix. Macro averages run over every label that occurs in the
 * gold or the predicted labels (as scikit-learn does); a class that is never predicted has precision 0.
 */
public final class Evaluation {

    /** Metrics of one class. */
    public record ClassMetrics(String label, double precision, double recall, double f1, int support, int predicted) {
    }

    private final List<String> labels;
    private final int[][] confusion; // [gold][predicted]
    private final int count;
    private final int correct;
    private final List<ClassMetrics> perClass;

    private Evaluation(List<String> labels, int[][] confusion) {
        this.labels = List.copyOf(labels);
        this.confusion = confusion;
        int total = 0;
        int diag = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                total += confusion[i][j];
            }
            diag += confusion[i][i];
        }
        this.count = total;
        this.correct = diag;
        List<ClassMetrics> pc = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            int support = 0;
            int predicted = 0;
            for (int j = 0; j < labels.size(); j++) {
                support += confusion[k][j];
                predicted += confusion[j][k];
            }
            double p = predicted == 0 ? 0 : confusion[k][k] / (double) predicted;
            double r = support == 0 ? 0 : confusion[k][k] / (double) support;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            pc.add(new ClassMetrics(labels.get(k), p, r, f, support, predicted));
        }
        this.perClass = List.copyOf(pc);
    }

    /** Evaluates predictions; labels are ordered by first appearance in gold then predicted. */
    public static Evaluation of(List<String> gold, List<String> predicted) {
        return of(List.of(), gold, predicted);
    }

    /**
     * Evaluates decision scores: row i predicts the label of its largest score (the first on a tie) against the
     * gold label index {@code gold[i]}; both index {@code labels}.
     */
    static Evaluation ofScores(List<String> labels, int[] gold, double[][] scores) {
        List<String> g = new java.util.ArrayList<>(gold.length);
        List<String> p = new java.util.ArrayList<>(gold.length);
        for (int i = 0; i < gold.length; i++) {
            g.add(labels.get(gold[i]));
            p.add(labels.get(ClassifierTrainer.argmax(scores[i])));
        }
        return of(labels, g, p);
    }

    /**
     * Evaluates predictions. {@code labelOrder} (e.g. the model's labels) fixes the order of the report;
     * labels of {@code labelOrder} that occur in neither list are left out; other labels are appended
     * in sorted order.
     */
    public static Evaluation of(List<String> labelOrder, List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        TreeSet<String> present = new TreeSet<>(gold);
        present.addAll(predicted);
        List<String> labels = new ArrayList<>();
        for (String l : labelOrder) {
            if (present.remove(l)) {
                labels.add(l);
            }
        }
        labels.addAll(present);
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            idx.put(labels.get(i), i);
        }
        int[][] m = new int[labels.size()][labels.size()];
        for (int i = 0; i < gold.size(); i++) {
            m[idx.get(gold.get(i))][idx.get(predicted.get(i))]++;
        }
        return new Evaluation(labels, m);
    }

    public List<String> labels() {
        return labels;
    }

    public int count() {
        return count;
    }

    public double accuracy() {
        return count == 0 ? 0 : correct / (double) count;
    }

    public double macroF1() {
        return perClass.stream().mapToDouble(ClassMetrics::f1).average().orElse(0);
    }

    public double macroPrecision() {
        return perClass.stream().mapToDouble(ClassMetrics::precision).average().orElse(0);
    }

    public double macroRecall() {
        return perClass.stream().mapToDouble(ClassMetrics::recall).average().orElse(0);
    }

    /** Support-weighted F1. */
    public double weightedF1() {
        return count == 0 ? 0 : perClass.stream().mapToDouble(c -> c.f1() * c.support()).sum() / count;
    }

    public List<ClassMetrics> perClass() {
        return perClass;
    }

    /** A copy of the confusion matrix, rows = gold label, columns = predicted label, in {@link #labels()} order. */
    public int[][] confusionMatrix() {
        int[][] c = new int[confusion.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = confusion[i].clone();
        }
        return c;
    }

    /** A plain-text report: summary, per-class table and confusion matrix. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "examples   %d%n", count));
        sb.append(String.format(Locale.ROOT, "accuracy   %.4f%n", accuracy()));
        sb.append(String.format(Locale.ROOT, "macro-F1   %.4f   (macro-P %.4f, macro-R %.4f, weighted-F1 %.4f)%n",
                macroF1(), macroPrecision(), macroRecall(), weightedF1()));
        int w = "label".length();
        for (String l : labels) {
            w = Math.max(w, width(l));
        }
        sb.append('\n').append(pad("label", w)).append("  precision  recall     F1  support\n");
        for (ClassMetrics c : perClass) {
            sb.append(pad(c.label(), w)).append(String.format(Locale.ROOT, "  %9.4f  %6.4f  %6.4f  %7d%n",
                    c.precision(), c.recall(), c.f1(), c.support()));
        }
        sb.append("\nconfusion matrix (rows = gold, columns = predicted):\n");
        int cw = 6;
        for (int[] row : confusion) {
            for (int v : row) {
                cw = Math.max(cw, Integer.toString(v).length() + 1);
            }
        }
        int rw = 0;
        for (int i = 0; i < labels.size(); i++) {
            rw = Math.max(rw, width("[" + (i + 1) + "] " + labels.get(i)));
        }
        sb.append(pad("", rw));
        for (int j = 0; j < labels.size(); j++) {
            sb.append(padLeft("[" + (j + 1) + "]", cw));
        }
        sb.append('\n');
        for (int i = 0; i < labels.size(); i++) {
            sb.append(pad("[" + (i + 1) + "] " + labels.get(i), rw));
            for (int j = 0; j < labels.size(); j++) {
                sb.append(padLeft(Integer.toString(confusion[i][j]), cw));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Display width: East Asian wide characters count 2. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += (c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                    || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                    || (c >= 0xFFE0 && c <= 0xFFE6))) ? 2 : 1;
        }
        return w;
    }

    private static String pad(String s, int w) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = width(s); i < w; i++) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private static String padLeft(String s, int w) {
        StringBuilder sb = new StringBuilder();
        for (int i = width(s); i < w; i++) {
            sb.append(' ');
        }
        return sb.append(s).toString();
    }
}
