package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.CliOptions.UsageException;
import io.swiftresponse.shared.csv.CsvTable;
import io.swiftresponse.shared.csv.CsvWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code classifier overlap}: which sample messages also occur (segmented) in a training file, and the
 * training file without them, so that a sample can be scored honestly (see {@link OverlapFinder}).
 */
final class OverlapCommand {

    static final Set<String> OPTIONS = Set.of("train", "train-text-column", "sample", "sample-text-column",
            "threshold", "output-train", "output-unseen", "output-overlap", "train-label-column", "sample-label-column");

    private OverlapCommand() {
    }

    static void run(CliOptions o, PrintStream out) throws IOException, UsageException {
        Path trainFile = o.inputFile("train");
        Path sampleFile = o.inputFile("sample");
        double threshold;
        try {
            threshold = Double.parseDouble(o.getOrDefault("threshold", "0.9").strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--threshold must be a number");
        }
        Path outTrain = o.optionalOutputFile("output-train");
        Path outUnseen = o.optionalOutputFile("output-unseen");
        Path outOverlap = o.optionalOutputFile("output-overlap");
        CsvTable train = CliInput.readCsv(trainFile);
        CsvTable sample = CliInput.readCsv(sampleFile);
        int[] trainText = CliInput.columns(train, o.getOrDefault("train-text-column", "text"), trainFile,
                "train-text-column");
        int[] sampleText = CliInput.columns(sample, o.required("sample-text-column"), sampleFile, "sample-text-column");
        int trainLabel = train.columnIndex(o.getOrDefault("train-label-column", "label"));
        int sampleLabel = sample.columnIndex(o.getOrDefault("sample-label-column", "一级分类"));
        List<String> texts = new ArrayList<>();
        for (List<String> r : train.rows()) {
            texts.add(CsvTable.join(r, trainText));
        }
        OverlapFinder finder = new OverlapFinder(texts);
        Set<Integer> matchedTrain = new TreeSet<>();
        List<Integer> unseen = new ArrayList<>();
        int overlapping = 0;
        int labelAgree = 0;
        int labelCompared = 0;
        for (int s = 0; s < sample.size(); s++) {
            List<Integer> m = finder.matches(CsvTable.join(sample.rows().get(s), sampleText), threshold);
            if (m.isEmpty()) {
                unseen.add(s);
                continue;
            }
            overlapping++;
            matchedTrain.addAll(m);
            if (trainLabel >= 0 && sampleLabel >= 0) {
                labelCompared++;
                String sl = sample.rows().get(s).get(sampleLabel).strip();
                if (m.stream().anyMatch(i -> train.rows().get(i).get(trainLabel).strip().equals(sl))) {
                    labelAgree++;
                }
            }
        }
        out.printf(Locale.ROOT, "sample %s: %d messages; %d (%.1f %%) also occur in %s (token containment >= %.2f),"
                        + " matching %d training rows; %d sample messages are unseen%n", sampleFile, sample.size(),
                overlapping, 100.0 * overlapping / Math.max(1, sample.size()), trainFile, threshold, matchedTrain.size(),
                unseen.size());
        if (labelCompared > 0) {
            out.printf(Locale.ROOT, "label agreement between overlapping sample messages and their training rows: %d/%d%n",
                    labelAgree, labelCompared);
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            if (!matchedTrain.contains(i)) {
                rest.add(i);
            }
        }
        if (outTrain != null) {
            write(outTrain, train, rest);
            out.printf(Locale.ROOT, "training rows without the overlap (%d rows) written to %s%n", rest.size(), outTrain);
        }
        if (outOverlap != null) {
            write(outOverlap, train, matchedTrain);
            out.printf(Locale.ROOT, "the overlapping training rows (%d rows) written to %s%n", matchedTrain.size(),
                    outOverlap);
        }
        if (outUnseen != null) {
            write(outUnseen, sample, unseen);
            out.printf(Locale.ROOT, "unseen sample messages (%d rows) written to %s%n", unseen.size(), outUnseen);
        }
    }

    /** Writes the header and the chosen rows of a table. */
    private static void write(Path file, CsvTable table, Iterable<Integer> rows) throws IOException {
        try (CsvWriter w = CsvWriter.open(file)) {
            w.writeRecord(table.header());
            for (int i : rows) {
                w.writeRecord(table.rows().get(i));
            }
        }
    }
}
