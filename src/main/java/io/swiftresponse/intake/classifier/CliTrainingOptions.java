package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.CliOptions.UsageException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/** The hyper-parameter options shared by {@code train} and {@code cross-validate}. */
final class CliTrainingOptions {

    static final Set<String> NAMES = Set.of("seed", "c", "algorithm", "min-df", "char-ngrams",
            "word-ngrams", "word-weight", "epochs", "balanced", "calibration-folds", "model-version", "trained-at",
            "threads", "stop-words", "numbers");

    private CliTrainingOptions() {
    }

    /** The defaults changed by the options given; {@code SOURCE_DATE_EPOCH} sets trained-at when the option is absent. */
    static TrainingOptions from(CliOptions o) throws UsageException {
        TrainingOptions t = TrainingOptions.defaults();
        try {
            if (o.has("seed")) {
                t = t.withSeed(Long.parseLong(o.get("seed").strip()));
            }
            if (o.has("c")) {
                t = t.withC(Double.parseDouble(o.get("c").strip()));
            }
            if (o.has("algorithm")) {
                t = t.withAlgorithm(algorithm(o.get("algorithm")));
            }
            if (o.has("min-df")) {
                t = t.withMinDf(Integer.parseInt(o.get("min-df").strip()));
            }
            if (o.has("char-ngrams")) {
                String[] p = o.get("char-ngrams").strip().split("-");
                int lo = Integer.parseInt(p[0]);
                int hi = p.length > 1 ? Integer.parseInt(p[1]) : lo;
                t = t.withCharNgrams(lo, hi);
            }
            if (o.has("word-ngrams")) {
                t = t.withWordMax(Integer.parseInt(o.get("word-ngrams").strip()));
            }
            if (o.has("word-weight")) {
                t = t.withWordWeight(Float.parseFloat(o.get("word-weight").strip()));
            }
            if (o.has("epochs")) {
                t = t.withMaxEpochs(Integer.parseInt(o.get("epochs").strip()));
            }
            if (o.has("balanced")) {
                t = t.withBalanced(bool(o.get("balanced"), "balanced"));
            }
            if (o.has("stop-words")) {
                t = t.withRemoveStopWords(bool(o.get("stop-words"), "stop-words"));
            }
            if (o.has("numbers")) {
                t = t.withKeepNumbers(bool(o.get("numbers"), "numbers"));
            }
            if (o.has("calibration-folds")) {
                t = t.withCalibrationFolds(Integer.parseInt(o.get("calibration-folds").strip()));
            }
            if (o.has("threads")) {
                t = t.withThreads(Integer.parseInt(o.get("threads").strip()));
            }
            if (o.has("model-version")) {
                t = t.withModelVersion(o.get("model-version"));
            }
            if (o.has("trained-at")) {
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

    private static TrainingOptions.Algorithm algorithm(String v) throws UsageException {
        for (TrainingOptions.Algorithm a : TrainingOptions.Algorithm.values()) {
            if (a.name().equalsIgnoreCase(v.strip())) {
                return a;
            }
        }
        throw new UsageException("--algorithm must be svm, nbsvm or logistic");
    }

    private static boolean bool(String v, String name) throws UsageException {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new UsageException("--" + name + " must be true or false");
        };
    }
}
