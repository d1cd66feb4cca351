package io.swiftresponse.intake.classifier;

import io.swiftresponse.shared.csv.CsvReader;
import io.swiftresponse.shared.csv.CsvTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the text classifier on the shared Teddy Cup 2020 data (not a unit test: run its main).
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.swiftresponse.intake.classifier.ClassifierBenchmark [-Dexec.args="--runs 7"]
 * </pre>
 *
 * Reads {@code ../shared/data/teddy2020c/train_segmented.csv} and {@code sample_raw_labeled.csv} (relative
 * to the working directory; override with {@code --data DIR}) and prints
 * <ul>
 *   <li>the wall-clock time to train on all rows with the default options, as {@code classifier train} does
 *       (feature extraction, 3-fold calibration with the neighbour vote's choice, final fit), and with the
 *       previous defaults ({@link TrainingOptions#linearDefaults()}, the BASELINE of the same run);</li>
 *   <li>predictions per second on ONE thread for raw messages (title + body) of about median length, for the
 *       default model, the same model without its neighbour vote, and the baseline, interleaved run by run:
 *       warm-up first, then the median of several timed runs.</li>
 * </ul>
 */
public final class ClassifierBenchmark {

    private ClassifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data/teddy2020c");
        int runs = 5;
        TrainingOptions options = TrainingOptions.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--algorithm" -> options = options.withAlgorithm(TrainingOptions.Algorithm.valueOf(args[++i]));
                default -> {
                    System.err.println("usage: ClassifierBenchmark [--data DIR] [--runs N] [--algorithm SVM|NBSVM|LOGISTIC]");
                    System.exit(2);
                }
            }
        }
        Path trainFile = data.resolve("train_segmented.csv");
        Path rawFile = data.resolve("sample_raw_labeled.csv");
        for (Path p : List.of(trainFile, rawFile)) {
            if (!Files.isRegularFile(p)) {
                System.err.println("ClassifierBenchmark: missing data file " + p.toAbsolutePath().normalize()
                        + " (the benchmark needs the shared Teddy Cup data; see ../shared/data/README.md)");
                System.exit(2);
            }
        }
        System.out.printf(Locale.ROOT, "java %s, %d available processors, max heap %d MiB%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        CsvTable t = CsvReader.readTable(trainFile);
        int[] text = t.resolveColumns("text");
        int[] label = t.resolveColumns("label");
        List<LabelledText> train = new ArrayList<>(t.size());
        for (List<String> row : t.rows()) {
            train.add(new LabelledText(CsvTable.join(row, text), row.get(label[0]).strip()));
        }

        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Trained current = Trained.of(train, options);
        Trained previous = Trained.of(train, TrainingOptions.linearDefaults());
        System.out.printf(Locale.ROOT, "system load average before training: %.2f%n", loadBefore);
        for (Trained m : List.of(current, previous)) {
            System.out.printf(Locale.ROOT, "training %s: %d rows, %d features, %.1f s wall, %.1f s CPU (all threads);"
                            + " model file %.1f MB; options %s; chosen: %s%n", m == current ? "CURRENT" : "BASELINE",
                    train.size(), m.model().featureCount(), m.seconds(), m.cpuSeconds(), m.fileBytes() / 1e6,
                    m.options().hyperParameters(), m.model().info().evaluation().getOrDefault("neighbourVote", "-"));
        }
        TextClassifier model = current.model();
        // the same model without its neighbour vote: the difference is exactly the cost of the neighbour search
        TextClassifier linearPart = new TextClassifier(model.labels(), model.extractor(), model.vocabulary(),
                model.weights(), model.temperature(), model.calibration(), model.info(), null);

        CsvTable raw = CsvReader.readTable(rawFile);
        int[] rawText = raw.resolveColumns("留言主题+留言详情");
        List<String> messages = new ArrayList<>();
        for (List<String> row : raw.rows()) {
            messages.add(CsvTable.join(row, rawText));
        }
        int[] lengths = messages.stream().mapToInt(String::length).sorted().toArray();
        int median = lengths[lengths.length / 2];
        List<String> medianLength = new ArrayList<>();
        for (String m : messages) {
            if (m.length() >= median * 0.8 && m.length() <= median * 1.2) {
                medianLength.add(m);
            }
        }
        System.out.printf(Locale.ROOT, "prediction texts: %d raw messages (title + body) of %d-%d characters"
                + " (median length of all %d raw messages: %d)%n", medianLength.size(),
                (int) (median * 0.8), (int) (median * 1.2), messages.size(), median);

        String[] texts = medianLength.toArray(new String[0]);
        List<String> names = List.of("CURRENT", "CURRENT without its neighbour vote", "BASELINE");
        List<TextClassifier> models = List.of(model, linearPart, previous.model());
        long sink = 0;
        for (TextClassifier m : models) { // warm-up: JIT compilation, HanLP dictionaries
            long warmEnd = System.nanoTime() + 5_000_000_000L;
            for (int warm = 0; System.nanoTime() < warmEnd || warm < 20_000; warm++) {
                sink += m.predict(texts[warm % texts.length]).label().length();
            }
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int perRun = 20_000;
        double[][] rates = new double[models.size()][runs];
        double[][] cpuRates = new double[models.size()][runs];
        for (int r = 0; r < runs; r++) {
            for (int v = 0; v < models.size(); v++) { // interleaved, so that load changes hit every variant alike
                TextClassifier m = models.get(v);
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                for (int i = 0; i < perRun; i++) {
                    sink += m.predict(texts[i % texts.length]).label().length();
                }
                rates[v][r] = perRun / ((System.nanoTime() - s) / 1e9);
                cpuRates[v][r] = perRun / ((threads.getCurrentThreadCpuTime() - c) / 1e9);
                System.out.printf(Locale.ROOT, "  run %d %s: %.0f predictions/s wall clock (%.0f per CPU-second)%n",
                        r + 1, names.get(v), rates[v][r], cpuRates[v][r]);
            }
        }
        double[] medians = new double[models.size()];
        for (int v = 0; v < models.size(); v++) {
            medians[v] = median(rates[v]);
            System.out.printf(Locale.ROOT, "single-thread prediction, %s: median %.0f predictions/s wall clock over %d"
                    + " runs of %d (%.1f µs per prediction); median %.0f per CPU-second%n", names.get(v), medians[v],
                    runs, perRun, 1e6 / medians[v], median(cpuRates[v]));
        }
        System.out.printf(Locale.ROOT, "system load average after: %.2f [%d]%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), sink % 10);
        System.out.printf(Locale.ROOT, "RESULT training_seconds=%.1f training_cpu_seconds=%.1f predictions_per_second=%.0f"
                + " predictions_per_cpu_second=%.0f baseline_training_seconds=%.1f baseline_predictions_per_second=%.0f%n",
                current.seconds(), current.cpuSeconds(), medians[0], median(cpuRates[0]), previous.seconds(), medians[2]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A model trained for the benchmark with its training time and file size. */
    private record Trained(TrainingOptions options, TextClassifier model, double seconds, double cpuSeconds,
                           long fileBytes) {
        static Trained of(List<LabelledText> train, TrainingOptions options) throws java.io.IOException {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            TextClassifier model = new ClassifierTrainer().train(train, options);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            ModelFile.write(model, bytes);
            return new Trained(options, model, seconds, cpuSeconds, bytes.size());
        }
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }
}
