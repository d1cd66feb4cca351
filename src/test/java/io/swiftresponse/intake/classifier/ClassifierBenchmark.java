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
 *       (feature extraction, 5-fold calibration, final fit);</li>
 *   <li>predictions per second on ONE thread for raw messages (title + body) of about median length:
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
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        TextClassifier model = new ClassifierTrainer().train(train, options);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        double trainCpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ModelFile.write(model, bytes);
        System.out.printf(Locale.ROOT, "training: %d rows, %d features, %.1f s wall, %.1f s CPU (all threads);"
                        + " system load average before: %.2f; model file %.1f MB%n", train.size(), model.featureCount(),
                trainSeconds, trainCpuSeconds, loadBefore, bytes.size() / 1e6);
        System.out.println("options: " + options.hyperParameters());

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
        int perRun = 20_000;
        long sink = 0;
        // warm-up: JIT compilation, HanLP dictionaries
        long warmEnd = System.nanoTime() + 5_000_000_000L;
        int warm = 0;
        while (System.nanoTime() < warmEnd || warm < 20_000) {
            sink += model.predict(texts[warm % texts.length]).label().length();
            warm++;
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] rates = new double[runs];
        double[] cpuRates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            for (int i = 0; i < perRun; i++) {
                sink += model.predict(texts[i % texts.length]).label().length();
            }
            rates[r] = perRun / ((System.nanoTime() - s) / 1e9);
            cpuRates[r] = perRun / ((threads.getCurrentThreadCpuTime() - c) / 1e9);
            System.out.printf(Locale.ROOT, "  run %d: %.0f predictions/s wall clock (%.0f per CPU-second of the thread)%n",
                    r + 1, rates[r], cpuRates[r]);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double[] sortedCpu = cpuRates.clone();
        Arrays.sort(sortedCpu);
        System.out.printf(Locale.ROOT, "single-thread prediction: median %.0f predictions/s wall clock over %d runs of %d"
                + " (%.1f µs per prediction); median %.0f per CPU-second [%d]%n", sorted[runs / 2], runs, perRun,
                1e6 / sorted[runs / 2], sortedCpu[runs / 2], sink % 10);
        System.out.printf(Locale.ROOT, "system load average after: %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "RESULT training_seconds=%.1f training_cpu_seconds=%.1f predictions_per_second=%.0f"
                + " predictions_per_cpu_second=%.0f%n", trainSeconds, trainCpuSeconds, sorted[runs / 2], sortedCpu[runs / 2]);
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }
}
