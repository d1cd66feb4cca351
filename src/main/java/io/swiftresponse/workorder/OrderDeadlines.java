package io.swiftresponse.workorder;

import static io.swiftresponse.workorder.WorkOrderRepository.ts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the deadline watch (sla module) needs from orders: claim a batch of clocks that reached their
 * warning point, their deadline or their escalation point, and mark them.
 * Claiming uses {@code FOR UPDATE SKIP LOCKED} and marks only unmarked rows, so with several application
 * instances on one database every mark (and so every notification) happens exactly once. Each mark writes
 * a history entry by "system" in the same transaction; overdue opens supervision (督办) on the order.
 * Paused orders are skipped: their clocks are stopped.
 * <p>
 * Claim, mark, history and supervision are ONE statement per batch (data-modifying CTEs): the history rows are
 * written by {@code INSERT … SELECT} inside the server instead of a JDBC batch of thousands of parameter sets, and
 * the batch costs one round trip. That is what brings a sweep of 10,000 overdue clocks under a second
 * (docs/benchmarks.md, "Deadline sweep").
 */
@Service
public class OrderDeadlines {

    public static final String SYSTEM = "system";

    /** %1$s claim condition, %2$s order, %3$s column to mark, %4$s extra CTEs (supervision). */
    private static final String CLAIM = """
            with claimed as (
                select d.order_id, d.clock from order_deadline d join work_order o on o.id = d.order_id
                where d.met_at is null and not d.cancelled and o.paused_at is null and %1$s
                order by %2$s limit ? for update of d skip locked),
            marked as (
                update order_deadline d set %3$s = ? from claimed c where d.order_id = c.order_id and d.clock = c.clock
                returning d.order_id, d.clock, d.due_at, d.overdue_at),
            claimed_orders as (
                select m.order_id, o.number, m.clock, m.due_at, m.overdue_at, o.sla_policy_id, o.lead_unit_code,
                       o.copy_unit_code, o.state,
                       to_char(m.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as due_text
                from marked m join work_order o on o.id = m.order_id),
            history as (
                insert into order_history (order_id, action, actor, role, unit_code, at, from_state, to_state, reason, details)
                select order_id, ?, 'system', 'SYSTEM', null, ?, state, state, format(?, clock, due_text),
                       jsonb_build_object('clock', clock, 'dueAt', due_text)
                from claimed_orders)%4$s
            select order_id, number, clock, due_at, overdue_at, sla_policy_id, lead_unit_code, copy_unit_code, state
            from claimed_orders""";

    /**
     * The order's supervision flag; a statement updates a row at most once, hence {@code distinct}. The columns it
     * changes are not indexed, so with the table's fillfactor (V9) the update is usually HOT: no new index entries.
     */
    private static final String SUPERVISE = """
            ,
            supervised as (
                update work_order o set supervised = true, updated_at = ?, version = o.version + 1
                from (select distinct order_id from claimed_orders) c where o.id = c.order_id and not o.supervised)""";

    private final JdbcClient jdbc;

    OrderDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueClock> claimWarnings(Instant now, int limit) {
        return claim("d.warned_at is null and d.warn_at <= ? and d.due_at > ?", "d.warn_at", "warned_at", false, now, limit,
                "deadline-warning", "the warning point of the %s deadline %s was reached", ts(now), ts(now));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueClock> claimOverdue(Instant now, int limit) {
        return claim("d.overdue_at is null and d.due_at <= ?", "d.due_at", "overdue_at", true, now, limit,
                "deadline-overdue", "the %s deadline %s passed: supervision opened automatically", ts(now));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueClock> claimEscalations(Instant now, int limit) {
        return claim("d.overdue_at is not null and d.escalated_at is null and d.escalate_at <= ?", "d.escalate_at",
                "escalated_at", false, now, limit, "supervision-escalated",
                "the %s deadline %s is still overdue: escalated to the hotline supervisors", ts(now));
    }

    private List<DueClock> claim(String condition, String orderBy, String column, boolean supervise, Instant now, int limit,
            String action, String reason, Timestamp... conditionParams) {
        Timestamp at = ts(now);
        List<Object> params = new java.util.ArrayList<>(List.of((Object[]) conditionParams));
        params.addAll(List.of(limit, at, action, at, reason));
        if (supervise) params.add(at);
        return jdbc.sql(String.format(CLAIM, condition, orderBy, column, supervise ? SUPERVISE : ""))
                .params(params)
                .query((rs, i) -> new DueClock(rs.getLong(1), rs.getString(2), DeadlineClock.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getLong(6), rs.getString(7), rs.getString(8), WorkOrderState.valueOf(rs.getString(9))))
                .list();
    }
}
