package io.swiftresponse.bench.orders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Order-throughput benchmark: orders created per second through the HTTP API with realistic bodies
 * (latency p50/p99 per concurrency), the full lifecycle (record + 7 actions to CLOSED) in orders per
 * second, and, in the same run against the same database, the raw JDBC ceiling for inserting the same rows
 * (work_order with its number from the day's sequence, order_deadline, order_history; one transaction per order,
 * same concurrency).
 *
 * <p>Not a test: a main class, run by {@code bench/run-orders.sh}. It starts the application from the jar
 * as a child process (fresh data folder, embedded PostgreSQL) unless {@code --url} names a running one. The
 * load driver, the server and PostgreSQL share the machine's cores; the CPU each used is measured from
 * /proc and printed with every phase, so the figures say what they cost. Options: {@code --help}.
 */
public final class OrderLoadBenchmark {

    private OrderLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse(args);
        if (opt == null) {
            return;
        }
        ServerProcess server = null;
        try {
            long runStart = System.nanoTime();
            ZonedDateTime started = ZonedDateTime.now();
            Machine machine = Machine.describe();
            System.out.printf("Order throughput benchmark, %s%n%s%n", started.format(DateTimeFormatter.RFC_1123_DATE_TIME), machine);
            Bench bench;
            if (opt.url != null) {
                bench = new Bench(opt, opt.url.replaceAll("/+$", ""), opt.jdbcUrl,
                        opt.serverPid > 0 ? new Watched.Attached(opt.serverPid, opt.postmasterPid) : null);
                System.out.println("attached to " + bench.baseUrl + (bench.jdbcUrl == null
                        ? " (no --jdbc-url: raw JDBC phase skipped)" : ""));
            } else {
                server = ServerProcess.start(opt);
                bench = new Bench(opt, "http://127.0.0.1:" + server.port, "jdbc:postgresql://127.0.0.1:" + server.pgPort
                        + "/postgres", server);
                System.out.printf("server: pid %d, port %d, embedded PostgreSQL port %d (postmaster pid %d), started in %.1f s%n"
                        + "        log %s%n", server.pid(), server.port, server.pgPort, server.postmasterPid(), server.startSeconds,
                        server.log);
            }
            run(bench, server, machine, started);
            System.out.printf("whole run %.0f s%n", (System.nanoTime() - runStart) / 1e9);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static void run(Bench bench, ServerProcess server, Machine machine, ZonedDateTime started) throws Exception {
        Options opt = bench.opt;
        bench.catalog = Catalog.load(bench::client, opt.seed);
        Credentials credentials = new Credentials(bench);
        credentials.touch(bench.catalog.agent);
        credentials.touch(bench.catalog.dispatcher);
        bench.pool = Body.generate(bench.catalog, opt.poolSize, opt.seed);
        describePool(bench.catalog, bench.pool);

        HttpPhases http = new HttpPhases(bench, credentials);
        RawPhase raw = new RawPhase(bench);
        new WarmUp(bench, credentials, http, raw).run();

        List<Repetition> reps = new ArrayList<>();
        for (int r = 1; r <= opt.repeat; r++) {
            if (opt.repeat > 1) {
                System.out.printf("%n==== repetition %d of %d ====%n", r, opt.repeat);
            }
            Repetition rep = new Repetition();
            if (opt.phases.contains("create")) {
                for (int c : opt.concurrency) {
                    rep.create.put(c, http.create(c, opt.duration));
                }
            }
            if (opt.phases.contains("raw") && bench.jdbcUrl != null) {
                for (int c : opt.concurrency) {
                    rep.raw.put(c, raw.measure(c, opt.rawDuration));
                }
            }
            if (opt.phases.contains("ping")) {
                int c = opt.concurrency.stream().filter(x -> x <= 16).max(Integer::compare).orElse(opt.concurrency.get(0));
                rep.ping.put(c, http.ping(c, opt.rawDuration));
            }
            if (opt.phases.contains("lifecycle")) {
                for (int c : opt.lifecycleConcurrency) {
                    rep.lifecycle.put(c, http.lifecycle(c, opt.lifecycleDuration));
                }
            }
            reps.add(rep);
        }
        Summary summary = Summary.of(reps, opt);
        String markdown = summary.markdown(machine, started, opt, server, bench.notes);
        System.out.println();
        System.out.println(summary.table());
        System.out.println();
        System.out.println("---- Markdown ----");
        System.out.println(markdown);
        if (opt.markdownFile != null) {
            Files.writeString(Path.of(opt.markdownFile), markdown);
            System.out.println("(written to " + opt.markdownFile + ")");
        }
    }

    private static void describePool(Catalog catalog, List<Body> pool) {
        System.out.printf("catalog: %d level-3 categories, %d streets (%d sampled for bodies), %d handling units in play; "
                + "%d bodies, title %d–%d chars, description %d–%d chars, %d%% with lat/lng%n",
                catalog.categories.size(), catalog.streets.size(), catalog.sampleStreets.size(), catalog.leadUnits().size(),
                pool.size(), pool.stream().mapToInt(b -> b.title.length()).min().orElse(0),
                pool.stream().mapToInt(b -> b.title.length()).max().orElse(0),
                pool.stream().mapToInt(b -> b.description.length()).min().orElse(0),
                pool.stream().mapToInt(b -> b.description.length()).max().orElse(0),
                Math.round(100.0 * pool.stream().filter(b -> b.lat != null).count() / pool.size()));
    }
}
