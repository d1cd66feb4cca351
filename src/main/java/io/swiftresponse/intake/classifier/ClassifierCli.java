package io.swiftresponse.intake.classifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

    private static final Set<String> HYPER = Set.of("seed", "c", "algorithm", "min-df", "char-ngrams",
            "word-ngrams", "word-weight", "epochs", "balanced", "calibration-folds", "model-version", "trained-at",
            "threads", "stop-words", "numbers");

    private static final Map<String, Set<String>> OPTIONS = new LinkedHashMap<>();

    static {
        Set<String> train = new LinkedHashSet<>(List.of("input", "text-column", "label-column", "model"));
        train.addAll(HYPER);
        OPTIONS.put("train", train);
        OPTIONS.put("predict", Set.of("model", "input", "output", "id-column", "text-column"));
        OPTIONS.put("evaluate", Set.of("model", "input", "text-column", "label-column"));
        Set<String> cv = new LinkedHashSet<>(List.of("input", "text-column", "label-column", "folds"));
        cv.addAll(HYPER);
        OPTIONS.put("cross-validate", cv);
        OPTIONS.put("overlap", Set.of("train", "train-text-column", "sample", "sample-text-column", "threshold",
                "output-train", "output-unseen", "output-overlap", "train-label-column", "sample-label-column"));
        OPTIONS.put("info", Set.of("model"));
    }

    private ClassifierCli() {
    }

    /** Bad usage or input: reported on one line, exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
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
            Map<String, String> opts = parse(args, allowed, cmd);
            switch (cmd) {
                case "train" -> train(opts, out);
                case "predict" -> predict(opts, out);
                case "evaluate" -> evaluate(opts, out);
                case "cross-validate" -> crossValidate(opts, out);
                case "overlap" -> overlap(opts, out);
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
        } catch (Csv.CsvFormatException e) {
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

    private static Map<String, String> parse(String[] args, Set<String> allowed, String cmd) throws UsageException {
        Map<String, String> opts = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("unexpected argument '" + a + "' (options look like --name value)");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name + " for '" + cmd + "'; allowed: --"
                        + String.join(", --", new java.util.TreeSet<>(allowed)));
            }
            if (opts.put(name, value) != null) {
                throw new UsageException("option --" + name + " given twice");
            }
        }
        return opts;
    }

    private static String required(Map<String, String> o, String name) throws UsageException {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("missing required option --" + name);
        }
        return v;
    }

    private static Path inputFile(Map<String, String> o, String name) throws UsageException {
        Path p = Path.of(required(o, name));
        if (!Files.exists(p)) {
            throw new UsageException("file not found: " + p + " (--" + name + ")");
        }
        if (!Files.isRegularFile(p)) {
            throw new UsageException("not a regular file: " + p + " (--" + name + ")");
        }
        return p;
    }

    private static Path outputFile(Map<String, String> o, String name) throws UsageException {
        Path p = Path.of(required(o, name)).toAbsolutePath();
        Path dir = p.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UsageException("output folder does not exist: " + dir + " (--" + name + ")");
        }
        if (Files.isDirectory(p)) {
            throw new UsageException("output is a directory: " + p + " (--" + name + ")");
        }
        return p;
    }

    private static Csv.Table readCsv(Path p) throws IOException {
        try {
            return Csv.readTable(p);
        } catch (Csv.CsvFormatException e) {
            throw new Csv.CsvFormatException(p + ": " + e.getMessage().replaceFirst(" \\(line \\d+\\)$", ""), e.line());
        }
    }

    private static int[] columns(Csv.Table t, String spec, Path file, String option) throws UsageException {
        try {
            return t.resolveColumns(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + " (--" + option + "): " + e.getMessage());
        }
    }

    /** Reads labelled examples; an empty label is an error naming the data row. */
    private static List<LabelledText> labelled(Map<String, String> o, Path file) throws IOException, UsageException {
        Csv.Table t = readCsv(file);
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
            data.add(new LabelledText(Csv.Table.join(row, text), l));
        }
        if (data.isEmpty()) {
            throw new UsageException(file + " has no data rows");
        }
        return data;
    }

    static TrainingOptions trainingOptions(Map<String, String> o) throws UsageException {
        TrainingOptions t = TrainingOptions.defaults();
        try {
            if (o.containsKey("seed")) {
                t = t.withSeed(Long.parseLong(o.get("seed").strip()));
            }
            if (o.containsKey("c")) {
                t = t.withC(Double.parseDouble(o.get("c").strip()));
            }
            if (o.containsKey("algorithm")) {
                t = t.withAlgorithm(TrainingOptions.Algorithm.valueOf(o.get("algorithm").strip().toUpperCase(Locale.ROOT)));
            }
            if (o.containsKey("min-df")) {
                t = t.withMinDf(Integer.parseInt(o.get("min-df").strip()));
            }
            if (o.containsKey("char-ngrams")) {
                String[] p = o.get("char-ngrams").strip().split("-");
                int lo = Integer.parseInt(p[0]);
                int hi = p.length > 1 ? Integer.parseInt(p[1]) : lo;
                t = t.withCharNgrams(lo, hi);
            }
            if (o.containsKey("word-ngrams")) {
                t = t.withWordMax(Integer.parseInt(o.get("word-ngrams").strip()));
            }
            if (o.containsKey("word-weight")) {
                t = t.withWordWeight(Float.parseFloat(o.get("word-weight").strip()));
            }
            if (o.containsKey("epochs")) {
                t = t.withMaxEpochs(Integer.parseInt(o.get("epochs").strip()));
            }
            if (o.containsKey("balanced")) {
                t = t.withBalanced(bool(o.get("balanced"), "balanced"));
            }
            if (o.containsKey("stop-words")) {
                t = t.withRemoveStopWords(bool(o.get("stop-words"), "stop-words"));
            }
            if (o.containsKey("numbers")) {
                t = t.withKeepNumbers(bool(o.get("numbers"), "numbers"));
            }
            if (o.containsKey("calibration-folds")) {
                t = t.withCalibrationFolds(Integer.parseInt(o.get("calibration-folds").strip()));
            }
            if (o.containsKey("threads")) {
                t = t.withThreads(Integer.parseInt(o.get("threads").strip()));
            }
            if (o.containsKey("model-version")) {
                t = t.withModelVersion(o.get("model-version"));
            }
            if (o.containsKey("trained-at")) {
                t = t.withTrainedAt(Instant.parse(o.get("trained-at").strip()));
            } else if (System.getenv("SOURCE_DATE_EPOCH") != null) {
                t = t.withTrainedAt(Instant.ofEpochSecond(Long.parseLong(System.getenv("SOURCE_DATE_EPOCH").strip())));
            }
        } catch (NumberFormatException e) {
            throw new UsageException("bad number in a training option: " + e.getMessage());
        } catch (DateTimeParseException e) {
            throw new UsageException("--trained-at must be an ISO-8601 instant such as 2024-01-31T12:00:00Z");
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad training option: " + e.getMessage());
        }
        return t;
    }

    private static boolean bool(String v, String name) throws UsageException {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new UsageException("--" + name + " must be true or false");
        };
    }

    // ------------------------------------------------------------------ subcommands

    private static void train(Map<String, String> o, PrintStream out) throws IOException, UsageException {
        Path input = inputFile(o, "input");
        Path model = outputFile(o, "model");
        TrainingOptions options = trainingOptions(o);
        List<LabelledText> data = labelled(o, input);
        long t0 = System.nanoTime();
        TextClassifier clf = new ClassifierTrainer().train(data, options);
        double secs = (System.nanoTime() - t0) / 1e9;
        ModelFile.write(clf, model);
        out.printf(Locale.ROOT, "trained on %d rows, %d labels, %d features in %.1f s%n", data.size(),
                clf.labels().size(), clf.featureCount(), secs);
        out.print(clf.info().describe());
        out.printf(Locale.ROOT, "model written to %s (%d bytes)%n", model, Files.size(model));
    }

    private static void predict(Map<String, String> o, PrintStream out) throws IOException, UsageException {
        Path modelFile = inputFile(o, "model");
        Path input = inputFile(o, "input");
        Path output = outputFile(o, "output");
        TextClassifier clf = ModelFile.read(modelFile);
        Csv.Table t = readCsv(input);
        int[] id = columns(t, o.getOrDefault("id-column", "id"), input, "id-column");
        int[] text = columns(t, o.getOrDefault("text-column", "text"), input, "text-column");
        long t0 = System.nanoTime();
        try (Csv.CsvWriter w = Csv.writer(output)) {
            w.writeRecord("id", "label", "confidence");
            for (List<String> row : t.rows()) {
                Prediction p = clf.predict(Csv.Table.join(row, text));
                w.writeRecord(Csv.Table.join(row, id), p.label(),
                        String.format(Locale.ROOT, "%.4f", p.confidence()));
            }
        }
        out.printf(Locale.ROOT, "predicted %d rows in %.2f s; written to %s%n", t.size(),
                (System.nanoTime() - t0) / 1e9, output);
    }

    private static void evaluate(Map<String, String> o, PrintStream out) throws IOException, UsageException {
        Path modelFile = inputFile(o, "model");
        Path input = inputFile(o, "input");
        TextClassifier clf = ModelFile.read(modelFile);
        List<LabelledText> data = labelled(o, input);
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

    private static void crossValidate(Map<String, String> o, PrintStream out) throws IOException, UsageException {
        Path input = inputFile(o, "input");
        TrainingOptions options = trainingOptions(o);
        int folds;
        try {
            folds = Integer.parseInt(o.getOrDefault("folds", "5").strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--folds must be a whole number");
        }
        List<LabelledText> data = labelled(o, input);
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

    private static void overlap(Map<String, String> o, PrintStream out) throws IOException, UsageException {
        Path trainFile = inputFile(o, "train");
        Path sampleFile = inputFile(o, "sample");
        double threshold;
        try {
            threshold = Double.parseDouble(o.getOrDefault("threshold", "0.9").strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--threshold must be a number");
        }
        Path outTrain = o.containsKey("output-train") ? outputFile(o, "output-train") : null;
        Path outUnseen = o.containsKey("output-unseen") ? outputFile(o, "output-unseen") : null;
        Path outOverlap = o.containsKey("output-overlap") ? outputFile(o, "output-overlap") : null;
        Csv.Table train = readCsv(trainFile);
        Csv.Table sample = readCsv(sampleFile);
        int[] trainText = columns(train, o.getOrDefault("train-text-column", "text"), trainFile, "train-text-column");
        int[] sampleText = columns(sample, required(o, "sample-text-column"), sampleFile, "sample-text-column");
        int[] trainLabel = train.columnIndex(o.getOrDefault("train-label-column", "label")) >= 0
                ? new int[] {train.columnIndex(o.getOrDefault("train-label-column", "label"))} : null;
        int[] sampleLabel = sample.columnIndex(o.getOrDefault("sample-label-column", "一级分类")) >= 0
                ? new int[] {sample.columnIndex(o.getOrDefault("sample-label-column", "一级分类"))} : null;
        List<String> texts = new ArrayList<>();
        for (List<String> r : train.rows()) {
            texts.add(Csv.Table.join(r, trainText));
        }
        OverlapFinder finder = new OverlapFinder(texts);
        Set<Integer> matchedTrain = new java.util.TreeSet<>();
        List<Integer> unseen = new ArrayList<>();
        int overlapping = 0;
        int labelAgree = 0;
        int labelCompared = 0;
        for (int s = 0; s < sample.size(); s++) {
            List<Integer> m = finder.matches(Csv.Table.join(sample.rows().get(s), sampleText), threshold);
            if (m.isEmpty()) {
                unseen.add(s);
                continue;
            }
            overlapping++;
            matchedTrain.addAll(m);
            if (trainLabel != null && sampleLabel != null) {
                labelCompared++;
                String sl = sample.rows().get(s).get(sampleLabel[0]).strip();
                if (m.stream().anyMatch(i -> train.rows().get(i).get(trainLabel[0]).strip().equals(sl))) {
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
        if (outTrain != null) {
            try (Csv.CsvWriter w = Csv.writer(outTrain)) {
                w.writeRecord(train.header());
                for (int i = 0; i < train.size(); i++) {
                    if (!matchedTrain.contains(i)) {
                        w.writeRecord(train.rows().get(i));
                    }
                }
            }
            out.printf(Locale.ROOT, "training rows without the overlap (%d rows) written to %s%n",
                    train.size() - matchedTrain.size(), outTrain);
        }
        if (outOverlap != null) {
            try (Csv.CsvWriter w = Csv.writer(outOverlap)) {
                w.writeRecord(train.header());
                for (int i : matchedTrain) {
                    w.writeRecord(train.rows().get(i));
                }
            }
            out.printf(Locale.ROOT, "the overlapping training rows (%d rows) written to %s%n", matchedTrain.size(),
                    outOverlap);
        }
        if (outUnseen != null) {
            try (Csv.CsvWriter w = Csv.writer(outUnseen)) {
                w.writeRecord(sample.header());
                for (int s : unseen) {
                    w.writeRecord(sample.rows().get(s));
                }
            }
            out.printf(Locale.ROOT, "unseen sample messages (%d rows) written to %s%n", unseen.size(), outUnseen);
        }
    }

    private static void info(Map<String, String> o, PrintStream out) throws IOException, UsageException {
        Path modelFile = inputFile(o, "model");
        TextClassifier clf = ModelFile.read(modelFile);
        out.println("model file      " + modelFile + " (" + Files.size(modelFile) + " bytes, format version "
                + ModelFile.FORMAT_VERSION + ")");
        out.println("labels          " + clf.labels());
        out.println("features        " + clf.featureCount());
        out.print(clf.info().describe());
    }
}
