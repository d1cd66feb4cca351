package io.swiftresponse.intake.suggest;

import io.swiftresponse.intake.classifier.TextClassifier;
import java.util.Map;

/**
 * The category model being served, or none: {@code READY} with a model, {@code NO_MODEL} (never trained, or
 * the file is missing or corrupt: {@code detail} says which) while suggestions fall back to catalogue keywords.
 *
 * @param sources training rows by source (catalogue, history, feedback) of the served model
 */
public record CategoryModel(Status status, TextClassifier model, String detail, Map<String, Integer> sources) {

    public enum Status { READY, NO_MODEL }

    static CategoryModel none(String detail) {
        return new CategoryModel(Status.NO_MODEL, null, detail, Map.of());
    }

    public String version() {
        return model == null ? "keywords" : model.info().modelVersion();
    }
}
