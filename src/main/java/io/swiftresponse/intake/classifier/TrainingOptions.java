package io.swiftresponse.intake.classifier;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Hyper-parameters and settings of {@link ClassifierTrainer}. Immutable; start from {@link #defaults()}
 * and change what you need with the {@code with…} methods.
 *
 * @param seed             seed of every random choice (example order, folds): same data + seed → same model bytes
 * @param algorithm        the linear model
 * @param c                inverse regularisation strength (larger = less regularisation)
 * @param maxEpochs        maximum passes over the data per binary/multinomial problem
 * @param tolerance        stopping tolerance of the SVM dual coordinate descent (projected-gradient gap)
 * @param balanced         weight classes inversely to their frequency (helps macro-F1)
 * @param minDf            keep features that occur in at least this many training documents
 * @param charMin          smallest character n-gram
 * @param charMax          largest character n-gram
 * @param wordMax          largest word n-gram (0 = no word features)
 * @param wordWeight       share of the squared norm given to the word block (rest: character block)
 * @param removeStopWords  drop HanLP stop words before building features
 * @param keepNumbers      keep multi-digit numbers as tokens
 * @param calibrationFolds folds of the internal cross-validation that fits the confidence temperature
 *                         and gives the out-of-fold evaluation stored in the model (0 or 1 = skip)
 * @param modelVersion     version string stored in the model
 * @param trainedAt        training timestamp stored in the model; null = now (set it for byte-identical rebuilds)
 * @param threads          worker threads for training (0 = number of processors); does not change the result
 * @param neighbours       the nearest-neighbour vote added to the linear scores, with the k and weights to choose
 *                         from on the calibration folds ({@link NeighbourVote#OFF}: none)
 */
public record TrainingOptions(long seed, Algorithm algorithm, double c, int maxEpochs, double tolerance,
                              boolean balanced, int minDf, int charMin, int charMax, int wordMax,
                              float wordWeight, boolean removeStopWords, boolean keepNumbers,
                              int calibrationFolds, String modelVersion, Instant trainedAt, int threads,
                              NeighbourVote neighbours) {

    /** The linear models available. */
    public enum Algorithm {
        /** One-vs-rest L2-regularised squared-hinge linear SVM, dual coordinate descent. */
        SVM,
        /**
         * One-vs-rest squared-hinge SVM on features scaled per class by their naive-Bayes log-count ratio
         * (NB-SVM, Wang &amp; Manning 2012); same model format and prediction cost as {@link #SVM}.
         */
        NBSVM,
        /** Multinomial (softmax) logistic regression, L2-regularised, SGD. */
        LOGISTIC
    }

    public TrainingOptions {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(neighbours, "neighbours");
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c must be a positive number");
        }
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("maxEpochs must be >= 1");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0");
        }
        if (minDf < 1) {
            throw new IllegalArgumentException("minDf must be >= 1");
        }
        if (calibrationFolds < 0 || calibrationFolds > 20) {
            throw new IllegalArgumentException("calibrationFolds must be 0..20");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0");
        }
        if (modelVersion == null || modelVersion.isBlank()) {
            modelVersion = "1";
        }
        new FeatureExtractor.Config(charMin, charMax, wordMax, removeStopWords, keepNumbers, wordWeight);
    }

    /**
     * The defaults, chosen by cross-validated macro-F1 (see docs/classifier.md, "Fifth pass"): NB-SVM with C 0.3
     * plus the neighbour vote, its k, power and weight chosen on 5 calibration folds (models trained on 80 % of
     * the data choose closer to the final model than on 67 %).
     */
    public static TrainingOptions defaults() {
        return new TrainingOptions(42L, Algorithm.NBSVM, 0.3, 60, 0.1, true, 5, 1, 3, 2, 0.5f, true, true,
                5, "1", null, 0, NeighbourVote.DEFAULT);
    }

    /**
     * The defaults until the fifth pass: the plain SVM with C 1, no neighbour vote, 3 calibration folds (the
     * benchmarks' baseline).
     */
    public static TrainingOptions linearDefaults() {
        return defaults().withAlgorithm(Algorithm.SVM).withC(1.0).withNeighbours(NeighbourVote.OFF)
                .withCalibrationFolds(3);
    }

    public TrainingOptions withSeed(long v) {
        return new TrainingOptions(v, algorithm, c, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                wordMax, wordWeight, removeStopWords, keepNumbers, calibrationFolds, modelVersion, trainedAt, threads,
                neighbours);
    }

    public TrainingOptions withAlgorithm(Algorithm v) {
        return new TrainingOptions(seed, v, c, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                wordMax, wordWeight, removeStopWords, keepNumbers, calibrationFolds, modelVersion, trainedAt, threads,
                neighbours);
    }

    public TrainingOptions withC(double v) {
        return new TrainingOptions(seed, algorithm, v, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                wordMax, wordWeight, removeStopWords, keepNumbers, calibrationFolds, modelVersion, trainedAt, threads,
                neighbours);
    }

    public TrainingOptions withMaxEpochs(int v) {
        return new TrainingOptions(seed, algorithm, c, v, tolerance, balanced, minDf, charMin, charMax,
                wordMax, wordWeight, removeStopWords, keepNumbers, calibrationFolds, modelVersion, trainedAt, threads,
                neighbours);
    }

    public TrainingOptions withBalanced(boolean v) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, v, minDf, charMin, charMax,
                wordMax, wordWeight, removeStopWords, keepNumbers, calibrationFolds, modelVersion, trainedAt, threads,
                neighbours);
    }

    public TrainingOptions withMinDf(int v) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, balanced, v, charMin, charMax,
                wordMax, wordWeight, removeStopWords, keepNumbers, calibrationFolds, modelVersion, trainedAt, threads,
                neighbours);
    }

    public TrainingOptions withCharNgrams(int min, int max) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, balanced, minDf, min, max,
                wordMax, wordWeight, removeStopWords, keepNumbers, calibrationFolds, modelVersion, trainedAt, threads,
                neighbours);
    }

    public TrainingOptions withWordMax(int v) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                v, wordWeight, removeStopWords, keepNumbers, calibrationFolds, modelVersion, trainedAt, threads,
                neighbours);
    }

    public TrainingOptions withWordWeight(float v) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                wordMax, v, removeStopWords, keepNumbers, calibrationFolds, modelVersion, trainedAt, threads,
                neighbours);
    }

    public TrainingOptions withRemoveStopWords(boolean v) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                wordMax, wordWeight, v, keepNumbers, calibrationFolds, modelVersion, trainedAt, threads, neighbours);
    }

    public TrainingOptions withKeepNumbers(boolean v) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                wordMax, wordWeight, removeStopWords, v, calibrationFolds, modelVersion, trainedAt, threads,
                neighbours);
    }

    public TrainingOptions withCalibrationFolds(int v) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                wordMax, wordWeight, removeStopWords, keepNumbers, v, modelVersion, trainedAt, threads, neighbours);
    }

    public TrainingOptions withModelVersion(String v) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                wordMax, wordWeight, removeStopWords, keepNumbers, calibrationFolds, v, trainedAt, threads, neighbours);
    }

    public TrainingOptions withTrainedAt(Instant v) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                wordMax, wordWeight, removeStopWords, keepNumbers, calibrationFolds, modelVersion, v, threads,
                neighbours);
    }

    public TrainingOptions withThreads(int v) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                wordMax, wordWeight, removeStopWords, keepNumbers, calibrationFolds, modelVersion, trainedAt, v,
                neighbours);
    }

    public TrainingOptions withNeighbours(NeighbourVote v) {
        return new TrainingOptions(seed, algorithm, c, maxEpochs, tolerance, balanced, minDf, charMin, charMax,
                wordMax, wordWeight, removeStopWords, keepNumbers, calibrationFolds, modelVersion, trainedAt, threads,
                v);
    }

    FeatureExtractor.Config featureConfig() {
        return new FeatureExtractor.Config(charMin, charMax, wordMax, removeStopWords, keepNumbers, wordWeight);
    }

    /** The hyper-parameters that determine the model (recorded in the model file), in a fixed order. */
    public Map<String, String> hyperParameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm.name());
        m.put("c", Double.toString(c));
        m.put("maxEpochs", Integer.toString(maxEpochs));
        m.put("tolerance", Double.toString(tolerance));
        m.put("balanced", Boolean.toString(balanced));
        m.put("minDf", Integer.toString(minDf));
        m.put("charNgrams", charMin + "-" + charMax);
        m.put("wordNgrams", wordMax == 0 ? "none" : "1-" + wordMax);
        m.put("wordWeight", Float.toString(wordWeight));
        m.put("removeStopWords", Boolean.toString(removeStopWords));
        m.put("keepNumbers", Boolean.toString(keepNumbers));
        m.put("calibrationFolds", Integer.toString(calibrationFolds));
        if (neighbours.enabled()) {
            m.put("neighbourK", NeighbourVote.join(neighbours.ks()));
            m.put("neighbourPowers", NeighbourVote.join(neighbours.powers()));
            m.put("neighbourWeights", NeighbourVote.join(neighbours.weights()));
            m.put("neighbourMaxDf", Integer.toString(neighbours.maxDf()));
        }
        m.put("seed", Long.toString(seed));
        return m;
    }
}
