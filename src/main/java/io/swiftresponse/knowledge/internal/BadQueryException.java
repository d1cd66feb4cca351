package io.swiftresponse.knowledge.internal;

/** The search words cannot be understood (unbalanced quotes or parentheses, a lone operator); carries a hint. */
public class BadQueryException extends RuntimeException {

    public BadQueryException(String message) {
        super(message);
    }
}
