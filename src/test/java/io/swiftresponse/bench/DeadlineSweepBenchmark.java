package io.swiftresponse.bench;

import io.swiftresponse.SwiftResponseApplication;
import io.swiftresponse.sla.DeadlineWatch;
import io.swiftresponse.workorder.OrderDeadlines;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One deadline sweep over N open orders of which a few percent are overdue, on the embedded PostgreSQL, in-process.
 * Bulk-loads orders and clocks ({@link SweepData}), then times {@link DeadlineWatch#scan} as the application runs it
 * (its {@code swift.sla.sweep-workers} claiming disjoint shares in parallel), {@code --warmups} warm-up runs of each, then the median of several
 * runs (the marks are put back, VACUUM and a checkpoint between runs). Interleaved with the timed runs, in the same run
 * and on the same data: the same watch with ONE worker, and the BASELINE, a replica of one drain of the claim of V23 on one
 * backend ({@link SweepDrains}). CPU of the JVM and of PostgreSQL, WAL and HOT updates ({@link SweepMeter}) are reported next to wall time,
 * because the cores may be shared with other work. Then EXPLAIN (ANALYZE, BUFFERS, WAL) of the claims.
 *
 * <pre>java -cp ... io.swiftresponse.bench.DeadlineSweepBenchmark [--orders 1000000] [--due-percent 1] [--runs 5]
 *     [--warmups 3] [--met-clocks 3] [--workers 2] [--shared-buffers 128MB] [--pg name=value,...] [--data DIR] [--keep true]</pre>
 * {@code --data DIR} keeps the database in DIR and reuses it (the bulk load takes 4 to 20 minutes); with it or with
 * {@code --shared-buffers} or {@code --pg} (other server settings, what-ifs) the benchmark starts the embedded server
 * itself, with DatabaseConfiguration's settings and pg_stat_statements, and the server time of each statement over the
 * timed runs is printed.
 */
public final class DeadlineSweepBenchmark {

    final ConfigurableApplicationContext ctx;
    final SweepData data;
    final SweepMeter meter;
    final SweepDrains drains;
    final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int a = 0; a + 1 < args.length; a += 2) opt.put(args[a].replaceFirst("^--", ""), args[a + 1]);
        Path dir = opt.containsKey("data") ? Files.createDirectories(Path.of(opt.get("data")).toAbsolutePath())
                : Files.createTempDirectory("swift-sweep-");
        long t = System.nanoTime();
        // swift.sla.scheduling=false does not stop the watch's @Scheduled method: spring-modulith-moments' auto-configuration
        // enables scheduling anyway (the list printed below), so the first scheduled scan is pushed a day away as well
        List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--swift.data-dir=" + dir, "--swift.demo.enabled=true",
                "--swift.sla.scheduling=false", "--logging.level.root=WARN", "--swift.sla.scan-initial-delay=PT24H",
                // on reused data a restart would otherwise re-index the million orders in the background, during the runs
                "--swift.search.catch-up-on-start=false",
                "--swift.sla.sweep-workers=" + opt.getOrDefault("workers", "2")));
        EmbeddedPostgres own = null;
        if (opt.containsKey("shared-buffers") || opt.containsKey("data") || opt.containsKey("pg")) {
            EmbeddedPostgres.Builder server = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100").setServerConfig("shared_buffers", opt.getOrDefault("shared-buffers", "128MB"))
                    .setServerConfig("fsync", "on").setServerConfig("full_page_writes", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            // what-ifs: --pg wal_compression=lz4,checkpoint_timeout=30min
            for (String kv : opt.getOrDefault("pg", "").split(",")) {
                if (kv.contains("=")) server.setServerConfig(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            own = server.start();
            appArgs.addAll(List.of("--spring.datasource.url=" + own.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres"));
            System.out.println("own embedded PostgreSQL, shared_buffers " + opt.getOrDefault("shared-buffers", "128MB") + ", pg_stat_statements "
                    + opt.getOrDefault("pg", ""));
        }
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SwiftResponseApplication.class).run(appArgs.toArray(String[]::new));
        System.out.printf("context up in %.1f s, data in %s%nscheduled tasks although swift.sla.scheduling=false: %s%n",
                (System.nanoTime() - t) / 1e9, dir, ctx.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                        .flatMap(h -> h.getScheduledTasks().stream()).map(Object::toString).toList());
        try {
            new DeadlineSweepBenchmark(ctx, dir).run(Integer.parseInt(opt.getOrDefault("orders", "1000000")),
                    Double.parseDouble(opt.getOrDefault("due-percent", "1")), Integer.parseInt(opt.getOrDefault("runs", "5")),
                    Integer.parseInt(opt.getOrDefault("warmups", "3")), Integer.parseInt(opt.getOrDefault("met-clocks", "3")), opt.getOrDefault("workers", "2"));
        } finally {
            ctx.close();
            if (own != null) own.close();
            if (!opt.containsKey("data") && !Boolean.parseBoolean(opt.getOrDefault("keep", "false"))) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    DeadlineSweepBenchmark(ConfigurableApplicationContext ctx, Path dir) {
        this.ctx = ctx;
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        Instant loaded = SweepData.loadedFor(jdbc);
        this.data = new SweepData(jdbc, loaded != null ? loaded : Instant.now().truncatedTo(ChronoUnit.SECONDS));
        this.meter = new SweepMeter(jdbc, dir.resolve("postgres").resolve("postmaster.pid"));
        this.drains = new SweepDrains(ctx, data, meter);
    }

    void run(int orders, double duePercent, int runs, int warmups, int metClocks, String workers) throws Exception {
        int step = (int) Math.round(100 / duePercent);
        int expected = (orders + step - 1) / step;
        if (data.count("select count(*) from work_order where recorded_by = 'bench'") == orders) {
            System.out.println("reusing the " + orders + " orders loaded before; sweeps as of " + data.now);
        } else {
            data.load(orders, step, metClocks);
        }
        if (data.count("select count(*) from deadline_mark where marked_at <> '" + data.now + "'") == 0) data.seedMarks();
        DeadlineWatch watch = ctx.getBean(DeadlineWatch.class);
        DeadlineWatch single = oneWorker();
        List<double[]> results = new ArrayList<>(), singles = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        // warm-ups of both watches: the JIT compiles the sweep's and the notifier's paths over the first few passes (a
        // run right after a single warm-up spent 2-3 s of JVM CPU beside 0.2-0.3 s in later runs); in production the watch
        // has run every minute for hours
        for (int w = 1; w <= warmups; w++) {
            sweep(watch, "warm-up " + w, workers, expected);
            sweep(single, "warm-up " + w, "1", expected);
        }
        for (int r = 1; r <= runs; r++) {
            if (r == 1) meter.resetStatements();
            double[] row = sweep(watch, "run " + r, workers, expected);
            results.add(row);
            // the same run, the same data, right after: the watch with one worker, and the BASELINE (the claim of V23)
            singles.add(sweep(single, "run " + r, "1", expected));
            // the watch's own overdue claim in the replica drain: where its time goes (statement, event publication, commit)
            drains.profile(SweepDrains.claimSql(), "CURRENT run " + r + ": the watch's overdue claim, one backend", drains.params(true));
            baseline.add(drains.baseline("BASELINE run " + r + ": the claim of V23 (no shares, supervision update, history's key), one backend"));
        }
        meter.statements(runs);
        double sweep = median(results, 0);
        System.out.printf("%nMEDIAN of %d runs: sweep %.0f ms for %.0f overdue clocks = %,.0f rows/s with %s workers (CPU: JVM %.0f ms"
                        + " + PostgreSQL %.0f ms); notifier finished %.0f ms after the sweep (%.0f inbox rows); empty sweep %.1f ms."
                        + " Goal < 1000 ms: %s%n", runs, sweep, median(results, 1), median(results, 1) / (sweep / 1000), workers,
                median(results, 5), median(results, 6), median(results, 2), median(results, 3), median(results, 4),
                sweep < 1000 ? "MET" : "MISSED");
        double base = median(baseline), one = median(singles, 0);
        System.out.printf("SAME RUN, medians of %d: the watch with %s workers %.0f ms (PostgreSQL CPU %.0f ms) | with 1 worker %.0f ms"
                        + " (PostgreSQL CPU %.0f ms) | BASELINE the V23 claim on one backend %.0f ms: %.2fx%n", runs, workers, sweep,
                median(results, 6), one, median(singles, 6), base, base / sweep);
        data.restore();
        drains.explain(expected);
        // right after a sweep, before anything else reads the index: what an empty claim walks over
        watch.scan(data.now);
        data.awaitNotifications(data.count("select count(*) from notification"), System.nanoTime());
        drains.explain("EXPLAIN of the overdue claim right after a sweep (nothing is due any more)", List.of(),
                SweepDrains.bind(SweepDrains.claimSql(), SweepDrains.literals("timestamptz '" + data.now + "'", true)));
    }

    /** One timed sweep of {@code watch} after the marks were put back: {ms, overdue, notifier ms, inbox rows, empty ms, JVM ms, PG ms}. */
    double[] sweep(DeadlineWatch watch, String title, String workers, int expected) throws Exception {
        data.restore();
        long claimable = data.count("select count(*) from order_deadline where met_at is null and not cancelled"
                + " and due_at <= '" + data.now + "'");
        long n0 = data.count("select count(*) from notification");
        List<Long> hot0 = meter.hot();
        String wal0 = meter.walLsn();
        long jvm0 = os.getProcessCpuTime(), pg0 = meter.pgCpuMs(), t0 = System.nanoTime();
        DeadlineWatch.Result result = watch.scan(data.now);
        long t1 = System.nanoTime();
        double walMb = meter.walMbSince(wal0);
        double ms = (t1 - t0) / 1e6, jvmMs = (os.getProcessCpuTime() - jvm0) / 1e6, pgMs = meter.pgCpuMs() - pg0;
        long atReturn = data.count("select count(*) from notification") - n0;
        long[] listener = data.awaitNotifications(n0, t1);
        List<Long> hot1 = meter.hot();
        long t2 = System.nanoTime();
        DeadlineWatch.Result empty = watch.scan(data.now);
        double emptyMs = (System.nanoTime() - t2) / 1e6;
        System.out.printf("%s: sweep %.0f ms with %s workers (CPU: JVM %.0f ms + PostgreSQL %.0f ms; WAL %.0f MB), %d due before,"
                        + " marked %d warned / %d overdue / %d escalated, %,.0f rows/s; notifications: %d at return, %d in all, the last"
                        + " %.0f ms after the sweep returned; next (empty) sweep %.1f ms (%d marked); HOT updates: work_order %d of %d,"
                        + " order_deadline %d of %d; load %.1f%n", title, ms, workers, jvmMs, pgMs, walMb,
                claimable, result.warned(), result.overdue(), result.escalated(), result.overdue() / (ms / 1000), atReturn,
                listener[0], listener[1] / 1e6, emptyMs, empty.overdue() + empty.warned() + empty.escalated(), hot1.get(1) - hot0.get(1),
                hot1.get(0) - hot0.get(0), hot1.get(3) - hot0.get(3), hot1.get(2) - hot0.get(2), os.getSystemLoadAverage());
        if (result.overdue() != expected || claimable != expected) throw new IllegalStateException("expected " + expected + " overdue");
        return new double[] {ms, result.overdue(), listener[1] / 1e6, listener[0], emptyMs, jvmMs, pgMs};
    }

    /** The application's watch as it would be with swift.sla.sweep-workers=1 (its constructor is package-private). */
    DeadlineWatch oneWorker() throws Exception {
        var c = DeadlineWatch.class.getDeclaredConstructor(OrderDeadlines.class, ApplicationEventPublisher.class,
                TransactionTemplate.class, Clock.class, int.class);
        c.setAccessible(true);
        return c.newInstance(ctx.getBean(OrderDeadlines.class), ctx, ctx.getBean(TransactionTemplate.class), ctx.getBean(Clock.class), 1);
    }

    static double median(List<double[]> rows, int column) {
        return median(rows.stream().map(r -> r[column]).toList());
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
