package io.swiftresponse.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a citizen may see of an order when they give its number and the last four digits of the phone it was
 * recorded with: its state and the dates of its steps, nothing personal, nobody else's data. A wrong pair
 * answers exactly like a missing order, so the page cannot be used to probe numbers.
 */
@Service
public class PublicTracking {

    private final JdbcClient jdbc;

    PublicTracking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Tracked(String number, String categoryCode, WorkOrderState state, Instant recordedAt, List<Step> steps) {
    }

    public record Step(String action, WorkOrderState toState, Instant at) {
    }

    public Optional<Tracked> find(String number, String phoneLastFour) {
        if (number == null || phoneLastFour == null || !phoneLastFour.matches("\\d{4}")) {
            return Optional.empty();
        }
        return jdbc.sql("select id, number, category_code, state, recorded_at, requester_phone from work_order where number = ?")
                .param(number)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)})
                .optional()
                .filter(r -> r[5] != null && ((String) r[5]).endsWith(phoneLastFour))
                .map(r -> new Tracked((String) r[1], (String) r[2], WorkOrderState.valueOf((String) r[3]), (Instant) r[4],
                        steps((Long) r[0])));
    }

    private List<Step> steps(long orderId) {
        // state changes only: who acted and what they wrote stay inside the hotline
        return jdbc.sql("select action, to_state, at from order_history where order_id = ? and (from_state is null "
                        + "or from_state <> to_state) order by id")
                .param(orderId)
                .query((rs, i) -> new Step(rs.getString(1), WorkOrderState.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
