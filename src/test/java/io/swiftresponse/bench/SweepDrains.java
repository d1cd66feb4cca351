package io.swiftresponse.bench;

import io.swiftresponse.sla.DeadlineAlerts;
import io.swiftresponse.workorder.DeadlineClock;
import io.swiftresponse.workorder.DueClock;
import io.swiftresponse.workorder.OrderDeadlines;
import io.swiftresponse.workorder.WorkOrderState;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The overdue claim outside the watch: EXPLAIN (ANALYZE, BUFFERS) of it, and replicas of one drain on ONE backend with a
 * timestamp around each step (statement, event publication, commit), for the claim as OrderDeadlines builds it now and
 * for the BASELINE, the claim of V23 (until 2026-11-29 night), on the same data in the same run.
 */
final class SweepDrains {

    /**
     * BASELINE: the overdue claim of V23 as OrderDeadlines built it before the shares and before V24: the same marks and
     * history, the supervision flag set on every overdue order (a random page written per order), every due clock claimed
     * by one backend; run with the history's foreign key put back ({@link #HISTORY_KEY}).
     */
    static final String BASELINE = """
            with due as (
                select d.order_id, d.clock, d.due_at as point, d.due_at from order_deadline d
                where d.met_at is null and not d.cancelled and d.due_at <= ?
                  and not exists (select from deadline_mark m
                                  where m.kind = 'OVERDUE' and m.point = d.due_at and m.order_id = d.order_id and m.clock = d.clock)
                  and exists (select from work_order o where o.id = d.order_id and o.paused_at is null)
                order by d.due_at, d.order_id, d.clock limit ?),
            marked as (
                insert into deadline_mark (kind, point, order_id, clock, marked_at)
                select 'OVERDUE', point, order_id, clock, ? from due order by point, order_id, clock
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
                from claimed_orders),
            supervised as (
                update work_order o set supervised = true, version = o.version + 1
                from (select distinct order_id from claimed_orders) c where o.id = c.order_id and not o.supervised)
            select order_id, number, clock, due_at, sla_policy_id, lead_unit_code, copy_unit_code, state
            from claimed_orders""";

    /**
     * The foreign key order_history had until V24 (its check locks the order's row): put back for the BASELINE only, NOT
     * VALID (new rows are checked, as before; the existing ones are not re-read), and taken away after it.
     */
    static final String HISTORY_KEY = "alter table order_history add constraint order_history_order_id_fkey foreign key (order_id)"
            + " references work_order (id) not valid";

    /** The BASELINE drain as production ran it until V24: the V23 claim (supervision update included) and the history's key. */
    double baseline(String title) throws Exception {
        jdbc.execute(HISTORY_KEY);
        try {
            return profile(BASELINE, title, params(false));
        } finally {
            jdbc.execute("alter table order_history drop constraint order_history_order_id_fkey");
        }
    }

    static final String REASON = "the %s deadline %s passed: supervision opened automatically";

    final ConfigurableApplicationContext ctx;
    final JdbcTemplate jdbc;
    final DataSource dataSource;
    final SweepData data;
    final SweepMeter meter;
    final Instant now;

    SweepDrains(ConfigurableApplicationContext ctx, SweepData data, SweepMeter meter) {
        this.ctx = ctx;
        this.jdbc = data.jdbc;
        this.dataSource = ctx.getBean(DataSource.class);
        this.data = data;
        this.meter = meter;
        this.now = data.now;
    }

    /** The overdue claim exactly as OrderDeadlines builds it (its CLAIM template, read by reflection). */
    static String claimSql() throws Exception {
        return String.format(template("CLAIM"), "OVERDUE", "due_at", "");
    }

    static String template(String name) throws Exception {
        Field f = OrderDeadlines.class.getDeclaredField(name);
        f.setAccessible(true);
        return (String) f.get(null);
    }

    /** The overdue claim's parameters as SQL literals: due condition, [share: of, index,] limit, mark time, action, history time, reason. */
    static String[] literals(String now, boolean shared) {
        List<String> v = new ArrayList<>(List.of(now));
        if (shared) v.addAll(List.of("1", "0"));
        v.addAll(List.of("2000", now, "'deadline-overdue'", now, "'" + REASON + "'"));
        return v.toArray(String[]::new);
    }

    Object[] params(boolean shared) {
        Timestamp ts = Timestamp.from(now);
        List<Object> v = new ArrayList<>(List.of(ts));
        if (shared) v.addAll(List.of(1, 0));
        v.addAll(List.of(2000, ts, "deadline-overdue", ts, REASON));
        return v.toArray();
    }

