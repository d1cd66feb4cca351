package io.swiftresponse.open311;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The answers to a service's questions (and the photo link) as lines appended to the order's description, so the
 * agents, dispatchers and units who read the order see what the app asked, not only the Open311 table. List answers
 * are shown by their names, not their keys.
 */
final class AttributeAnswers {

    /** Starts the appended block; Open311 readers get the description as the client sent it ({@link #withoutAnswers}). */
    static final String HEADING = "\n\n【应用提交的补充信息】";

    private AttributeAnswers() {
    }

    static String withoutAnswers(String text) {
        int at = text == null ? -1 : text.lastIndexOf(HEADING);
        return at < 0 ? text : text.substring(0, at);
    }

    static String appendTo(String text, Map<String, Object> answers, List<Question> questions, String mediaUrl) {
        if (answers.isEmpty() && mediaUrl == null) return text;
        StringBuilder b = new StringBuilder(text).append(HEADING);
        for (Question q : questions) {
            Object answer = answers.get(q.code());
            if (answer == null) continue;
            List<String> values = answer instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(answer));
            b.append('\n').append(q.description()).append('：').append(values.stream().map(v -> shown(q, v)).collect(Collectors.joining("、")));
        }
        if (mediaUrl != null) b.append("\n照片：").append(mediaUrl);
        return b.toString();
    }

    private static String shown(Question q, String value) {
        if (!q.isList()) return value;
        return q.values().stream().filter(v -> v.key().equals(value)).map(Question.Value::name).findFirst().orElse(value);
    }
}
