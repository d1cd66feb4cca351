package io.swiftresponse.shared.web;

import java.io.IOException;

/** Raised while reading a body that exceeds {@code swift.http.max-body-bytes}; answered with 413. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes.");
    }
}
