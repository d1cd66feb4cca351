package io.swiftresponse.shared.web;

import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.Map;

/**
 * The problem details of the API are English, but Bean Validation interpolates its built-in messages in the request's
 * locale, which for this Chinese-first application is zh-CN unless a browser asked for English: a client got
 * "weeks: 最小不能小于1" inside an English problem. Built-in constraints are therefore described here, in English, from
 * the constraint's own attributes; a constraint that carries its own message keeps it.
 */
final class ConstraintMessages {

    private static final String BUILT_IN = "{jakarta.validation.constraints.";

    private ConstraintMessages() {
    }

    /** The English message of a violation, or {@code fallback} for custom messages and constraints not listed here. */
    static String of(ConstraintViolation<?> violation, String fallback) {
        String template = violation.getMessageTemplate();
        if (template == null || !template.startsWith(BUILT_IN)) {
            return fallback;
        }
        Map<String, Object> a = violation.getConstraintDescriptor().getAttributes();
        String type = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (type) {
            case "NotNull" -> "is required";
            case "NotBlank" -> "must not be blank";
            case "NotEmpty" -> "must not be empty";
            case "Null" -> "must not be given";
            case "Size" -> size(a, violation.getInvalidValue());
            case "Min" -> "must be at least " + a.get("value");
            case "Max" -> "must be at most " + a.get("value");
            case "DecimalMin" -> (Boolean.FALSE.equals(a.get("inclusive")) ? "must be greater than " : "must be at least ")
                    + a.get("value");
            case "DecimalMax" -> (Boolean.FALSE.equals(a.get("inclusive")) ? "must be less than " : "must be at most ")
                    + a.get("value");
            case "Positive" -> "must be greater than 0";
            case "PositiveOrZero" -> "must be 0 or more";
            case "Negative" -> "must be less than 0";
            case "NegativeOrZero" -> "must be 0 or less";
            case "Pattern" -> "has the wrong format";
            case "Email" -> "must be an e-mail address";
            case "Digits" -> "must be a number with at most " + a.get("integer") + " integer and " + a.get("fraction")
                    + " fraction digits";
            case "Past" -> "must be in the past";
            case "PastOrPresent" -> "must not be in the future";
            case "Future" -> "must be in the future";
            case "FutureOrPresent" -> "must not be in the past";
            case "AssertTrue" -> "must be true";
            case "AssertFalse" -> "must be false";
            default -> fallback;
        };
    }

    private static String size(Map<String, Object> a, Object value) {
        String unit = value instanceof CharSequence ? " characters" : value instanceof Collection<?> || value instanceof Map<?, ?>
                || (value != null && value.getClass().isArray()) ? " items" : "";
        Object min = a.get("min");
        Object max = a.get("max");
        boolean noMin = min instanceof Integer i && i <= 0;
        boolean noMax = max instanceof Integer i && i == Integer.MAX_VALUE;
        if (noMin) {
            return "must be at most " + max + unit + " long";
        }
        if (noMax) {
            return "must be at least " + min + unit + " long";
        }
        return "must be " + min + " to " + max + unit + " long";
    }
}
