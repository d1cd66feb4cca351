package io.swiftresponse.bench.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * The application's recording, written directly: the same rows and values (work_order, the clocks started at
 * recording in order_deadline, the history entry), one statement per row plus the number, in one transaction.
 */
final class RawInsert {
    static final String ORDER = """
            insert into work_order (number, channel, request_type, category_code, title, description, requester_name,
                requester_phone, requester_confidential, address, lat, lng, street_code, district_code, flags, state,
                tier_code, sla_policy_id, recorded_by, recorded_at, updated_at)
            select ? || lpad(n::text, greatest(5, length(n::text)), '0'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?::varchar[], 'RECEIVED', ?, ?, ?, ?, ?
            from nextval(?::regclass) n
            returning id""";
    static final String DEADLINE = """
            insert into order_deadline (order_id, clock, started_at, due_at, warn_at, escalate_at, provisional, basis)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String HISTORY = """
            insert into order_history (order_id, action, actor, role, unit_code, at, from_state, to_state, reason, details)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    static void record(Connection con, PreparedStatement order, PreparedStatement deadline, PreparedStatement history, Body b,
            String day, String agent) throws SQLException {
        Derived d = b.derived;
        Written w = b.written;
        Instant now = Instant.now();
        Timestamp ts = Timestamp.from(now);
        int i = 1;
        order.setString(i++, day);
        order.setString(i++, b.channel);
        order.setString(i++, b.requestType);
        order.setString(i++, b.categoryCode);
        order.setString(i++, b.title);
        order.setString(i++, b.description);
        order.setString(i++, b.requesterName);
        order.setString(i++, b.phone);
        order.setBoolean(i++, b.confidential);
        order.setString(i++, b.address);
        setDouble(order, i++, b.lat);
        setDouble(order, i++, b.lng);
        order.setString(i++, d.streetCode());
        order.setString(i++, d.districtCode());
        order.setString(i++, "{" + String.join(",", b.flags) + "}");
        order.setString(i++, d.tierCode());
        order.setLong(i++, w.policyId());
        order.setString(i++, agent);
        order.setTimestamp(i++, ts);
        order.setTimestamp(i++, ts);
        order.setString(i, "order_number_" + day);
        long id;
        try (ResultSet rs = order.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        for (Written.Clock c : w.clocks()) {
            i = 1;
            deadline.setLong(i++, id);
            deadline.setString(i++, c.clock());
            deadline.setTimestamp(i++, ts);
            deadline.setTimestamp(i++, Timestamp.from(now.plusMillis(c.dueMillis())));
            deadline.setTimestamp(i++, Timestamp.from(now.plusMillis(c.warnMillis())));
            deadline.setTimestamp(i++, Timestamp.from(now.plusMillis(c.escalateMillis())));
            deadline.setBoolean(i++, c.provisional());
            deadline.setString(i, c.basis());
            deadline.executeUpdate();
        }
        i = 1;
        history.setLong(i++, id);
        history.setString(i++, "record");
        history.setString(i++, agent);
        history.setString(i++, "AGENT");
        history.setNull(i++, Types.VARCHAR);
        history.setTimestamp(i++, ts);
        history.setNull(i++, Types.VARCHAR);
        history.setString(i++, "RECEIVED");
        history.setNull(i++, Types.VARCHAR);
        history.setString(i, w.historyDetails());
        history.executeUpdate();
        con.commit();
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
