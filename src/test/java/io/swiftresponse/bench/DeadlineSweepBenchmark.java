package io.swiftresponse.bench;

import io.swiftresponse.SwiftResponseApplication;
import io.swiftresponse.sla.DeadlineAlerts;
import io.swiftresponse.sla.DeadlineWatch;
import io.swiftresponse.workorder.DeadlineClock;
import io.swiftresponse.workorder.DueClock;
import io.swiftresponse.workorder.OrderDeadlines;
import io.swiftresponse.workorder.WorkOrderState;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * One deadline sweep over N open orders of which a few percent are overdue, on the embedded PostgreSQL, in-process.
 * Bulk-loads orders and clocks with {@code generate_series}, then times {@link DeadlineWatch#scan} (one warm-up run, then
 * the median of several runs; the marks are put back by UPDATE + VACUUM between runs), the notification listener after
 * commit, EXPLAIN (ANALYZE, BUFFERS) of the claim with and without its partial index, a replica of one drain with a
 * timestamp around each step (statement, event publication, commit), and as the BASELINE of the same run the previous
 * design (marks as columns of order_deadline, V6 to V22) on the same data, its schema put back after the timed runs. CPU time of the JVM and
 * of the PostgreSQL processes is reported next to wall time, because the cores may be shared with other work.
 *
 * <pre>java -cp ... io.swiftresponse.bench.DeadlineSweepBenchmark [--orders 1000000] [--due-percent 1] [--runs 5]
 *     [--met-clocks 3] [--fillfactor 90] [--shared-buffers 1GB] [--keep true]</pre>
 * {@code --fillfactor} is a what-if: work_order (85 since V9) is rewritten with this fillfactor; free space on a page lets the sweep's update of
 * the supervision flag be HOT (no new entries in the table's nine indexes); {@code --shared-buffers} runs the same
 * embedded server with another buffer cache (the application's is fixed at 128MB) and pg_stat_statements, and points the
 * application at it; the server time of each statement over the timed runs is then printed.
 */
public final class DeadlineSweepBenchmark {

    /** Whether order_deadline has been switched to the previous design's schema (marks in its own columns). */
    boolean previousSchema;

    final ConfigurableApplicationContext ctx;
    final JdbcTemplate jdbc;
    final DataSource dataSource;
    final Path pidFile;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int a = 0; a + 1 < args.length; a += 2) opt.put(args[a].replaceFirst("^--", ""), args[a + 1]);
        Path dir = Files.createTempDirectory("swift-sweep-");
        long t = System.nanoTime();
        // swift.sla.scheduling=false does not stop the watch's @Scheduled method: spring-modulith-moments' auto-configuration
        // enables scheduling anyway (the list printed below), so the first scheduled scan is pushed a day away as well
        List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--swift.data-dir=" + dir, "--swift.demo.enabled=true",
                "--swift.sla.scheduling=false", "--logging.level.root=WARN", "--swift.sla.scan-initial-delay=PT24H"));
        EmbeddedPostgres own = null;
        if (opt.containsKey("shared-buffers")) {
            // what-if: the same zonky server and settings as DatabaseConfiguration's, but another shared_buffers; the
            // application uses it as an external database
            own = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", opt.get("shared-buffers")).setServerConfig("synchronous_commit", "on")
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
            appArgs.addAll(List.of("--spring.datasource.url=" + own.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres"));
            System.out.println("WHAT-IF: own embedded PostgreSQL with shared_buffers=" + opt.get("shared-buffers") + " and pg_stat_statements");
        }
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SwiftResponseApplication.class).run(appArgs.toArray(String[]::new));
        System.out.printf("context up in %.1f s, data in %s%nscheduled tasks although swift.sla.scheduling=false: %s%n",
                (System.nanoTime() - t) / 1e9, dir, ctx.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                        .flatMap(h -> h.getScheduledTasks().stream()).map(Object::toString).toList());
        try {
            new DeadlineSweepBenchmark(ctx, dir).run(Integer.parseInt(opt.getOrDefault("orders", "1000000")),
                    Double.parseDouble(opt.getOrDefault("due-percent", "1")), Integer.parseInt(opt.getOrDefault("runs", "5")),
                    Integer.parseInt(opt.getOrDefault("met-clocks", "3")), Integer.parseInt(opt.getOrDefault("fillfactor", "100")));
        } finally {
            ctx.close();
            if (own != null) own.close();
            if (!Boolean.parseBoolean(opt.getOrDefault("keep", "false"))) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    DeadlineSweepBenchmark(ConfigurableApplicationContext ctx, Path dir) {
        this.ctx = ctx;
        this.jdbc = ctx.getBean(JdbcTemplate.class);
        this.dataSource = ctx.getBean(DataSource.class);
        this.pidFile = dir.resolve("postgres").resolve("postmaster.pid");
    }

    void run(int orders, double duePercent, int runs, int metClocks, int fillfactor) throws Exception {
        int step = (int) Math.round(100 / duePercent);
        int expected = (orders + step - 1) / step;
        load(orders, step, metClocks);
        if (fillfactor < 100) {
            long t = System.nanoTime();
            jdbc.execute("alter table work_order set (fillfactor = " + fillfactor + ")");
            jdbc.execute("vacuum full analyze work_order");
            System.out.printf("WHAT-IF: work_order rewritten with fillfactor %d in %.1f s, now %s%n", fillfactor,
                    (System.nanoTime() - t) / 1e9, size("work_order"));
        }
        DeadlineWatch watch = ctx.getBean(DeadlineWatch.class);
        List<double[]> results = new ArrayList<>();
        boolean statements = jdbc.queryForObject("show shared_preload_libraries", String.class).contains("pg_stat_statements");
        if (statements) jdbc.execute("create extension if not exists pg_stat_statements");
        for (int r = 0; r <= runs; r++) {
            restore();
            long claimable = count("select count(*) from order_deadline where met_at is null and not cancelled"
                    + " and due_at <= '" + now + "'");
            long n0 = count("select count(*) from notification");
            List<Long> hot0 = hot();
            String wal0 = jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
            if (statements && r == 1) jdbc.execute("select pg_stat_statements_reset()");
            long jvm0 = os.getProcessCpuTime(), pg0 = pgCpuMs(), t0 = System.nanoTime();
            DeadlineWatch.Result result = watch.scan(now);
            long t1 = System.nanoTime();
            double walMb = jdbc.queryForObject("select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)", Double.class, wal0) / 1e6;
            double ms = (t1 - t0) / 1e6, jvmMs = (os.getProcessCpuTime() - jvm0) / 1e6, pgMs = pgCpuMs() - pg0;
            long atReturn = count("select count(*) from notification") - n0;
            long[] listener = awaitNotifications(n0, t1);
            List<Long> hot1 = hot();
            long t2 = System.nanoTime();
            DeadlineWatch.Result empty = watch.scan(now);
            double emptyMs = (System.nanoTime() - t2) / 1e6;
            if (r > 0) results.add(new double[] {ms, result.overdue(), listener[1] / 1e6, listener[0], emptyMs, jvmMs, pgMs});
            System.out.printf("%s: sweep %.0f ms (CPU: JVM %.0f ms + PostgreSQL %.0f ms; WAL %.0f MB), %d due before, marked %d warned / %d overdue"
                            + " / %d escalated, %,.0f rows/s; notifications: %d at return, %d in all, the last %.0f ms after the sweep"
                            + " returned; next (empty) sweep %.1f ms (%d marked); HOT updates: work_order %d of %d, order_deadline %d of %d;"
                            + " load %.1f%n", r == 0 ? "warm-up" : "run " + r, ms, jvmMs,
                    pgMs, walMb, claimable, result.warned(), result.overdue(), result.escalated(), result.overdue() / (ms / 1000), atReturn,
                    listener[0], listener[1] / 1e6, emptyMs, empty.overdue() + empty.warned() + empty.escalated(), hot1.get(1) - hot0.get(1),
                    hot1.get(0) - hot0.get(0), hot1.get(3) - hot0.get(3), hot1.get(2) - hot0.get(2), os.getSystemLoadAverage());
            if (result.overdue() != expected || claimable != expected) throw new IllegalStateException("expected " + expected + " overdue");
        }
        if (statements) statements(runs);
        double sweep = median(results, 0);
        System.out.printf("%nMEDIAN of %d runs: sweep %.0f ms for %.0f overdue clocks = %,.0f rows/s (CPU: JVM %.0f ms + PostgreSQL"
                        + " %.0f ms); notifier finished %.0f ms after the sweep (%.0f inbox rows); empty sweep %.1f ms."
                        + " Goal < 1000 ms: %s%n", runs, sweep, median(results, 1), median(results, 1) / (sweep / 1000),
                median(results, 5), median(results, 6), median(results, 2), median(results, 3), median(results, 4),
                sweep < 1000 ? "MET" : "MISSED");
        restore();
        explain(expected);
        // right after a sweep, before anything else reads the index: what an empty claim walks over
        watch.scan(now);
        awaitNotifications(count("select count(*) from notification"), System.nanoTime());
        explain("EXPLAIN of the overdue claim right after a sweep (nothing is due any more)", List.of(),
                bind(claimSql(), overdueLiterals("timestamptz '" + now + "'")));
        restore();
        profile(claimSql(), "the overdue drain as OrderDeadlines runs it (claim, mark, history and supervision in one statement"
                + " per batch; the marks in deadline_mark)", overdueParams());
        // BASELINE in the same run: the previous design on the same data, its schema put back (see previousSchema())
        previousSchema();
        List<Double> previous = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            restore();
            long pg0 = pgCpuMs();
            String wal0 = jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
            double ms = profile(PREVIOUS, "BASELINE run " + (r + 1) + ": the previous design (one statement per batch marking"
                    + " order_deadline's own columns, supervision bumping updated_at)", previousParams());
            System.out.printf("  PostgreSQL CPU %d ms, WAL %.0f MB%n", pgCpuMs() - pg0,
                    jdbc.queryForObject("select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)", Double.class, wal0) / 1e6);
            previous.add(ms);
        }
        previous.sort(null);
        System.out.printf("%nSAME RUN: this design %.0f ms (median of %d sweeps) vs BASELINE previous design %.0f ms (median of %d"
                + " drains): %.1fx%n", sweep, runs, previous.get(previous.size() / 2), runs, previous.get(previous.size() / 2) / sweep);
    }

    /**
     * Puts the previous design's schema back for the baseline: the marks as columns of order_deadline and the three partial
     * indexes whose predicates name them (V6), instead of deadline_mark and the running-clock indexes (V23).
     */
    void previousSchema() {
        long t = System.nanoTime();
        jdbc.execute("drop index order_deadline_warn_idx, order_deadline_due_idx, order_deadline_escalate_idx");
        jdbc.execute("alter table order_deadline add column warned_at timestamptz, add column overdue_at timestamptz,"
                + " add column escalated_at timestamptz");
        // as the previous load did: the overdue clocks had been warned
        jdbc.update("update order_deadline set warned_at = warn_at where met_at is null and due_at <= ?::timestamptz", Timestamp.from(now));
        jdbc.execute("""
                create index order_deadline_warn_idx on order_deadline (warn_at)
                    where met_at is null and not cancelled and warned_at is null;
                create index order_deadline_due_idx on order_deadline (due_at)
                    where met_at is null and not cancelled and overdue_at is null;
                create index order_deadline_escalate_idx on order_deadline (escalate_at)
                    where met_at is null and not cancelled and escalated_at is null""");
        previousSchema = true;
        System.out.printf("%nprevious design's schema put back in %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    void load(int orders, int step, int metClocks) {
        Map<String, Object> codes = jdbc.queryForMap("""
                select (select id from sla_policy where tier_code = 'GENERAL' and category_code is null order by id limit 1) as policy,
                       (select count(*) from unit where type = 'STREET') as streets,
                       (select count(*) from category where level = 3 and tier_code = 'GENERAL') as cats""");
        Timestamp ts = Timestamp.from(now);
        long t = System.nanoTime();
        for (int from = 1; from <= orders; from += 250_000) {
            // IN_PROGRESS orders spread over every street (lead unit) and its district (copy unit) and the GENERAL categories
            jdbc.update("""
                    insert into work_order (number, channel, request_type, category_code, title, description, requester_name,
                        requester_phone, address, street_code, district_code, state, lead_unit_code, copy_unit_code, tier_code,
                        sla_policy_id, recorded_by, recorded_at, updated_at)
                    select 'B' || lpad(k::text, 11, '0'), 'PHONE', 'COMPLAINT', c.code, '路灯不亮 #' || k,
                           '小区门口路灯连续三晚不亮，夜间出行不便，请尽快维修。工单 ' || k, '张先生', '138' || lpad((k % 100000000)::text, 8, '0'),
                           '朝阳区某某路 ' || (k % 500) || ' 号', s.code, s.parent_code, 'IN_PROGRESS', s.code, s.parent_code, 'GENERAL',
                           ?, 'bench', ?::timestamptz - interval '2 days', ?::timestamptz - interval '1 day'
                    from generate_series(?, ?) k
                    join (select code, parent_code, (row_number() over (order by code) - 1)::int as i from unit where type = 'STREET') s
                      on s.i = k % ?
                    join (select code, (row_number() over (order by code) - 1)::int as i from category
                          where level = 3 and tier_code = 'GENERAL') c on c.i = k % ?""",
                    codes.get("policy"), ts, ts, from, Math.min(orders, from + 249_999), ((Number) codes.get("streets")).intValue(),
                    ((Number) codes.get("cats")).intValue());
        }
        System.out.printf("loaded %,d work orders in %.1f s%n", orders, (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        // REPLY runs on every order; every step-th is overdue (due within the last hour, warned already, escalation tomorrow),
        // the others are due 2 h .. 14 days from now with their warning 1 h before: nothing else is due
        jdbc.update("""
                insert into order_deadline (order_id, clock, started_at, due_at, warn_at, escalate_at, provisional, basis)
                select id, 'REPLY', ?::timestamptz - interval '1 day', due, due - interval '1 hour', due + interval '24 hours', false,
                       'REPLY: 7 working days from 2026-11-20 09:00 under policy #3 (GENERAL, in force from 2020-01-01, default four-tier model); on the official working-day calendar'
                from (select id, k % ? = 0 as overdue,
                             case when k % ? = 0 then ?::timestamptz - (1 + (k / ?) % 3600) * interval '1 second'
                                  else ?::timestamptz + interval '2 hours' + (k % 20000) * interval '1 minute' end as due
                      from (select id, substring(number from 2)::int as k from work_order where recorded_by = 'bench') o) x""",
                ts, step, step, ts, step, ts);
        // the clocks an IN_PROGRESS order has already met: outside every partial index, but in the table
        String[] met = {"DISPATCH", "SIGN", "CONTACT"};
        for (int m = 0; m < Math.min(metClocks, met.length); m++) {
            jdbc.update("""
                    insert into order_deadline (order_id, clock, started_at, due_at, warn_at, escalate_at, met_at, provisional, basis)
                    select id, ?, recorded_at, recorded_at + interval '24 hours', recorded_at + interval '19 hours',
                           recorded_at + interval '48 hours', recorded_at + interval '3 hours', false, ? || ': 24 h from 2026-11-20 09:00 under policy #3 (GENERAL, in force from 2020-01-01, default four-tier model); clock hours (7×24)'
                    from work_order where recorded_by = 'bench'""", met[m], met[m]);
        }
        System.out.printf("loaded %,d clocks in %.1f s%n", count("select count(*) from order_deadline"), (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        jdbc.execute("vacuum analyze work_order, order_deadline");
        jdbc.execute("checkpoint");
        System.out.printf("vacuum analyze + checkpoint in %.1f s; order_deadline %s (due index %s), work_order %s, shared_buffers %s%n",
                (System.nanoTime() - t) / 1e9, size("order_deadline"), size("order_deadline_due_idx"), size("work_order"),
                jdbc.queryForObject("show shared_buffers", String.class));
    }

    /**
     * Takes the marks away (the same clocks overdue again; the orders unsupervised, with the updated_at they were loaded
     * with, so that a sweep which sets it changes an indexed column as in production), then VACUUM ANALYZE and a checkpoint.
     */
    void restore() throws InterruptedException {
        awaitNotifications(count("select count(*) from notification"), System.nanoTime());
        if (previousSchema) jdbc.update("update order_deadline set overdue_at = null where overdue_at is not null");
        else jdbc.execute("truncate deadline_mark");
        jdbc.update("update work_order set supervised = false, updated_at = ?::timestamptz - interval '1 day' where supervised",
                Timestamp.from(now));
        jdbc.execute("vacuum analyze work_order, order_deadline");
        jdbc.execute("checkpoint");
    }

    /** Polls until the inbox stops growing (2 s) and every event publication is completed: {rows, ns from `since`}. */
    long[] awaitNotifications(long before, long since) throws InterruptedException {
        long last = -1, lastChange = since, quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 2_000_000_000L) {
            long n = count("select count(*) from notification") - before;
            long open = count("select count(*) from event_publication where completion_date is null");
            long t = System.nanoTime();
            if (n != last) lastChange = t;
            if (n != last || open > 0) quietSince = t;
            last = n;
            if (t - since > 600_000_000_000L) throw new IllegalStateException("notifier still busy after 10 min");
            Thread.sleep(10);
        }
        return new long[] {last, lastChange - since};
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the overdue claim as the watch runs it, then with index scans off (rolled back). */
    void explain(int expected) throws Exception {
        String lit = "timestamptz '" + now + "'";
        String claim = claimSql();
        double with = explain("EXPLAIN (ANALYZE, BUFFERS) of the overdue claim (custom plan, as the watch runs it)", List.of(),
                bind(claim, overdueLiterals(lit)));
        double generic = explain("the same as a generic plan (what a server-prepared statement may switch to)", List.of(
                "set local plan_cache_mode = force_generic_plan", "prepare claim(timestamptz, int) as " + bind(claim, overdueLiterals("$1")).replaceFirst("limit 2000", "limit \\$2")),
                "execute claim(" + lit + ", 2000)");
        double without = explain("BASELINE: the same with index scans off (enable_indexscan = off, enable_bitmapscan = off)",
                List.of("set local enable_indexscan = off", "set local enable_bitmapscan = off"), bind(claim, overdueLiterals(lit)));
        int claims = expected / 2000 + 1;
        System.out.printf("%nclaim of 2000 clocks: %.1f ms with the partial index (generic plan %.1f ms), %.1f ms without it: the index"
                + " makes the claim %.0fx faster; the %d claims of one sweep would take about %.0f ms without it%n", with, generic, without,
                without / with, claims, without * claims);
    }

    double explain(String title, List<String> setup, String sql) throws Exception {
        System.out.println("\n" + title + ":");
        List<String> plan = plan(setup, sql);
        plan.forEach(l -> System.out.println("  " + l));
        return executionMs(plan);
    }

    List<String> plan(List<String> setup, String sql) throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                for (String set : setup) s.execute(set);
                try (ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
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

    /** The overdue claim exactly as OrderDeadlines builds it (its CLAIM and SUPERVISE templates, read by reflection). */
    static String claimSql() throws Exception {
        return String.format(template("CLAIM"), "OVERDUE", "due_at", "", template("SUPERVISE"));
    }

    static String template(String name) throws Exception {
        Field f = OrderDeadlines.class.getDeclaredField(name);
        f.setAccessible(true);
        return (String) f.get(null);
    }

    static final String REASON = "the %s deadline %s passed: supervision opened automatically";

    /** The overdue claim's parameters as SQL literals: due condition, limit, mark time, action, history time, reason. */
    String[] overdueLiterals(String now) {
        return new String[] {now, "2000", now, "'deadline-overdue'", now, "'" + REASON + "'"};
    }

    Object[] overdueParams() {
        Timestamp ts = Timestamp.from(now);
        return new Object[] {ts, 2000, ts, "deadline-overdue", ts, REASON};
    }

    /**
     * BASELINE: the previous design (until V23), kept here to measure against in the same run: one statement per batch as
     * now, but the claim locked the order_deadline rows (FOR UPDATE SKIP LOCKED over partial indexes whose predicates name
     * the mark columns) and marked them with an UPDATE (non-HOT: a new row version and new index entries), and the
     * supervision update set updated_at (indexed since V14, so non-HOT as well).
     */
    static final String PREVIOUS = """
            with claimed as (
                select d.order_id, d.clock from order_deadline d join work_order o on o.id = d.order_id
                where d.met_at is null and not d.cancelled and o.paused_at is null and d.overdue_at is null and d.due_at <= ?
                order by d.due_at limit ? for update of d skip locked),
            marked as (
                update order_deadline d set overdue_at = ? from claimed c where d.order_id = c.order_id and d.clock = c.clock
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
                from claimed_orders),
            supervised as (
                update work_order o set supervised = true, updated_at = ?, version = o.version + 1
                from (select distinct order_id from claimed_orders) c where o.id = c.order_id and not o.supervised)
            select order_id, number, clock, due_at, overdue_at, sla_policy_id, lead_unit_code, copy_unit_code, state
            from claimed_orders""";

    Object[] previousParams() {
        Timestamp ts = Timestamp.from(now);
        return new Object[] {ts, 2000, ts, "deadline-overdue", ts, REASON, ts};
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
        long[] listener = awaitNotifications(count("select count(*) from notification"), System.nanoTime());
        System.out.printf("  (the notifier ran alongside; its last row came %.0f ms after the replica)%n", listener[1] / 1e6);
        return all;
    }

    /** CPU time of the embedded server (postmaster and its children: backends, WAL writer, checkpointer...), from /proc. */
    long pgCpuMs() throws java.io.IOException {
        String pm = Files.readAllLines(pidFile).get(0).trim();
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs.filter(p -> p.getFileName().toString().matches("\\d+"))::iterator) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (p.getFileName().toString().equals(pm) || f[1].equals(pm)) ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks * 10; // USER_HZ = 100
    }

    /** Server time of each statement of the sweeps, the empty sweeps and the notifier (pg_stat_statements over the timed runs). */
    void statements(int runs) {
        System.out.printf("pg_stat_statements, %d runs (sweep, notifier, empty sweep): calls, total ms, mean ms, max ms, rows, blocks"
                + " hit / read / dirtied, WAL MB%n", runs);
        jdbc.query("""
                select calls, total_exec_time, mean_exec_time, max_exec_time, rows, shared_blks_hit, shared_blks_read,
                       shared_blks_dirtied, wal_bytes / 1e6, coalesce('claim where ' || substring(regexp_replace(query, '\\s+', ' ', 'g')
                           from 'paused_at is null and (.*?) order by'), regexp_replace(query, '\\s+', ' ', 'g'))
                from pg_stat_statements where query !~* '^(vacuum|checkpoint|select (count|pg_|unnest))'
                    and query not like '%set overdue_at = null%' and query not like '%where supervised'
                order by total_exec_time desc limit 12""", rs -> {
            System.out.printf("  %6d %7.0f %7.2f %7.1f %6d %8d %7d %7d %5.0f  %.140s%n", rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                    rs.getDouble(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getDouble(9), rs.getString(10));
        });
    }

    /** Updates and HOT updates so far: work_order, then order_deadline (after 11 s: idle backends report every 10 s). */
    List<Long> hot() throws InterruptedException {
        Thread.sleep(11_000);
        return jdbc.queryForList("""
                select unnest(array[sum(n_tup_upd) filter (where relname = 'work_order'), sum(n_tup_hot_upd) filter (where relname = 'work_order'),
                    sum(n_tup_upd) filter (where relname = 'order_deadline'), sum(n_tup_hot_upd) filter (where relname = 'order_deadline')])
                from pg_stat_user_tables""", Long.class);
    }

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    String size(String relation) {
        return jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size(?::regclass))", String.class, relation);
    }

    static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
