package io.swiftresponse.intake.classifier;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a model file records about itself: its version, when and from what it was trained, with which
 * hyper-parameters, and (if available) how it scored.
 *
 * @param modelVersion    free-form version string
 * @param trainedAt       ISO-8601 instant
 * @param trainingRows    number of training examples
 * @param labelCounts     training examples per label, in the model's label order
 * @param seed            random seed used for training
 * @param hyperParameters hyper-parameters, in a fixed order
 * @param evaluation      evaluation summary (for example out-of-fold macro-F1), possibly empty
 * @param tokenizer       description of the tokenizer the features were built with
 */
public record ModelInfo(String modelVersion, String trainedAt, int trainingRows, Map<String, Integer> labelCounts,
                        long seed, Map<String, String> hyperParameters, Map<String, String> evaluation,
                        String tokenizer) {
    public ModelInfo {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(trainedAt, "trainedAt");
        Objects.requireNonNull(tokenizer, "tokenizer");
        labelCounts = Collections.unmodifiableMap(new LinkedHashMap<>(labelCounts));
        hyperParameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperParameters));
        evaluation = Collections.unmodifiableMap(new LinkedHashMap<>(evaluation));
    }

    /** A multi-line human-readable description. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("model version   ").append(modelVersion).append('\n');
        sb.append("trained at      ").append(trainedAt).append('\n');
        sb.append("training rows   ").append(trainingRows).append('\n');
        sb.append("label counts    ").append(labelCounts).append('\n');
        sb.append("seed            ").append(seed).append('\n');
        sb.append("hyper-params    ").append(hyperParameters).append('\n');
        sb.append("tokenizer       ").append(tokenizer).append('\n');
        if (!evaluation.isEmpty()) {
            sb.append("evaluation      ").append(evaluation).append('\n');
        }
        return sb.toString();
    }
}
