package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.CliOptions.UsageException;
import io.swiftresponse.shared.csv.CsvFormatException;
import io.swiftresponse.shared.csv.CsvTable;
import io.swiftresponse.shared.csv.CsvWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the text classifier. The application calls {@link #run} with the arguments after
 * {@code classifier}; {@code args[0]} is the subcommand.
 *
 * <pre>
 * train          --input F.csv [--text-column text] [--label-column label] --model M.bin [--seed 42] [hyper-parameters]
 * predict        --model M.bin --input IN.csv --output OUT.csv [--id-column id] [--text-column text]
 * evaluate       --model M.bin --input F.csv [--text-column text] [--label-column label]
 * cross-validate --input F.csv [--text-column text] [--label-column label] [--folds 5] [--seed 42] [hyper-parameters]
 * overlap        --train T.csv [--train-text-column text] --sample S.csv --sample-text-column COLS
 *                [--threshold 0.9] [--output-train T2.csv] [--output-unseen S2.csv] [--output-overlap T3.csv]
 * info           --model M.bin
 * </pre>
 * A text column may be several columns joined with {@code +}, e.g. {@code 留言主题+留言详情}.
 * Exit codes: 0 success, 2 bad input or usage (one-line message on the error stream), 1 other failure.
 */
public final class ClassifierCli {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private static final Map<String, Set<String>> OPTIONS = new LinkedHashMap<>();

    static {
        Set<String> train = new LinkedHashSet<>(List.of("input", "text-column", "label-column", "model"));
        train.addAll(CliTrainingOptions.NAMES);
        OPTIONS.put("train", train);
        OPTIONS.put("predict", Set.of("model", "input", "output", "id-column", "text-column"));
        OPTIONS.put("evaluate", Set.of("model", "input", "text-column", "label-column"));
        Set<String> cv = new LinkedHashSet<>(List.of("input", "text-column", "label-column", "folds"));
        cv.addAll(CliTrainingOptions.NAMES);
        OPTIONS.put("cross-validate", cv);
        OPTIONS.put("overlap", OverlapCommand.OPTIONS);
        OPTIONS.put("info", Set.of("model"));
    }

    private ClassifierCli() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a subcommand; returns the exit code. Never throws for bad input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args == null || args.length == 0) {
                throw new UsageException("missing subcommand; " + usage());
            }
            String cmd = args[0];
            if (cmd.equals("help") || cmd.equals("--help") || cmd.equals("-h")) {
                out.println(usage());
                return OK;
            }
            Set<String> allowed = OPTIONS.get(cmd);
            if (allowed == null) {
                throw new UsageException("unknown subcommand '" + cmd + "'; " + usage());
            }
            CliOptions opts = CliOptions.parse(args, allowed, cmd);
            switch (cmd) {
                case "train" -> train(opts, out);
                case "predict" -> predict(opts, out);
                case "evaluate" -> evaluate(opts, out);
                case "cross-validate" -> crossValidate(opts, out);
                case "overlap" -> OverlapCommand.run(opts, out);
                case "info" -> info(opts, out);
                default -> throw new UsageException("unknown subcommand '" + cmd + "'");
            }
            out.flush();
            return OK;
        } catch (UsageException e) {
            return fail(err, e.getMessage(), BAD_INPUT);
        } catch (NoSuchFileException e) {
            return fail(err, "file not found: " + e.getFile(), BAD_INPUT);
        } catch (AccessDeniedException e) {
            return fail(err, "permission denied: " + e.getFile(), BAD_INPUT);
        } catch (CsvFormatException e) {
            return fail(err, "malformed CSV: " + e.getMessage(), BAD_INPUT);
        } catch (ModelFormatException e) {
            return fail(err, e.getMessage(), BAD_INPUT);
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage(), BAD_INPUT);
        } catch (IOException e) {
            return fail(err, "I/O error: " + e, FAILURE);
        } catch (RuntimeException e) {
            return fail(err, "internal error: " + e, FAILURE);
        }
    }

    private static int fail(PrintStream err, String message, int code) {
        String oneLine = String.valueOf(message).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        err.println("classifier: error: " + oneLine);
        err.flush();
        return code;
    }

    static String usage() {
        return "usage: classifier train|predict|evaluate|cross-validate|overlap|info --option value ..."
                + " (train --input F.csv --text-column text --label-column label --model M.bin [--seed 42];"
                + " predict --model M.bin --input IN.csv --output OUT.csv;"
                + " evaluate --model M.bin --input F.csv --text-column text --label-column label)";
    }

    // ------------------------------------------------------------------ subcommands

    private static void train(CliOptions o, PrintStream out) throws IOException, UsageException {
        Path input = o.inputFile("input");
        Path model = o.outputFile("model");
        TrainingOptions options = CliTrainingOptions.from(o);
        List<LabelledText> data = CliInput.labelled(o, input);
        long t0 = System.nanoTime();
        TextClassifier clf = new ClassifierTrainer().train(data, options);
        double secs = (System.nanoTime() - t0) / 1e9;
        ModelFile.write(clf, model);
        out.printf(Locale.ROOT, "trained on %d rows, %d labels, %d features in %.1f s%n", data.size(),
                clf.labels().size(), clf.featureCount(), secs);
        out.print(clf.info().describe());
        out.printf(Locale.ROOT, "model written to %s (%d bytes)%n", model, Files.size(model));
    }

    private static void predict(CliOptions o, PrintStream out) throws IOException, UsageException {
        Path modelFile = o.inputFile("model");
        Path input = o.inputFile("input");
        Path output = o.outputFile("output");
        TextClassifier clf = ModelFile.read(modelFile);
        CsvTable t = CliInput.readCsv(input);
        int[] id = CliInput.columns(t, o.getOrDefault("id-column", "id"), input, "id-column");
        int[] text = CliInput.columns(t, o.getOrDefault("text-column", "text"), input, "text-column");
        long t0 = System.nanoTime();
        List<String> unknown = new ArrayList<>();
        try (CsvWriter w = CsvWriter.open(output)) {
            w.writeRecord("id", "label", "confidence");
            for (List<String> row : t.rows()) {
                FeatureExtractor.SparseVector x = clf.vectorise(CsvTable.join(row, text)); // once for both uses
                Prediction p = clf.predict(x);
                w.writeRecord(CsvTable.join(row, id), p.label(),
                        String.format(Locale.ROOT, "%.4f", p.confidence()));
                if (x.size() == 0) {
                    unknown.add(CsvTable.join(row, id));
                }
            }
        }
        out.printf(Locale.ROOT, "predicted %d rows in %.2f s; written to %s%n", t.size(),
                (System.nanoTime() - t0) / 1e9, output);
        if (!unknown.isEmpty()) {
            out.printf(Locale.ROOT, "%d %s no word the model knows (empty, or not Chinese): the most frequent training"
                    + " label with its share as confidence; ids %s%s%n", unknown.size(), unknown.size() == 1 ? "row has" : "rows have",
                    String.join(", ", unknown.subList(0, Math.min(10, unknown.size()))), unknown.size() > 10 ? ", …" : "");
        }
    }

    private static void evaluate(CliOptions o, PrintStream out) throws IOException, UsageException {
        Path modelFile = o.inputFile("model");
        Path input = o.inputFile("input");
        TextClassifier clf = ModelFile.read(modelFile);
        List<LabelledText> data = CliInput.labelled(o, input);
        List<String> gold = new ArrayList<>(data.size());
        List<String> pred = new ArrayList<>(data.size());
        for (LabelledText d : data) {
            gold.add(d.label());
            pred.add(clf.predict(d.text()).label());
        }
        Evaluation e = Evaluation.of(clf.labels(), gold, pred);
        out.println("model " + modelFile + " (version " + clf.info().modelVersion() + ", trained "
                + clf.info().trainedAt() + ") on " + input);
        out.print(e.report());
    }

    private static void crossValidate(CliOptions o, PrintStream out) throws IOException, UsageException {
        Path input = o.inputFile("input");
        TrainingOptions options = CliTrainingOptions.from(o);
        int folds = o.integer("folds", 5);
        List<LabelledText> data = CliInput.labelled(o, input);
        if (folds < 2 || folds > data.size()) {
            throw new UsageException("--folds must be between 2 and the number of rows");
        }
        long t0 = System.nanoTime();
        CrossValidation.Result r = CrossValidation.run(data, options, folds);
        out.printf(Locale.ROOT, "%d-fold stratified cross-validation on %s (%d rows, duplicates kept in one fold),"
                + " seed %d, %.1f s%n", folds, input, data.size(), options.seed(), (System.nanoTime() - t0) / 1e9);
        out.println("hyper-parameters " + options.hyperParameters());
        out.print(r.report());
    }

    private static void info(CliOptions o, PrintStream out) throws IOException, UsageException {
        Path modelFile = o.inputFile("model");
        TextClassifier clf = ModelFile.read(modelFile);
        out.println("model file      " + modelFile + " (" + Files.size(modelFile) + " bytes, format version "
                + ModelFile.FORMAT_VERSION + ")");
        out.println("labels          " + clf.labels());
        out.println("features        " + clf.featureCount());
        out.print(clf.info().describe());
    }
}
