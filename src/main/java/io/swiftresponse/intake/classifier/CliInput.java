package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.CliOptions.UsageException;
import io.swiftresponse.shared.csv.CsvFormatException;
import io.swiftresponse.shared.csv.CsvReader;
import io.swiftresponse.shared.csv.CsvTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the CSV inputs of the classifier commands; errors name the file and the option. */
final class CliInput {

    private CliInput() {
    }

    /** Reads a CSV table; a format error names the file. */
    static CsvTable readCsv(Path p) throws IOException {
        try {
            return CsvReader.readTable(p);
        } catch (CsvFormatException e) {
            throw new CsvFormatException(p + ": " + e.reason(), e.line());
        }
    }

    /** Resolves a column specification ({@code a} or {@code a+b}) of a table read from {@code file}. */
    static int[] columns(CsvTable t, String spec, Path file, String option) throws UsageException {
        try {
            return t.resolveColumns(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + " (--" + option + "): " + e.getMessage());
        }
    }

    /** Reads labelled examples; an empty label is an error naming the data row. */
    static List<LabelledText> labelled(CliOptions o, Path file) throws IOException, UsageException {
        CsvTable t = readCsv(file);
        int[] text = columns(t, o.getOrDefault("text-column", "text"), file, "text-column");
        int[] label = columns(t, o.getOrDefault("label-column", "label"), file, "label-column");
        if (label.length != 1) {
            throw new UsageException("--label-column must name one column");
        }
        List<LabelledText> data = new ArrayList<>(t.size());
        for (int r = 0; r < t.size(); r++) {
            List<String> row = t.rows().get(r);
            String l = row.get(label[0]).strip();
            if (l.isEmpty()) {
                throw new UsageException(file + ": data row " + (r + 1) + " has an empty label");
            }
            data.add(new LabelledText(CsvTable.join(row, text), l));
        }
        if (data.isEmpty()) {
            throw new UsageException(file + " has no data rows");
        }
        return data;
    }
}
