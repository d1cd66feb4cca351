package io.swiftresponse.intake.classifier;

import java.util.Objects;

/** A training or evaluation example: a text (raw or pre-segmented) and its label. */
public record LabelledText(String text, String label) {
    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
