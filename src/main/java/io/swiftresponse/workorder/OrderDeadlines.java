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
 * A mark is a row of {@code deadline_mark} keyed by (kind, the point reached, order, clock); the claim inserts it with
 * {@code ON CONFLICT DO NOTHING} and goes on with the rows it inserted only, so with several application instances on
 * one database every mark (and so every notification) happens exactly once: a second instance waits for the first
 * one's transaction and then finds its marks taken. Each mark writes a history entry by "system" in the same
 * transaction. An OVERDUE mark is the order's automatic supervision (督办): readers derive "supervised" from it
 * ({@code OrderRow.SUPERVISED}, V24), so the sweep writes no row of work_order. Paused orders are skipped: their clocks
 * are stopped.
 * <p>
 * Why it is built this way (docs/benchmarks.md, "Deadlines"): the cost of a sweep is the random pages it writes, each
 * a full-page image in the WAL after a checkpoint. So the claim only READS order_deadline (an index-only scan of the
 * running clocks anti-joined with the marks), the marks go to adjacent pages of a narrow table (their key starts with
 * the point), history is one {@code INSERT … SELECT} without a foreign-key check (whose row lock would write the order's
 * page, V24), supervision is the mark itself, and claim, mark and history are one statement per batch: the only pages
 * a sweep writes are the marks', the history's and their indexes' last pages.
 */
@Service
public class OrderDeadlines {

    public static final String SYSTEM = "system";

    /** Which part of the due clocks a worker claims: those whose order id is {@code index} modulo {@code of}. */
    public record Share(int index, int of) {
        public static final Share ALL = new Share(0, 1);

        public Share {
            if (of < 1 || index < 0 || index >= of) throw new IllegalArgumentException("share " + index + " of " + of);
        }
    }

    /**
     * %1$s the kind, %2$s the index column of the point, %3$s extra condition.
     * Candidates are taken in the order of the marks' key, so concurrent instances insert in the same order and cannot
     * deadlock on each other's marks. {@code order_id % of = index} splits the due clocks between the watch's workers
     * (disjoint batches claimed in parallel on separate connections); any split is safe, the marks' key decides.
     * {@code offset 0} keeps the mark lookups as one primary-key probe per candidate: as a join, the planner merged the
     * candidates with ALL marks of the kind (kept forever), so a pass cost in proportion to every mark ever written
     * (1 s for 1,000,000 past warnings; docs/benchmarks.md, "Deadlines").
     */
    private static final String CLAIM = """
            with due as (
                select d.order_id, d.clock, d.%2$s as point, d.due_at from order_deadline d
                where d.met_at is null and not d.cancelled and d.%2$s <= ?%3$s and d.order_id %% ? = ?
                  and not exists (select from deadline_mark m
                                  where m.kind = '%1$s' and m.point = d.%2$s and m.order_id = d.order_id and m.clock = d.clock
                                  offset 0)
                  and exists (select from work_order o where o.id = d.order_id and o.paused_at is null)
                order by d.%2$s, d.order_id, d.clock limit ?),
            marked as (
                insert into deadline_mark (kind, point, order_id, clock, marked_at)
                select '%1$s', point, order_id, clock, ? from due order by point, order_id, clock
                on conflict do nothing
                returning order_id, clock, point),
            claimed_orders as (
                select m.order_id, o.number, m.clock, d.due_at, o.sla_policy_id, o.lead_unit_code, o.copy_unit_code, o.state,
                       to_char(d.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as due_text
                from marked m join due d on d.order_id = m.order_id and d.clock = m.clock join work_order o on o.id = m.order_id),
            history as (
                insert into order_history (order_id, action, actor, role, unit_code, at, from_state, to_state, reason, details)
                select order_id, ?, 'system', 'SYSTEM', null, ?, state, state, format(?, clock, due_text),
                       jsonb_build_object('clock', clock, 'dueAt', due_text)
                from claimed_orders)
            select order_id, number, clock, due_at, sla_policy_id, lead_unit_code, copy_unit_code, state
            from claimed_orders""";

    /** The claim's transaction settings (see {@link #claim}); read by the plan test too. */
    static final String BATCH_SETTINGS = "select set_config('synchronous_commit', 'off', true), set_config('enable_seqscan', 'off', true)";

    private final JdbcClient jdbc;

    OrderDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueClock> claimWarnings(Instant now, Share share, int limit) {
        // "is true" keeps due_at out of the index conditions: with it the planner may walk order_deadline_due_idx over
        // every clock not yet due (990,000 heap fetches for an empty pass on the benchmark's data) instead of the
        // warning index up to now, which carries due_at for this filter
        return claim("WARNING", "warn_at", " and (d.due_at > ?) is true", now, share, limit, "deadline-warning",
                "the warning point of the %s deadline %s was reached", ts(now));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueClock> claimOverdue(Instant now, Share share, int limit) {
        return claim("OVERDUE", "due_at", "", now, share, limit, "deadline-overdue",
                "the %s deadline %s passed: supervision opened automatically");
    }

    /** Escalates only what was marked overdue (the overdue pass of the same scan runs first). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueClock> claimEscalations(Instant now, Share share, int limit) {
        return claim("ESCALATED", "escalate_at", """

                  and exists (select from deadline_mark o
                              where o.kind = 'OVERDUE' and o.point = d.due_at and o.order_id = d.order_id and o.clock = d.clock
                              offset 0)""",
                now, share, limit, "supervision-escalated", "the %s deadline %s is still overdue: escalated to the hotline supervisors");
    }

    static String claimSql(String kind, String point, String condition) {
        return String.format(CLAIM, kind, point, condition);
    }

    private List<DueClock> claim(String kind, String point, String condition, Instant now, Share share,
            int limit, String action, String reason, Timestamp... conditionParams) {
        // a batch's commit need not wait for the disk: if the server crashes before the WAL reaches it, the whole batch
        // (marks, history, event publication) is gone together and the next pass marks the same clocks again; anything
        // that acts on the batch afterwards (the notifier) commits durably, which flushes the WAL up to this batch first.
        // No sequential scans in the claim: planned while deadline_mark is empty or tiny (a new installation), a probe of
        // the marks by sequential scan per candidate looks cheap and makes a large first pass quadratic (5-100 s seen in
        // the benchmark); the indexes cover every step of the claim (DeadlineClaimPlanIntegrationTests)
        jdbc.sql(BATCH_SETTINGS).query().singleRow();
        Timestamp at = ts(now);
        List<Object> params = new java.util.ArrayList<>();
        params.add(at);
        params.addAll(List.of((Object[]) conditionParams));
        params.addAll(List.of(share.of(), share.index(), limit, at, action, at, reason));
        return jdbc.sql(claimSql(kind, point, condition))
                .params(params)
                .query((rs, i) -> new DueClock(rs.getLong(1), rs.getString(2), DeadlineClock.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), "OVERDUE".equals(kind) ? now : null, rs.getLong(5), rs.getString(6),
                        rs.getString(7), WorkOrderState.valueOf(rs.getString(8))))
                .list();
    }
}
