package io.swiftresponse.bench;

import io.swiftresponse.SwiftResponseApplication;
import io.swiftresponse.evaluation.FromScratch;
import io.swiftresponse.evaluation.Period;
import io.swiftresponse.evaluation.RankingEntry;
import io.swiftresponse.evaluation.Rankings;
import io.swiftresponse.evaluation.UnitClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluation at city scale, in-process on the embedded PostgreSQL: {@link CityYearGenerator} writes a realistic year
 * (2025) with COPY straight into the order, callback, deadline, appeal and exclusion tables; then, at each scale, the
 * full rebuild of the counters is timed (and, at the first scale, the previous one-statement rebuild as the baseline),
 * the monthly ranking of every class (read from the counters only), and the size on disk of every table involved.
 * Several scales in one run: each step adds orders to the same year.
 *
 * <pre>java -cp ... io.swiftresponse.bench.EvaluationBenchmark [--scales 1000000,5000000] [--data-dir folder]
 *     [--baseline true|false] [--measure true|false] [--port 15432] [--hold-seconds 0]</pre>
 */
public final class EvaluationBenchmark {

    /** Tables the generator writes: their secondary indexes are dropped for the load and built again after it. */
    private static final String TABLES = "'work_order', 'order_callback', 'order_deadline', 'evaluation_appeal',"
            + " 'evaluation_appeal_decision', 'evaluation_exclusion'";

    private final JdbcTemplate jdbc;
    private final CityYearGenerator generator;
    private long generated;

