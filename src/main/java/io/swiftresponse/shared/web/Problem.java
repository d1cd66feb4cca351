package io.swiftresponse.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure a client can act on, rendered as RFC 9457 problem details with a stable {@code type}.
 * Thrown by façades and controllers; never carries internals such as SQL or stack traces.
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public Problem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static Problem notFound(String what) {
        return new Problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist or is outside your data scope.");
    }

    public static Problem invalidField(String field, String message) {
        return new Problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field", field + ": " + message)
                .with("field", field);
    }

    public static Problem forbidden(String detail) {
        return new Problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    public static Problem conflict(String type, String detail) {
        return new Problem(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    public Problem with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
