package io.swiftresponse.workorder;

import static io.swiftresponse.workorder.WorkOrderRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order_deadline rows: one per (order, clock). */
@Repository
class DeadlineRepository {

    private final JdbcClient jdbc;

    DeadlineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * (Re)starts a clock: a restarted clock forgets that it was met. The watch's marks (deadline_mark) are keyed by the
     * points they mark, so new points are watched afresh.
     */
    void start(long orderId, DeadlineClock clock, Instant start, DeadlinePolicy.Due due) {
        jdbc.sql("""
                insert into order_deadline (order_id, clock, started_at, due_at, warn_at, escalate_at, provisional, basis)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (order_id, clock) do update set started_at = excluded.started_at, due_at = excluded.due_at,
                    warn_at = excluded.warn_at, escalate_at = excluded.escalate_at, provisional = excluded.provisional,
                    basis = excluded.basis, met_at = null,
                    cancelled = false""")
                .params(orderId, clock.name(), ts(start), ts(due.dueAt()), ts(due.warnAt()), ts(due.escalateAt()), due.provisional(),
                        due.basis())
                .update();
    }

    /** Moves a running clock (extension, pause); the new points are watched afresh (marks are keyed by their point). */
    void move(long orderId, DeadlineClock clock, DeadlinePolicy.Due due) {
        jdbc.sql("""
                update order_deadline set due_at = ?, warn_at = ?, escalate_at = ?, provisional = ?, basis = ?
                where order_id = ? and clock = ?""")
                .params(ts(due.dueAt()), ts(due.warnAt()), ts(due.escalateAt()), due.provisional(), due.basis(), orderId, clock.name())
                .update();
    }

    void meet(long orderId, DeadlineClock clock, Instant at) {
        jdbc.sql("update order_deadline set met_at = ? where order_id = ? and clock = ? and met_at is null and not cancelled")
                .params(ts(at), orderId, clock.name())
                .update();
    }

    void cancel(long orderId, DeadlineClock clock) {
        jdbc.sql("update order_deadline set cancelled = true where order_id = ? and clock = ? and met_at is null")
                .params(orderId, clock.name())
                .update();
    }

    List<Row> forOrder(long orderId) {
        return jdbc.sql("select * from order_deadline where order_id = ? order by started_at, clock")
                .param(orderId)
                .query(DeadlineRepository::map)
                .list();
    }

    /** The clocks of a page of orders in one query. */
    java.util.Map<Long, List<Row>> forOrders(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("select * from order_deadline where order_id = any(?) order by started_at, clock")
                .param(orderIds.toArray(Long[]::new))
                .query(DeadlineRepository::map)
                .list()
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(Row::orderId));
    }

    List<Row> running(long orderId) {
        return forOrder(orderId).stream().filter(Row::running).toList();
    }

    static Row map(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("order_id"), DeadlineClock.valueOf(rs.getString("clock")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("warn_at")), rs.getBoolean("provisional"),
                rs.getString("basis"), instant(rs.getTimestamp("met_at")), rs.getBoolean("cancelled"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    record Row(long orderId, DeadlineClock clock, Instant startedAt, Instant dueAt, Instant warnAt, boolean provisional,
            String basis, Instant metAt, boolean cancelled) {

        boolean running() {
            return metAt == null && !cancelled;
        }
    }
}
