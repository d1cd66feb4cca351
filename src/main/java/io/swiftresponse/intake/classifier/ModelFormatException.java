package io.swiftresponse.intake.classifier;

import java.io.IOException;

/** A model file that cannot be read: not a model file, an unsupported format version, truncated or corrupted. */
public class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
