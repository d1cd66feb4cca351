package io.swiftresponse.intake.classifier;

import io.swiftresponse.shared.csv.CsvReader;
import io.swiftresponse.shared.csv.CsvTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Experiment (issue 5, fourth pass; not a test, run by hand, see docs/classifier.md): the category taxonomy
 * ({@code taxonomy.csv}: 一级/二级/三级分类) as data. Same 5 folds as {@code classifier cross-validate}.
 * <ul>
 *   <li>+ taxonomy rows (weight w): one short extra training text "二级 三级" per taxonomy row of a
 *       first-level class of the training data ("其他" left out), labelled with its 一级分类;</li>
 *   <li>+ prior block: one extra feature per first-level class of the taxonomy (all 15), counting how many of
 *       that class's 二级/三级 names occur in the text (tf-idf weighted like a character n-gram).</li>
 * </ul>
 * Then the raw sample check (training rows it overlaps removed). Argument: data folder.
 */
public class TaxonomyExperiment {

    public static void main(String[] a) throws Exception {
        String d = a[0].endsWith("/") ? a[0] : a[0] + "/";
        CsvTable tax = CsvReader.readTable(Path.of(d + "taxonomy.csv"));
        Map<String, List<String>> terms = new TreeMap<>();
        List<LabelledText> taxDocs = new ArrayList<>();
        for (List<String> r : tax.rows()) {
            List<String> names = r.subList(1, 3).stream().filter(t -> !t.equals("其他")).distinct().toList();
            terms.computeIfAbsent(r.get(0), x -> new ArrayList<>()).addAll(names);
            if (!names.isEmpty()) {
                taxDocs.add(new LabelledText(String.join(" ", names), r.get(0)));
            }
        }
        List<List<String>> groups = terms.values().stream().map(l -> l.stream().distinct().toList()).toList();
        TrainingOptions o = TrainingOptions.linearDefaults().withCalibrationFolds(0);
        ExperimentData data = ExperimentData.load(d, new FeatureExtractor(o.featureConfig()), taxDocs);
        long[][] fps = data.fps();
        List<String> texts = new ArrayList<>(data.train().stream().map(LabelledText::text).toList());
        texts.addAll(data.sample().stream().map(LabelledText::text).toList());
        texts.addAll(taxDocs.stream().map(LabelledText::text).toList());
        long[][] prior = IntStream.range(0, fps.length).parallel()
                .mapToObj(i -> withPrior(fps[i], texts.get(i), groups)).toArray(long[][]::new);
        List<Integer> taxRows = IntStream.range(data.extraStart(), fps.length).filter(i -> data.y()[i] >= 0)
                .boxed().toList();
        System.out.printf("%d taxonomy texts of the training labels, %d prior groups%n", taxRows.size(), groups.size());
        data.crossValidateAndRaw((inTrain, test) -> runSplit(fps, prior, data.y(), taxRows, inTrain, test,
                data.labels(), o));
    }

    /** The text's fingerprints plus, per taxonomy group, one fingerprint per name of the group found in the text. */
    static long[] withPrior(long[] fps, String text, List<List<String>> groups) {
        String flat = CrossValidation.groupKey(text);
        List<Long> extra = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String t : groups.get(g)) {
                if (flat.contains(t)) {
                    extra.add(FeatureExtractor.fmix(0x7A58_0000L + g) & Long.MAX_VALUE); // character block
                }
            }
        }
        long[] out = Arrays.copyOf(fps, fps.length + extra.size());
        for (int i = 0; i < extra.size(); i++) {
            out[fps.length + i] = extra.get(i);
        }
        return out;
    }

    static Map<String, Double> runSplit(long[][] fps, long[][] prior, int[] y, List<Integer> taxRows,
                                        boolean[] inTrain, List<Integer> test, List<String> labels, TrainingOptions o) {
        List<Integer> tr = IntStream.range(0, inTrain.length).filter(i -> inTrain[i]).boxed().toList();
        int[] testY = test.stream().mapToInt(i -> y[i]).toArray();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("default", score(fps, tr, List.of(), 1, y, test, testY, labels, o));
        for (double w : new double[] {0.3, 1, 3}) {
            out.put("+ taxonomy rows w " + w, score(fps, tr, taxRows, w, y, test, testY, labels, o));
        }
        out.put("+ prior block", score(prior, tr, List.of(), 1, y, test, testY, labels, o));
        return out;
    }

    private static double score(long[][] fps, List<Integer> tr, List<Integer> extra, double w, int[] y,
                                List<Integer> test, int[] testY, List<String> labels, TrainingOptions o) {
        List<Integer> rows = new ArrayList<>(tr);
        rows.addAll(extra);
        double[] weight = new double[rows.size()];
        Arrays.fill(weight, 1);
        Arrays.fill(weight, tr.size(), rows.size(), w);
        ExperimentKit.Linear m = ExperimentKit.fit(rows.stream().map(i -> fps[i]).toList(),
                rows.stream().mapToInt(i -> y[i]).toArray(), weight, labels.size(), o);
        return ExperimentKit.f1(m, test.stream().map(i -> fps[i]).toList(), testY, labels);
    }
}
