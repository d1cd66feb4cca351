package io.swiftresponse.intake.learning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every suggestion answered, so the agent's later choice can be compared with it. */
@Component
public class SuggestionLog {

    /** A stored suggestion: the top category and unit as shown. */
    public record Logged(UUID id, Instant at, String text, String topCategory, String unitCode, String modelVersion) {
    }

    /** One of the top categories as stored. */
    public record Ranked(String code, double confidence) {
    }

    private final JdbcClient jdbc;

    SuggestionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, Instant at, String actor, String text, String modelVersion, boolean unsure, List<Ranked> top,
            String unitCode, String streetCode) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < top.size(); i++) {
            if (i > 0) json.append(',');
            json.append(String.format(java.util.Locale.ROOT, "{\"code\":\"%s\",\"confidence\":%.4f}", top.get(i).code(),
                    top.get(i).confidence()));
        }
        json.append(']');
        jdbc.sql("""
                insert into intake_suggestion (id, at, actor, text, model_version, unsure, top_category, top_confidence,
                    categories, unit_code, street_code) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
                .params(id, Timestamp.from(at), actor, text, modelVersion, unsure, top.isEmpty() ? null : top.get(0).code(),
                        top.isEmpty() ? null : top.get(0).confidence(), json.toString(), unitCode, streetCode)
                .update();
    }

    public Optional<Logged> find(UUID id) {
        return jdbc.sql("select id, at, text, top_category, unit_code, model_version from intake_suggestion where id = ?")
                .param(id)
                .query((rs, i) -> new Logged(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional();
    }
}
