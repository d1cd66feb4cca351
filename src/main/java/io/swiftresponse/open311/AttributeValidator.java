package io.swiftresponse.open311;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks submitted {@code attribute[CODE]} values against a service definition; every failure names the attribute. */
final class AttributeValidator {

    private AttributeValidator() {
    }

    /** The values to keep, by code: a string for single values, a list for multivaluelist. */
    static Map<String, Object> validate(Map<String, List<String>> submitted, List<Question> questions) {
        Map<String, Question> byCode = questions.stream().collect(Collectors.toMap(Question::code, q -> q));
        for (String code : submitted.keySet()) {
            Question q = byCode.get(code);
            if (q == null || !q.variable()) {
                throw Open311Exception.badRequest("attribute[" + shorten(code) + "] is not an attribute of this service.");
            }
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Question q : questions) {
            if (!q.variable()) continue;
            List<String> values = submitted.getOrDefault(q.code(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).toList();
            String name = "attribute[" + q.code() + "]";
            if (values.isEmpty()) {
                if (q.required()) throw Open311Exception.badRequest(name + " is required (" + q.description() + ").");
                continue;
            }
            if (!q.datatype().equals("multivaluelist") && values.size() > 1) {
                throw Open311Exception.badRequest(name + " takes one value.");
            }
            Set<String> keys = q.values().stream().map(Question.Value::key).collect(Collectors.toSet());
            for (String v : values) {
                check(q, name, v, keys);
            }
            kept.put(q.code(), q.datatype().equals("multivaluelist") ? values : values.get(0));
        }
        return kept;
    }

    private static void check(Question q, String name, String v, Set<String> keys) {
        switch (q.datatype()) {
            case "number" -> {
                try {
                    new BigDecimal(v.trim());
                } catch (NumberFormatException e) {
                    throw Open311Exception.badRequest(name + " must be a number.");
                }
            }
            case "datetime" -> {
                try {
                    OffsetDateTime.parse(v.trim());
                } catch (DateTimeParseException e) {
                    throw Open311Exception.badRequest(name + " must be an ISO 8601 datetime with offset, e.g. 2026-11-29T10:00:00+08:00.");
                }
            }
            case "singlevaluelist", "multivaluelist" -> {
                if (!keys.contains(v)) {
                    throw Open311Exception.badRequest(name + " must be one of the keys " + keys.stream().sorted().toList() + ".");
                }
            }
            case "string" -> {
                if (v.length() > 500) throw Open311Exception.badRequest(name + " is longer than 500 characters.");
            }
            default -> {
                if (v.length() > 4000) throw Open311Exception.badRequest(name + " is longer than 4,000 characters.");
            }
        }
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
