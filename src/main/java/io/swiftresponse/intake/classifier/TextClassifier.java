package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A trained linear text classifier. Immutable and thread-safe: one instance can serve concurrent
 * requests. Obtain one from {@link ClassifierTrainer#train} or {@link ModelFile#read}.
 *
 * <p>Input may be raw text (for example a citizen's message title and body) or text already segmented
 * with spaces between words; both go through the same normalisation (see {@link Tokenizer}).
 */
public final class TextClassifier {

    private final List<String> labels;
    private final FeatureExtractor extractor;
    private final Vocabulary vocabulary;
    private final LinearSolver.Weights weights;
    private final double temperature;
    private final TopCalibration calibration;
    private final ModelInfo info;
    private final Vote vote;
    private final double[] prior;

    /**
     * The neighbour vote of a model: {@code weight} × the label shares of similarity^{@code power} over the
     * {@code k} nearest training texts.
     */
    record Vote(NeighbourIndex index, int k, double power, double weight) {
        Vote {
            Objects.requireNonNull(index, "index");
            if (k < 1 || !(weight > 0) || Double.isInfinite(weight) || !(power > 0) || Double.isInfinite(power)) {
                throw new IllegalArgumentException("neighbour vote needs k >= 1, a positive power and weight");
            }
        }
    }

    TextClassifier(List<String> labels, FeatureExtractor extractor, Vocabulary vocabulary,
                   LinearSolver.Weights weights, double temperature, ModelInfo info) {
        this(labels, extractor, vocabulary, weights, temperature, TopCalibration.IDENTITY, info, null);
    }

    TextClassifier(List<String> labels, FeatureExtractor extractor, Vocabulary vocabulary,
                   LinearSolver.Weights weights, double temperature, TopCalibration calibration, ModelInfo info) {
        this(labels, extractor, vocabulary, weights, temperature, calibration, info, null);
    }

    /** {@code vote} may be null: linear scores only. */
    TextClassifier(List<String> labels, FeatureExtractor extractor, Vocabulary vocabulary,
                   LinearSolver.Weights weights, double temperature, TopCalibration calibration, ModelInfo info,
                   Vote vote) {
        this.labels = List.copyOf(labels);
        this.extractor = extractor;
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.temperature = temperature;
        this.calibration = calibration;
        this.info = info;
        this.vote = vote;
        this.prior = prior(this.labels, info);
        if (weights.classes() != labels.size() || weights.w().length != (long) vocabulary.size() * labels.size()) {
            throw new IllegalArgumentException("weights do not match labels and vocabulary");
        }
        if (vote != null && vote.index().features() != vocabulary.size()) {
            throw new IllegalArgumentException("neighbour index does not match the vocabulary");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive");
        }
    }

    /** The labels this model can predict, in model order. */
    public List<String> labels() {
        return labels;
    }

    /** Version, training summary, hyper-parameters and evaluation summary. */
    public ModelInfo info() {
        return info;
    }

    /** Number of features (vocabulary size). */
    public int featureCount() {
        return vocabulary.size();
    }

    /** The most probable label of a text with its confidence. */
    public Prediction predict(String text) {
        return predict(vectorise(text));
    }

    /** The prediction for an already vectorised text (see {@link #vectorise}). */
    Prediction predict(SparseVector x) {
        double[] p = probabilities(x);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return new Prediction(labels.get(best), clamp(p[best]));
    }

    /** The {@code k} most probable labels, most probable first ({@code k} is capped at the label count). */
    public List<Prediction> topK(String text, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1");
        }
        double[] p = probabilities(text);
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i));
        List<Prediction> out = new ArrayList<>(Math.min(k, p.length));
        for (int i = 0; i < Math.min(k, p.length); i++) {
            out.add(new Prediction(labels.get(order[i]), clamp(p[order[i]])));
        }
        return out;
    }

    /**
     * Calibrated probability of every label, in {@link #labels()} order; sums to 1. A text with no feature the model
     * knows (empty, only punctuation, a script the training texts never used) carries no evidence: its probabilities
     * are the labels' shares of the training data, not a confident-looking guess from the biases alone.
     */
    public double[] probabilities(String text) {
        return probabilities(vectorise(text));
    }

    double[] probabilities(SparseVector x) {
        return x.size() == 0 ? prior.clone() : calibration.recalibrate(softmax(scores(x), temperature));
    }

    /** Whether the text has at least one word or character n-gram the model saw in training. */
    public boolean recognises(String text) {
        return vectorise(text).size() > 0;
    }

    /** The text's feature vector under this model; empty when the model knows none of its features. */
    SparseVector vectorise(String text) {
        Objects.requireNonNull(text, "text");
        return extractor.vectorise(text, vocabulary);
    }

    /** The labels' shares of the training rows (uniform if the model does not record them). */
    private static double[] prior(List<String> labels, ModelInfo info) {
        double[] p = new double[labels.size()];
        double total = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = info == null ? 0 : Math.max(0, info.labelCounts().getOrDefault(labels.get(c), 0));
            total += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] = total > 0 ? p[c] / total : 1.0 / p.length;
        }
        return p;
    }

    /** Decision scores (linear scores plus the neighbour vote, if the model has one), in {@link #labels()} order. */
    public double[] scores(String text) {
        return scores(vectorise(text));
    }

    double[] scores(SparseVector x) {
        double[] s = weights.scores(x);
        if (vote != null) {
            double[] shares = vote.index().vote(x, vote.k(), vote.power());
            for (int c = 0; c < s.length; c++) {
                s[c] += vote.weight() * shares[c];
            }
        }
        return s;
    }

    static double[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double z = 0;
        for (int k = 0; k < scores.length; k++) {
            p[k] = Math.exp((scores[k] - max) / temperature);
            z += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= z;
        }
        return p;
    }

    private static double clamp(double p) {
        return p < 0 ? 0 : (p > 1 ? 1 : p);
    }

    // accessors for ModelFile
    FeatureExtractor extractor() {
        return extractor;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    LinearSolver.Weights weights() {
        return weights;
    }

    double temperature() {
        return temperature;
    }

    TopCalibration calibration() {
        return calibration;
    }

    /** The neighbour vote, or null. */
    Vote vote() {
        return vote;
    }
}
