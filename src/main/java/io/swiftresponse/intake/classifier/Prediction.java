package io.swiftresponse.intake.classifier;

import java.util.Objects;

/**
 * A predicted label with its confidence: the calibrated probability (softmax of the linear scores
 * with a temperature fitted on out-of-fold training scores), in [0, 1].
 */
public record Prediction(String label, double confidence) {
    public Prediction {
        Objects.requireNonNull(label, "label");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0,1]: " + confidence);
        }
    }
}