    EvaluationBenchmark(ConfigurableApplicationContext ctx) {
        DataSource dataSource = ctx.getBean(DataSource.class);
        this.jdbc = new JdbcTemplate(dataSource);
        this.generator = new CityYearGenerator(dataSource);
        this.generated = jdbc.queryForObject("select count(*) from work_order where recorded_by = 'bench'", Long.class);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int a = 0; a + 1 < args.length; a += 2) opt.put(args[a].replaceFirst("^--", ""), args[a + 1]);
        long[] scales = Arrays.stream(opt.getOrDefault("scales", "1000000,5000000").split(",")).mapToLong(Long::parseLong).toArray();
        Path dir = opt.containsKey("data-dir") ? Path.of(opt.get("data-dir")) : Files.createTempDirectory("swift-eval-bench-");
        boolean baseline = Boolean.parseBoolean(opt.getOrDefault("baseline", "true"));
        System.out.println("data dir " + dir + ", load average " + loadAverage());
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SwiftResponseApplication.class)
                .run("--server.port=0", "--swift.data-dir=" + dir, "--swift.demo.enabled=true", "--swift.sla.scheduling=false",
                        "--logging.level.root=WARN", "--swift.sla.scan-initial-delay=PT24H",
                        // the order-search index would otherwise (re)index the generated orders beside the measurements
                        "--swift.search.catch-up-on-start=false",
                        "--swift.db.embedded-port=" + opt.getOrDefault("port", "0"))) {
            EvaluationBenchmark b = new EvaluationBenchmark(ctx);
            for (int i = 0; i < scales.length; i++) {
                b.generateUpTo(scales[i]);
                if (Boolean.parseBoolean(opt.getOrDefault("measure", "true"))) b.measure(ctx, baseline && i == 0);
            }
            // keeps the database up to look into it with psql (--port)
            Thread.sleep(1000L * Long.parseLong(opt.getOrDefault("hold-seconds", "0")));
        }
    }

    void generateUpTo(long total) throws Exception {
        long n = total - generated;
        if (n <= 0) return;
        long t = System.nanoTime();
        List<String> indexes = jdbc.queryForList("""
                select i.indexdef from pg_indexes i
                where i.schemaname = 'public' and i.tablename in (%s)
                  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)""".formatted(TABLES), String.class);
        for (String def : indexes) jdbc.execute("drop index " + def.replaceFirst("(?i)^create (unique )?index (\\S+) on .*$", "$2"));
        double copySeconds = generator.generate(n);
        long ti = System.nanoTime();
        for (String def : indexes) jdbc.execute("set maintenance_work_mem = '512MB'; " + def); // sorts in memory
        double indexSeconds = seconds(ti);
        long tv = System.nanoTime();
        for (String table : TABLES.replace("'", "").split(", ")) jdbc.execute("vacuum (analyze) " + table);
        generated = total;
        System.out.printf("%ngenerated %,d orders (total %,d): COPY %.1f s (%,.0f orders/s written), %d secondary indexes rebuilt"
                + " in %.1f s, vacuum analyze %.1f s; all %.1f s (%,.0f orders/s)%n", n, total, copySeconds, n / copySeconds,
                indexes.size(), indexSeconds, seconds(tv), seconds(t), n / seconds(t));
        jdbc.query("""
                select count(*) filter (where state = 'CLOSED'), count(*) filter (where state = 'AWAITING_CALLBACK'),
                    count(*) filter (where reopen_count > 0), count(*) filter (where cardinality(co_unit_codes) > 0),
                    (select count(*) from order_callback), (select count(*) from evaluation_appeal),
                    (select count(*) from evaluation_exclusion)
                from work_order""", rs -> {
            System.out.printf("orders closed %,d, awaiting callback %,d, re-handled %,d, with co-unit %,d; callbacks %,d; appeals %,d;"
                    + " exclusions %,d%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7));
        });
    }

    void measure(ConfigurableApplicationContext ctx, boolean baseline) {
        FromScratch scratch = ctx.getBean(FromScratch.class);
        Rankings rankings = ctx.getBean(Rankings.class);
        long orders = jdbc.queryForObject("select count(*) from work_order", Long.class);
        System.out.printf("%n== %,d orders, load average %s%n", orders, loadAverage());
        if (baseline) {
            // BASELINE in the same run: the previous rebuild, one INSERT … SELECT of every result, then one aggregation
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            long t = System.nanoTime();
            long[] n = tx.execute(status -> {
                jdbc.execute("lock table evaluation_fact, evaluation_counter in exclusive mode");
                jdbc.execute("truncate evaluation_fact, evaluation_counter");
                long results = jdbc.update("insert into evaluation_fact " + OLD_RESULTS, "Asia/Shanghai");
                long rows = jdbc.update("insert into evaluation_counter (day, unit_code, attribution, valid, contacted, solved, partly,"
                        + " satisfied, basically, replied, on_time) " + OLD_COUNTERS);
                return new long[] {results, rows};
            });
            double s = seconds(t);
            System.out.printf("BASELINE rebuild (one statement, previous design): %,d scored orders, %,d counter rows in %.1f s"
                    + " (%,.0f orders/s), load %s%n", n[0], n[1], s, orders / s, loadAverage());
        }
        double cpu = databaseCpuSeconds();
        long t = System.nanoTime();
        FromScratch.RebuildReport r = scratch.rebuild();
        double s = seconds(t);
        cpu = databaseCpuSeconds() - cpu;
        System.out.printf("rebuild (chunked, set-based): %,d scored orders, %,d counter rows in %.1f s (%,.0f orders/s; chunks %.1f s,"
                + " indexes + counter sums + swap %.1f s), database CPU %.1f s (%.1f s per million orders), load %s%n",
                r.results(), r.counterRows(), s, orders / s, r.chunks().toMillis() / 1e3, (r.took().toMillis() - r.chunks().toMillis()) / 1e3,
                cpu, cpu * 1e6 / orders, loadAverage());
        if (baseline) System.out.println("differences between the rebuilt counters and the from-scratch SQL: " + scratch.differences());
        jdbc.execute("vacuum analyze evaluation_counter");
        jdbc.execute("vacuum analyze evaluation_fact");
        for (UnitClass cls : UnitClass.values()) {
            List<Double> times = new ArrayList<>();
            int size = 0;
            for (int round = 0; round < 3; round++) { // the first pass over the twelve months warms up
                for (int m = 1; m <= 12; m++) {
                    long t0 = System.nanoTime();
                    List<RankingEntry> list = rankings.current(Period.of(YearMonth.of(2025, m)), cls);
                    if (round > 0) times.add((System.nanoTime() - t0) / 1e6);
                    size = Math.max(size, list.size());
                }
            }
            times.sort(Double::compare);
            System.out.printf("ranking %-10s %3d units: median %.1f ms, p95 %.1f ms, max %.1f ms (%d runs over 12 months after a warm-up"
                    + " pass)%n", cls, size, times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1),
                    times.get(times.size() - 1), times.size());
        }
        long tb = System.nanoTime();
        Long scored = jdbc.queryForObject("select count(*) from (" + FROM_SCRATCH_MONTH + ") x", Long.class, "Asia/Shanghai");
        System.out.printf("BASELINE one month (2025-06) counted from the orders: %,d units in %.1f ms%n", scored,
                (System.nanoTime() - tb) / 1e6);
        long t1 = System.nanoTime();
        rankings.current(Period.parse(null, "2025-01-01", "2025-12-31"), UnitClass.STREET);
        System.out.printf("ranking STREET over the whole year (from/to): %.1f ms%n", (System.nanoTime() - t1) / 1e6);
        jdbc.query("""
                select c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid), pg_total_relation_size(c.oid), c.reltuples::bigint
                from pg_class c where c.relkind = 'r' and c.relname in ('work_order', 'order_callback', 'order_deadline',
                    'order_history', 'evaluation_fact', 'evaluation_counter', 'evaluation_appeal', 'evaluation_exclusion')
                order by c.relname""",
                rs -> { System.out.printf("size %-20s table %,8d MB indexes %,8d MB total %,8d MB rows ~%,d (%.0f B per order)%n",
                        rs.getString(1), rs.getLong(2) >> 20, rs.getLong(3) >> 20, rs.getLong(4) >> 20, rs.getLong(5),
                        rs.getLong(4) / (double) orders); });
        long db = jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
        System.out.printf("database %,d MB (%.0f B per order)%n", db >> 20, db / (double) orders);
    }

    /** The previous rebuild's SQL (FromScratch before the chunked rebuild), kept here as the baseline. */
    static final String OLD_RESULTS = """
            select o.id as order_id, cb.round, (cb.at at time zone ?)::date as day, cb.at as callback_at,
                o.lead_unit_code, case when u.type = 'STREET' then u.parent_code end as district_code,
                array(select distinct c from unnest(o.co_unit_codes) c where c <> o.lead_unit_code order by c) as co_unit_codes,
                coalesce(cb.contacted, false) as contacted, cb.solved, cb.satisfaction,
                d.met_at is not null as replied, coalesce(d.met_at <= d.due_at, false) as replied_on_time,
                exists (select 1 from evaluation_exclusion x
                        where x.order_id = o.id and (x.round is null or x.round = cb.round)) as excluded
            from (select distinct on (order_id) order_id, round, at, contacted, solved, satisfaction
                  from order_callback where reached order by order_id, round desc, id desc) cb
            join work_order o on o.id = cb.order_id and o.reopen_count = cb.round
                and o.state in ('AWAITING_CALLBACK', 'CLOSED')
            join unit u on u.code = o.lead_unit_code
            left join order_deadline d on d.order_id = o.id and d.clock = 'REPLY'
            """;

    static final String OLD_COUNTERS = """
            select day, unit_code, attribution, count(*) as valid, count(*) filter (where contacted) as contacted,
                count(*) filter (where solved = 'YES') as solved, count(*) filter (where solved = 'PARTLY') as partly,
                count(*) filter (where satisfaction = 'SATISFIED') as satisfied,
                count(*) filter (where satisfaction = 'BASICALLY_SATISFIED') as basically,
                count(*) filter (where replied) as replied, count(*) filter (where replied_on_time) as on_time
            from (select r.*, a.unit_code, a.attribution
                  from evaluation_fact r
                  cross join lateral (select r.lead_unit_code as unit_code, 'L' as attribution
                                      union all select r.district_code, 'D' where r.district_code is not null
                                      union all select c, 'C' from unnest(r.co_unit_codes) c) a
                  where not r.excluded) x
            group by day, unit_code, attribution""";

    /** The from-scratch rules, grouped per unit for June 2025 only: what a ranking would cost without counters. */
    static final String FROM_SCRATCH_MONTH = """
            select o.lead_unit_code, count(*), count(*) filter (where cb.contacted), count(*) filter (where cb.solved = 'YES')
            from (select distinct on (order_id) order_id, round, at, contacted, solved, satisfaction
                  from order_callback where reached order by order_id, round desc, id desc) cb
            join work_order o on o.id = cb.order_id and o.reopen_count = cb.round and o.state in ('AWAITING_CALLBACK', 'CLOSED')
            where (cb.at at time zone ?)::date between date '2025-06-01' and date '2025-06-30'
            group by o.lead_unit_code""";

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * CPU seconds (user + system) used so far by the embedded PostgreSQL: its postmaster, its live processes and the ones
     * that ended (parallel workers); unlike wall time on a shared machine, this does not depend on the others' load.
     */
    private double databaseCpuSeconds() {
        long postmaster = jdbc.queryForObject("select pid from pg_stat_activity where backend_type = 'checkpointer'", Long.class);
        try {
            long root = Long.parseLong(stat(postmaster)[3]);
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(q -> q.getFileName().toString().matches("\\d+")).toList()) {
                    String[] f;
                    try {
                        f = stat(Long.parseLong(p.getFileName().toString()));
                    } catch (IOException gone) {
                        continue;
                    }
                    long pid = Long.parseLong(p.getFileName().toString());
                    if (pid == root) ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]) + Long.parseLong(f[15]) + Long.parseLong(f[16]);
                    else if (Long.parseLong(f[3]) == root) ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
            }
            return ticks / 100.0; // USER_HZ
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** The fields of /proc/pid/stat, numbered from 0, after the command name (which may hold spaces). */
    private static String[] stat(long pid) throws IOException {
        String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
        String[] f = new String[rest.length + 2];
        f[0] = Long.toString(pid);
        f[1] = "comm";
        System.arraycopy(rest, 0, f, 2, rest.length);
        return f;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
