package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.CliOptions.UsageException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The hyper-parameter options shared by {@code train} and {@code cross-validate}. */
final class CliTrainingOptions {

    static final Set<String> NAMES = Set.of("seed", "c", "algorithm", "min-df", "char-ngrams",
            "word-ngrams", "word-weight", "epochs", "balanced", "calibration-folds", "model-version", "trained-at",
            "threads", "stop-words", "numbers", "neighbours", "neighbour-powers", "neighbour-weights",
            "neighbour-max-df");

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
            t = t.withNeighbours(neighbours(o, t.neighbours()));
            boolean asked = o.has("neighbours") || o.has("neighbour-powers") || o.has("neighbour-weights");
            if (asked && t.neighbours().enabled() && t.neighbours().needsChoice()
                    && t.calibrationFolds() < 2) {
                throw new UsageException("the neighbour vote's k, power and weight are chosen on the calibration folds:"
                        + " use --calibration-folds 2 or more, or give one k, one power and one weight");
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

    /**
     * {@code --neighbours off|K[,K…]}, {@code --neighbour-powers P[,P…]}, {@code --neighbour-weights W[,W…]},
     * {@code --neighbour-max-df N}: a
     * neighbour option switches the vote on with the default grid for what it does not give.
     */
    private static NeighbourVote neighbours(CliOptions o, NeighbourVote current) throws UsageException {
        if (o.has("neighbours") && o.get("neighbours").strip().equalsIgnoreCase("off")) {
            if (o.has("neighbour-powers") || o.has("neighbour-weights") || o.has("neighbour-max-df")) {
                throw new UsageException("--neighbours off cannot be combined with other neighbour options");
            }
            return NeighbourVote.OFF;
        }
        if (!o.has("neighbours") && !o.has("neighbour-powers") && !o.has("neighbour-weights")
                && !o.has("neighbour-max-df")) {
            return current;
        }
        NeighbourVote base = current.enabled() ? current : NeighbourVote.DEFAULT;
        List<Integer> ks = o.has("neighbours")
                ? list(o.get("neighbours"), "neighbours").stream().map(Integer::parseInt).toList() : base.ks();
        List<Double> powers = o.has("neighbour-powers")
                ? list(o.get("neighbour-powers"), "neighbour-powers").stream().map(Double::parseDouble).toList()
                : base.powers();
        List<Double> weights = o.has("neighbour-weights")
                ? list(o.get("neighbour-weights"), "neighbour-weights").stream().map(Double::parseDouble).toList()
                : base.weights();
        int maxDf = o.has("neighbour-max-df") ? Integer.parseInt(o.get("neighbour-max-df").strip()) : base.maxDf();
        return new NeighbourVote(ks, powers, weights, maxDf);
    }

    private static List<String> list(String v, String name) throws UsageException {
        List<String> items = Arrays.stream(v.split(",")).map(String::strip).toList();
        if (items.isEmpty() || items.stream().anyMatch(String::isEmpty)) {
            throw new UsageException("--" + name + " must be a comma-separated list of numbers");
        }
        return items;
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
