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

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Delivers many messages in one statement: the arrays travel as five parameters and PostgreSQL unnests them. A JDBC
     * batch would reach the server as one INSERT per row (the driver rewrites batches into multi-row statements only with
     * {@code reWriteBatchedInserts}), and a deadline sweep sends 20,000 of them on the cores the sweep itself needs
     * (docs/benchmarks.md, "Deadlines").
     */
    void send(List<Message> messages) {
        if (messages.isEmpty()) return;
        int n = messages.size();
        String[] kinds = new String[n], recipients = new String[n], types = new String[n], texts = new String[n];
        Long[] orders = new Long[n];
        for (int i = 0; i < n; i++) {
            Message m = messages.get(i);
            kinds[i] = m.recipientKind();
            recipients[i] = m.recipient();
            orders[i] = m.orderId();
            types[i] = m.kind();
            texts[i] = m.message();
        }
        jdbc.sql("""
                insert into notification (recipient_kind, recipient, order_id, kind, message, created_at)
                select recipient_kind, recipient, order_id, kind, message, ?
                from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[])
                    as m (recipient_kind, recipient, order_id, kind, message)""")
                .params(Timestamp.from(clock.instant()), kinds, recipients, orders, types, texts)
                .update();
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
