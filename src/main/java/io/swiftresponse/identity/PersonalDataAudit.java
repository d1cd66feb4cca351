package io.swiftresponse.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The append-only record of every reveal of personal data. */
@Service
public class PersonalDataAudit {

    private final JdbcClient jdbc;

    PersonalDataAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(CurrentUser user, long orderId, String field, String purpose, Instant at) {
        jdbc.sql("insert into personal_data_access (username, role, order_id, field, purpose, at) values (?, ?, ?, ?, ?, ?)")
                .params(user.username(), user.role().name(), orderId, field, purpose, Timestamp.from(at))
                .update();
    }

    public List<Access> forOrder(long orderId) {
        return jdbc.sql("select username, role, field, purpose, at from personal_data_access where order_id = ? order by id")
                .param(orderId)
                .query((rs, i) -> new Access(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public record Access(String username, String role, String field, String purpose, Instant at) {
    }
}
