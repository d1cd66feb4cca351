package io.swiftresponse.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeValidatorTests {

    static final List<Question.Value> KINDS = List.of(new Question.Value("a", "A"), new Question.Value("b", "B"));
    static final List<Question> QUESTIONS = List.of(
            new Question("temp", true, "number", true, "", 1, "Temperature", List.of()),
            new Question("when", true, "datetime", false, "", 2, "When", List.of()),
            new Question("kind", true, "singlevaluelist", false, "", 3, "Kind", KINDS),
            new Question("kinds", true, "multivaluelist", false, "", 4, "Kinds", KINDS),
            new Question("note", false, "text", false, "", 5, "Read me", List.of()));

    @Test
    void keepsValidValuesSingleAsTextMultiAsList() {
        Map<String, Object> kept = AttributeValidator.validate(Map.of("temp", List.of("12.5"), "when",
                List.of("2026-11-29T10:00:00+08:00"), "kind", List.of("a"), "kinds", List.of("a", "b")), QUESTIONS);
        assertThat(kept).containsExactly(Map.entry("temp", "12.5"), Map.entry("when", "2026-11-29T10:00:00+08:00"),
                Map.entry("kind", "a"), Map.entry("kinds", List.of("a", "b")));
    }

    @Test
    void namesTheAttributeAtFault() {
        assertThatThrownBy(() -> AttributeValidator.validate(Map.of(), QUESTIONS)).hasMessageContaining("attribute[temp] is required");
        assertThatThrownBy(() -> AttributeValidator.validate(Map.of("temp", List.of("warm")), QUESTIONS))
                .hasMessageContaining("attribute[temp] must be a number");
        assertThatThrownBy(() -> AttributeValidator.validate(Map.of("temp", List.of("1"), "when", List.of("2026-11-29")), QUESTIONS))
                .hasMessageContaining("attribute[when]");
        assertThatThrownBy(() -> AttributeValidator.validate(Map.of("temp", List.of("1"), "kind", List.of("a", "b")), QUESTIONS))
                .hasMessageContaining("attribute[kind] takes one value");
        assertThatThrownBy(() -> AttributeValidator.validate(Map.of("temp", List.of("1"), "kinds", List.of("a", "z")), QUESTIONS))
                .hasMessageContaining("attribute[kinds] must be one of the keys [a, b]");
        assertThatThrownBy(() -> AttributeValidator.validate(Map.of("temp", List.of("1"), "note", List.of("x")), QUESTIONS))
                .as("an informational attribute is not submitted").hasMessageContaining("attribute[note] is not an attribute");
    }
}
