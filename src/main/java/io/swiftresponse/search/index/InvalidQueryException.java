package io.swiftresponse.search.index;

/** A search text that cannot be run, with a hint a person can act on. */
public class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String hint) {
        super(hint);
    }
}
