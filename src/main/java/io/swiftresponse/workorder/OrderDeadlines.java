package io.swiftresponse.workorder;

import static io.swiftresponse.workorder.WorkOrderRepository.ts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the deadline watch (sla module) needs from orders: claim a batch of clocks that reached their
 * warning point, their deadline or their escalation point, and mark them, in one statement each.
 * Claiming uses {@code FOR UPDATE SKIP LOCKED} and marks only unmarked rows, so with several application
 * instances on one database every mark (and so every notification) happens exactly once. Each mark writes
 * a history entry by "system" in the same transaction; overdue opens supervision (督办) on the order.
 * Paused orders are skipped: their clocks are stopped.
 */
@Service
public class OrderDeadlines {

    public static final String SYSTEM = "system";

    private static final String CLAIM = """
            with claimed as (
                select d.order_id, d.clock from order_deadline d join work_order o on o.id = d.order_id
                where d.met_at is null and not d.cancelled and o.paused_at is null and %1$s
                order by %2$s limit ? for update of d skip locked),
            marked as (
                update order_deadline d set %3$s = ? from claimed c where d.order_id = c.order_id and d.clock = c.clock
                returning d.order_id, d.clock, d.due_at, d.overdue_at)
            select m.order_id, o.number, m.clock, m.due_at, m.overdue_at, o.sla_policy_id, o.lead_unit_code,
                   o.copy_unit_code, o.state
            from marked m join work_order o on o.id = m.order_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    OrderDeadlines(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueClock> claimWarnings(Instant now, int limit) {
        List<DueClock> claimed = claim("d.warned_at is null and d.warn_at <= ? and d.due_at > ?", "d.warn_at", "warned_at",
                now, limit, ts(now), ts(now));
        history(claimed, "deadline-warning", now, "the warning point of the %s deadline %s was reached");
        return claimed;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueClock> claimOverdue(Instant now, int limit) {
        List<DueClock> claimed = claim("d.overdue_at is null and d.due_at <= ?", "d.due_at", "overdue_at", now, limit, ts(now));
        if (!claimed.isEmpty()) {
            jdbc.sql("update work_order set supervised = true, updated_at = ?, version = version + 1 where id = any(?) and not supervised")
                    .params(ts(now), claimed.stream().map(DueClock::orderId).distinct().toArray(Long[]::new))
                    .update();
        }
        history(claimed, "deadline-overdue", now, "the %s deadline %s passed: supervision opened automatically");
        return claimed;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueClock> claimEscalations(Instant now, int limit) {
        List<DueClock> claimed = claim("d.overdue_at is not null and d.escalated_at is null and d.escalate_at <= ?",
                "d.escalate_at", "escalated_at", now, limit, ts(now));
        history(claimed, "supervision-escalated", now, "the %s deadline %s is still overdue: escalated to the hotline supervisors");
        return claimed;
    }

    private List<DueClock> claim(String condition, String orderBy, String column, Instant now, int limit, Object... params) {
        Object[] all = new Object[params.length + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = limit;
        all[params.length + 1] = ts(now);
        return jdbc.sql(String.format(CLAIM, condition, orderBy, column))
                .params(all)
                .query((rs, i) -> new DueClock(rs.getLong(1), rs.getString(2), DeadlineClock.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getLong(6), rs.getString(7), rs.getString(8), WorkOrderState.valueOf(rs.getString(9))))
                .list();
    }

    /** One history entry per marked clock, written as one JDBC batch. */
    private void history(List<DueClock> marked, String action, Instant now, String reason) {
        if (marked.isEmpty()) return;
        Timestamp at = ts(now);
        template.batchUpdate("""
                insert into order_history (order_id, action, actor, role, unit_code, at, from_state, to_state, reason, details)
                values (?, ?, 'system', 'SYSTEM', null, ?, ?, ?, ?, ?::jsonb)""", marked, 500, (ps, c) -> {
            ps.setLong(1, c.orderId());
            ps.setString(2, action);
            ps.setTimestamp(3, at);
            ps.setString(4, c.state().name());
            ps.setString(5, c.state().name());
            ps.setString(6, String.format(reason, c.clock(), c.dueAt()));
            ps.setString(7, "{\"clock\":\"" + c.clock() + "\",\"dueAt\":\"" + c.dueAt() + "\"}");
        });
    }
}