    /** EXPLAIN (ANALYZE, BUFFERS, WAL) of the overdue claim as the watch runs it, the BASELINE, and with index scans off (rolled back). */
    void explain(int expected) throws Exception {
        String lit = "timestamptz '" + now + "'";
        String claim = bind(claimSql(), literals(lit, true));
        double with = explain("EXPLAIN (ANALYZE, BUFFERS) of the overdue claim (custom plan, as the watch runs it, one share of one)",
                List.of(), claim);
        double generic = explain("the same as a generic plan (what a server-prepared statement may switch to)", List.of(
                "set local plan_cache_mode = force_generic_plan", "prepare claim(timestamptz) as " + bind(claimSql(), literals("$1", true))),
                "execute claim(" + lit + ")");
        explain("BASELINE: the claim of V23 (no shares), with order_history's foreign key as before V24", List.of(HISTORY_KEY),
                bind(BASELINE, literals(lit, false)));
        double without = explain("the claim with index scans off (enable_indexscan = off, enable_bitmapscan = off; cancelled after 60 s)",
                List.of("set local enable_indexscan = off", "set local enable_bitmapscan = off", "set local statement_timeout = '60s'"), claim);
        int claims = expected / 2000 + 1;
        System.out.printf("%nclaim of 2000 clocks: %.1f ms with the partial index (generic plan %.1f ms), %.1f ms without it: the index"
                + " makes the claim %.0fx faster; the %d claims of one sweep would take about %.0f ms without it%n", with, generic, without,
                without / with, claims, without * claims);
    }

    double explain(String title, List<String> setup, String sql) throws Exception {
        System.out.println("\n" + title + ":");
        List<String> plan;
        try {
            plan = plan(setup, sql);
        } catch (java.sql.SQLException e) {
            System.out.println("  " + e.getMessage());
            return Double.NaN;
        }
        plan.forEach(l -> System.out.println("  " + l));
        return executionMs(plan);
    }

    List<String> plan(List<String> setup, String sql) throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                for (String set : setup) s.execute(set);
                try (ResultSet rs = s.executeQuery("explain (analyze, buffers, wal) " + sql)) {
                    while (rs.next()) plan.add(rs.getString(1));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        return plan;
    }

    static double executionMs(List<String> plan) {
        return plan.stream().filter(l -> l.startsWith("Execution Time:"))
                .mapToDouble(l -> Double.parseDouble(l.replaceAll("[^0-9.]", ""))).findFirst().orElse(Double.NaN);
    }

    /** Replaces the ?s, in order, by the given SQL text. */
    static String bind(String sql, String... values) {
        StringBuilder b = new StringBuilder();
        int from = 0;
        for (String v : values) {
            int q = sql.indexOf('?', from);
            b.append(sql, from, q).append(v);
            from = q + 1;
        }
        return b.append(sql.substring(from)).toString();
    }

    /**
     * A replica of DeadlineWatch's overdue drain with a timestamp around each step (the statement, the event publication,
     * the commit); the event and the transaction manager are the real ones. Returns the drain's wall time in ms.
     */
    double profile(String claim, String title, Object[] params) throws Exception {
        data.restore();
        long pg0 = meter.pgCpuMs();
        String wal0 = meter.walLsn();
        PlatformTransactionManager tm = ctx.getBean(PlatformTransactionManager.class);
        String[] steps = {"begin", "claim statement", "event publication", "commit"};
        double[] ms = new double[steps.length];
        int batches = 0, total = 0, size;
        long start = System.nanoTime();
        do {
            long[] t = new long[steps.length + 1];
            t[0] = System.nanoTime();
            TransactionStatus tx = tm.getTransaction(new DefaultTransactionDefinition());
            t[1] = System.nanoTime();
            List<DueClock> batch = jdbc.query(claim, (rs, i) -> new DueClock(rs.getLong("order_id"), rs.getString("number"),
                    DeadlineClock.valueOf(rs.getString("clock")), rs.getTimestamp("due_at").toInstant(), now, rs.getLong("sla_policy_id"),
                    rs.getString("lead_unit_code"), rs.getString("copy_unit_code"), WorkOrderState.valueOf(rs.getString("state"))), params);
            t[2] = System.nanoTime();
            if (!batch.isEmpty()) {
                ctx.publishEvent(new DeadlineAlerts(DeadlineAlerts.Kind.OVERDUE, now, batch.stream().map(c -> new DeadlineAlerts.Alert(
                        c.orderId(), c.number(), c.clock(), c.dueAt(), c.leadUnitCode(), c.copyUnitCode())).toList()));
            }
            t[3] = System.nanoTime();
            tm.commit(tx);
            t[4] = System.nanoTime();
            for (int s = 0; s < steps.length; s++) ms[s] += (t[s + 1] - t[s]) / 1e6;
            batches++;
            total += size = batch.size();
        } while (size == 2000);
        double all = (System.nanoTime() - start) / 1e6;
        System.out.printf("%n%s: %d clocks in %d transactions, %.0f ms%n", title, total, batches, all);
        for (int s = 0; s < steps.length; s++) System.out.printf("  %-20s %7.1f ms  %4.1f %%%n", steps[s], ms[s], 100 * ms[s] / all);
        System.out.printf("  PostgreSQL CPU %d ms, WAL %.0f MB%n", meter.pgCpuMs() - pg0, meter.walMbSince(wal0));
        long[] listener = data.awaitNotifications(data.count("select count(*) from notification"), System.nanoTime());
        System.out.printf("  (the notifier ran alongside; its last row came %.0f ms after the replica)%n", listener[1] / 1e6);
        return all;
    }
}
