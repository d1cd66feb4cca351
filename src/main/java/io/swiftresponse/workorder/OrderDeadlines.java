package io.swiftresponse.workorder;

import static io.swiftresponse.workorder.WorkOrderRepository.ts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the deadline watch (sla module) needs from orders: the clocks that are due, and marking them
 * warned, overdue (which supervises the order automatically) or escalated. Each mark is idempotent (only
 * the first caller wins, so two watches never notify twice) and writes a history entry by "system".
 * Paused orders are skipped: their clocks are stopped.
 */
@Service
public class OrderDeadlines {

    public static final String SYSTEM = "system";

    private static final String DUE = """
            select d.order_id, o.number, d.clock, d.due_at, d.overdue_at, o.sla_policy_id, o.lead_unit_code,
                   o.copy_unit_code, o.state
            from order_deadline d join work_order o on o.id = d.order_id
            where d.met_at is null and not d.cancelled and o.paused_at is null and %s
            order by %s limit ?""";

    private final JdbcClient jdbc;
    private final WorkOrderRepository orders;

    OrderDeadlines(JdbcClient jdbc, WorkOrderRepository orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    public List<DueClock> reachedWarning(Instant now, int limit) {
        return due("d.warned_at is null and d.warn_at <= ? and d.due_at > ?", "d.warn_at", limit, ts(now), ts(now));
    }

    @Transactional(readOnly = true)
    public List<DueClock> passedDeadline(Instant now, int limit) {
        return due("d.overdue_at is null and d.due_at <= ?", "d.due_at", limit, ts(now));
    }

    /** Overdue and not yet escalated, oldest first; the caller applies each policy's escalation delay. */
    @Transactional(readOnly = true)
    public List<DueClock> overdueNotEscalated(Instant overdueBefore, int limit) {
        return due("d.overdue_at is not null and d.escalated_at is null and d.overdue_at <= ?", "d.overdue_at", limit,
                ts(overdueBefore));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markWarned(DueClock c, Instant now) {
        if (!mark("warned_at", c, now)) return false;
        history(c, "deadline-warning", now, "warning point of the " + c.clock() + " deadline " + c.dueAt() + " reached");
        return true;
    }

    /** Marks the clock overdue and opens automatic supervision (督办) of the order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markOverdue(DueClock c, Instant now) {
        if (!mark("overdue_at", c, now)) return false;
        jdbc.sql("update work_order set supervised = true, updated_at = ?, version = version + 1 where id = ?")
                .params(ts(now), c.orderId())
                .update();
        history(c, "deadline-overdue", now, c.clock() + " deadline " + c.dueAt() + " passed: supervision opened automatically");
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markEscalated(DueClock c, Instant now) {
        if (!mark("escalated_at", c, now)) return false;
        history(c, "supervision-escalated", now, c.clock() + " still overdue since " + c.overdueAt()
                + ": escalated to the hotline supervisors");
        return true;
    }

    private boolean mark(String column, DueClock c, Instant now) {
        return jdbc.sql("update order_deadline set " + column + " = ? where order_id = ? and clock = ? and " + column
                        + " is null and met_at is null and not cancelled")
                .params(ts(now), c.orderId(), c.clock().name())
                .update() == 1;
    }

    private void history(DueClock c, String action, Instant now, String reason) {
        orders.appendHistory(c.orderId(), action, SYSTEM, "SYSTEM", null, now, c.state(), c.state(), reason,
                Map.of("clock", c.clock().name(), "dueAt", c.dueAt().toString()));
    }

    private List<DueClock> due(String condition, String orderBy, int limit, Object... params) {
        Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
        all[params.length] = limit;
        return jdbc.sql(String.format(DUE, condition, orderBy))
                .params(all)
                .query((rs, i) -> new DueClock(rs.getLong(1), rs.getString(2), DeadlineClock.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getLong(6), rs.getString(7), rs.getString(8), WorkOrderState.valueOf(rs.getString(9))))
                .list();
    }
}
