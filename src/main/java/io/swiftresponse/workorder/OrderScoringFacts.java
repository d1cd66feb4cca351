package io.swiftresponse.workorder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access for evaluation: one primary-key lookup per order, no personal data. */
@Service
public class OrderScoringFacts {

    private final JdbcClient jdbc;

    OrderScoringFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ScoringFacts> of(long orderId) {
        return jdbc.sql("""
                select o.id, o.state, o.reopen_count, o.lead_unit_code, o.co_unit_codes, d.due_at, d.met_at
                from work_order o left join order_deadline d on d.order_id = o.id and d.clock = 'REPLY'
                where o.id = :id""")
                .param("id", orderId)
                .query((rs, i) -> new ScoringFacts(rs.getLong(1), WorkOrderState.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getString(4), List.of((String[]) rs.getArray(5).getArray()), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7))))
                .optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
