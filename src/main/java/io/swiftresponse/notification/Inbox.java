package io.swiftresponse.notification;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.shared.web.Problem;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app inbox. A user sees what is addressed to them, to their unit and to their role; a message to a
 * unit or role is read once for all of them, like a shared mailbox.
 */
@Service
public class Inbox {

    private static final String MINE = "((recipient_kind = 'USER' and recipient = :user) or (recipient_kind = 'UNIT' and recipient = :unit)"
            + " or (recipient_kind = 'ROLE' and recipient = :role))";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    Inbox(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** Delivers many messages as one JDBC batch. */
    void send(List<Message> messages) {
        Timestamp now = Timestamp.from(clock.instant());
        template.batchUpdate("insert into notification (recipient_kind, recipient, order_id, kind, message, created_at) values (?, ?, ?, ?, ?, ?)",
                messages, 500, (ps, m) -> {
                    ps.setString(1, m.recipientKind());
                    ps.setString(2, m.recipient());
                    ps.setObject(3, m.orderId());
                    ps.setString(4, m.kind());
                    ps.setString(5, m.message());
                    ps.setTimestamp(6, now);
                });
    }

    record Message(String recipientKind, String recipient, Long orderId, String kind, String message) {
    }

    public List<Notification> of(CurrentUser user, boolean unreadOnly, int limit) {
        return jdbc.sql("select * from notification where " + MINE + (unreadOnly ? " and read_at is null" : "")
                        + " order by id desc limit :limit")
                .param("user", user.username())
                .param("unit", user.unitCode() == null ? "" : user.unitCode())
                .param("role", user.role().name())
                .param("limit", limit)
                .query((rs, i) -> new Notification(rs.getLong("id"), rs.getString("recipient_kind"), rs.getString("recipient"),
                        (Long) rs.getObject("order_id"), rs.getString("kind"), rs.getString("message"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("delivery"),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant(), rs.getString("read_by")))
                .list();
    }

    @Transactional
    public void markRead(long id, CurrentUser user) {
        int n = jdbc.sql("update notification set read_at = coalesce(read_at, :now), read_by = coalesce(read_by, :user) where id = :id and " + MINE)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .param("user", user.username())
                .param("unit", user.unitCode() == null ? "" : user.unitCode())
                .param("role", user.role().name())
                .update();
        if (n == 0) throw Problem.notFound("Notification " + id);
    }
}
