package io.swiftresponse.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Pattern PG_PORT = Pattern.compile("Embedded PostgreSQL 17 on port (\\d+) with data in (\\S+)");
    private static final String PASSWORD = "demo";
    /** The server remembers a verified password for 5 minutes (CachingPasswordAuthenticationProvider). */
    private static final long CREDENTIAL_CACHE_NANOS = Duration.ofMinutes(5).toNanos();

    private final Options opt;
    private final List<String> notes = new ArrayList<>();
    private ServerProcess server;
    /** The processes whose CPU is accounted: the child server, or with --url the pids given by --server-pid. */
    private Watched watched;
    private String baseUrl;
    private String jdbcUrl;
    private Catalog catalog;
    private List<Body> pool;
    private final Map<String, long[]> verified = new ConcurrentHashMap<>(); // user -> {sent, received} nanos of last BCrypt

    private OrderLoadBenchmark(Options opt) {
        this.opt = opt;
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse(args);
        if (opt == null) {
            return;
        }
        OrderLoadBenchmark bench = new OrderLoadBenchmark(opt);
        try {
            bench.run();
        } finally {
            if (bench.server != null) {
                bench.server.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ run

    private void run() throws Exception {
        long runStart = System.nanoTime();
        ZonedDateTime started = ZonedDateTime.now();
        Machine machine = Machine.describe();
        System.out.printf("Order throughput benchmark, %s%n%s%n", started.format(DateTimeFormatter.RFC_1123_DATE_TIME), machine);
        if (opt.url != null) {
            baseUrl = opt.url.replaceAll("/+$", "");
            jdbcUrl = opt.jdbcUrl;
            System.out.println("attached to " + baseUrl + (jdbcUrl == null ? " (no --jdbc-url: raw JDBC phase skipped)" : ""));
            if (opt.serverPid > 0) {
                watched = new Attached(opt.serverPid, opt.postmasterPid);
            }
        } else {
            server = ServerProcess.start(opt);
            baseUrl = "http://127.0.0.1:" + server.port;
            jdbcUrl = "jdbc:postgresql://127.0.0.1:" + server.pgPort + "/postgres";
            watched = server;
            System.out.printf("server: pid %d, port %d, embedded PostgreSQL port %d (postmaster pid %d), started in %.1f s%n"
                    + "        log %s%n", server.pid(), server.port, server.pgPort, server.postmasterPid(), server.startSeconds,
                    server.log);
        }
        catalog = Catalog.load(this::client, opt.seed);
        touch(catalog.agent);
        touch(catalog.dispatcher);
        pool = Body.generate(catalog, opt.poolSize, opt.seed);
        System.out.printf("catalog: %d level-3 categories, %d streets (%d sampled for bodies), %d handling units in play; "
                + "%d bodies, title %d–%d chars, description %d–%d chars, %d%% with lat/lng%n",
                catalog.categories.size(), catalog.streets.size(), catalog.sampleStreets.size(), catalog.leadUnits().size(),
                pool.size(), pool.stream().mapToInt(b -> b.title.length()).min().orElse(0),
                pool.stream().mapToInt(b -> b.title.length()).max().orElse(0),
                pool.stream().mapToInt(b -> b.description.length()).min().orElse(0),
                pool.stream().mapToInt(b -> b.description.length()).max().orElse(0),
                Math.round(100.0 * pool.stream().filter(b -> b.lat != null).count() / pool.size()));

        warmUp();

        List<Repetition> reps = new ArrayList<>();
        for (int r = 1; r <= opt.repeat; r++) {
            if (opt.repeat > 1) {
                System.out.printf("%n==== repetition %d of %d ====%n", r, opt.repeat);
            }
            Repetition rep = new Repetition();
            if (opt.phases.contains("create")) {
                for (int c : opt.concurrency) {
                    rep.create.put(c, measureCreate(c, opt.duration));
                }
            }
            if (opt.phases.contains("raw") && jdbcUrl != null) {
                for (int c : opt.concurrency) {
                    rep.raw.put(c, measureRaw(c, opt.rawDuration));
                }
            }
            if (opt.phases.contains("ping")) {
                int c = opt.concurrency.stream().filter(x -> x <= 16).max(Integer::compare).orElse(opt.concurrency.get(0));
                rep.ping.put(c, measurePing(c, opt.rawDuration));
            }
            if (opt.phases.contains("lifecycle")) {
                for (int c : opt.lifecycleConcurrency) {
                    rep.lifecycle.put(c, measureLifecycle(c, opt.lifecycleDuration));
                }
            }
            reps.add(rep);
        }
        Summary summary = Summary.of(reps, opt);
        String markdown = summary.markdown(machine, started, opt, server, notes);
        System.out.println();
        System.out.println(summary.table());
        System.out.println();
        System.out.println("---- Markdown ----");
        System.out.println(markdown);
        if (opt.markdownFile != null) {
            Files.writeString(Path.of(opt.markdownFile), markdown);
            System.out.println("(written to " + opt.markdownFile + ")");
        }
        System.out.printf("whole run %.0f s%n", (System.nanoTime() - runStart) / 1e9);
    }

    private HttpClientish client() {
        return opt.client.equals("jdk") ? new JdkClient(baseUrl) : new SocketClient(baseUrl);
    }

    // ------------------------------------------------------------------------------------------------ warm-up

    /**
     * Passwords verified, every body recorded once (keeping what the server derived from it), then creates and
     * lifecycles in rounds of 5 s until the server's JIT compilers have settled (less than --jit-settled cores
     * in a round) or --warmup seconds have passed. On 2 cores C2 needs minutes to compile the request path, and
     * a phase measured while it still compiles shows the compiler's cost rather than the application's.
     */
    private void warmUp() throws Exception {
        long t0 = System.nanoTime();
        warmCredentials();
        int c = Math.max(4, opt.concurrency.stream().mapToInt(Integer::intValue).max().orElse(8) / 2);
        AtomicInteger next = new AtomicInteger();
        List<Tally> warm = runWorkers(c, 0, (w, deadline) -> {
            HttpClientish http = client();
            Tally t = new Tally();
            for (int i = next.getAndIncrement(); i < pool.size(); i = next.getAndIncrement()) {
                Body b = pool.get(i);
                for (int attempt = 0; b.derived == null && attempt < 3; attempt++) {
                    Resp r = http.post("/api/v1/orders", catalog.agent.auth, b.json);
                    if (r.status == 201) {
                        b.derived = Derived.of(JSON.readTree(r.text()));
                        t.ok++;
                    } else {
                        t.error("warm-up record", r);
                    }
                }
            }
            http.close();
            return t;
        });
        warm.stream().flatMap(t -> t.firstErrors.stream()).limit(3).forEach(e -> System.out.println("  warm-up error: " + e));
        long missing = pool.stream().filter(b -> b.derived == null).count();
        if (missing > 0) {
            throw new IllegalStateException(missing + " bodies were not recorded during the warm-up");
        }
        System.out.printf("warm-up: %d bodies recorded once in %.1f s%n", pool.size(), (System.nanoTime() - t0) / 1e9);
        boolean raw = opt.phases.contains("raw") && jdbcUrl != null;
        int round = 0;
        double jit = Double.NaN;
        while (true) {
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (elapsed >= opt.warmup || (elapsed >= opt.warmupMin && jit < opt.jitSettled)) {
                break;
            }
            round++;
            Map<String, Double> before = Cpu.serverThreads(watched);
            long r0 = System.nanoTime();
            AtomicInteger seq = new AtomicInteger(round * 7919);
            List<Tally> tallies = runWorkers(c, 5, (w, deadline) -> {
                HttpClientish http = client();
                Tally t = new Tally();
                while (System.nanoTime() < deadline) {
                    Body b = pool.get(Math.floorMod(seq.getAndIncrement(), pool.size()));
                    if (w % 2 == 0) {
                        Resp r = http.post("/api/v1/orders", catalog.agent.auth, b.json);
                        if (r.status == 201) {
                            t.ok++;
                        } else {
                            t.error("warm-up record", r);
                        }
                    } else if (lifecycle(http, b, t, null)) {
                        http.get("/api/v1/taxonomy/request-types", catalog.agent.auth);
                    }
                }
                http.close();
                return t;
            });
            if (raw && round % 3 == 1) {
                rawWorkers(2, 1.0);
            }
            double secs = (System.nanoTime() - r0) / 1e9;
            Map<String, Double> after = Cpu.serverThreads(watched);
            jit = watched == null ? Double.NaN : (after.getOrDefault("JIT", 0.0) - before.getOrDefault("JIT", 0.0)) / secs;
            long ok = tallies.stream().mapToLong(t -> t.ok).sum();
            tallies.stream().flatMap(t -> t.firstErrors.stream()).limit(2).forEach(e -> System.out.println("  warm-up error: " + e));
            System.out.printf(Locale.ROOT, "  warm-up round %d: %.0f creates/s, server JIT compilers %.2f cores%n", round,
                    ok / secs, jit);
            if (watched == null && (System.nanoTime() - t0) / 1e9 >= opt.warmupMin) {
                break;
            }
        }
        if (raw) {
            rawWorkers(4, 3.0); // the driver's own JIT, for the raw path
        }
        if (!(jit < opt.jitSettled) && watched != null) {
            String note = String.format(Locale.ROOT, "the server's JIT compilers still used %.2f cores when the %.0f s warm-up "
                    + "ended; the first phases pay for compiling", jit, opt.warmup);
            System.out.println("  note: " + note);
            notes.add(note);
        }
        System.out.printf("warm-up: %.1f s in all (%d users' passwords verified once)%n", (System.nanoTime() - t0) / 1e9,
                verified.size());
    }

    /** One cheap authenticated GET per user, so the server's BCrypt check happens here and not during a phase. */
    private void warmCredentials() throws Exception {
        List<Login> users = new ArrayList<>(catalog.handlers.values());
        users.add(catalog.agent);
        users.add(catalog.dispatcher);
        AtomicInteger next = new AtomicInteger();
        runWorkers(4, 0, (w, deadline) -> {
            HttpClientish http = client();
            Tally t = new Tally();
            for (int i = next.getAndIncrement(); i < users.size(); i = next.getAndIncrement()) {
                Login u = users.get(i);
                long[] v = verified.get(u.name);
                if (v == null || System.nanoTime() - v[0] > CREDENTIAL_CACHE_NANOS + 500_000_000L) {
                    touch(http, u);
                }
            }
            http.close();
            return t;
        });
    }

    private void touch(Login u) {
        try (HttpClientish http = client()) {
            touch(http, u);
        }
    }

    private void touch(HttpClientish http, Login u) {
        long sent = System.nanoTime();
        Resp r = http.get("/api/v1/taxonomy/request-types", u.auth);
        if (r.status != 200) {
            throw new IllegalStateException(u.name + " cannot log in: " + r);
        }
        verified.put(u.name, new long[] {sent, System.nanoTime()});
    }

    /**
     * Keeps the server's 5-minute password cache from expiring inside a measured phase: where some user's
     * entry would expire before the phase ends, waits for it to expire and verifies the password again now.
     * (A real deployment pays that BCrypt every 5 minutes per active Basic-auth user; see the notes.)
     */
    private void guardCredentials(double phaseSeconds) throws Exception {
        long horizon = (long) ((phaseSeconds + 5) * 1e9);
        while (true) {
            long now = System.nanoTime();
            long wait = 0;
            for (long[] v : verified.values()) {
                long expiresEarliest = v[0] + CREDENTIAL_CACHE_NANOS;
                long expiresLatest = v[1] + CREDENTIAL_CACHE_NANOS;
                if (expiresEarliest < now + horizon && expiresLatest + 1_000_000_000L > now) {
                    wait = Math.max(wait, expiresLatest + 1_000_000_000L - now);
                }
            }
            if (wait <= 0) {
                break;
            }
            System.out.printf("  (waiting %.0f s for the server's 5-minute password cache to expire, so that no BCrypt "
                    + "falls into the next phase)%n", wait / 1e9);
            Thread.sleep(wait / 1_000_000);
            warmCredentials();
        }
        warmCredentials();
    }

    /**
     * Other work on the machine (a build, a test run) takes cores from the measured processes. Before each
     * phase this waits, up to --quiet-wait seconds, until the rest of the machine uses less than --max-other
     * cores; the CPU others used during every phase is reported either way.
     */
    private void awaitQuiet() throws InterruptedException {
        if (watched == null || opt.quietWait <= 0) {
            return;
        }
        long until = System.nanoTime() + (long) (opt.quietWait * 1e9);
        boolean told = false;
        while (true) {
            Cpu.Snapshot a = Cpu.snapshot(watched);
            Thread.sleep(1000);
            double other = Cpu.snapshot(watched).minus(a, 1.0).other();
            if (other <= opt.maxOther) {
                if (told) {
                    System.out.printf("  (machine quiet again: others use %.2f cores)%n", other);
                }
                return;
            }
            if (System.nanoTime() > until) {
                String note = String.format(Locale.ROOT, "other processes used %.2f cores when a phase started (waited %.0f s "
                        + "for less than %.2f); see the 'other' CPU column", other, opt.quietWait, opt.maxOther);
                System.out.println("  warning: " + note);
                if (notes.stream().noneMatch(n -> n.startsWith("other processes"))) {
                    notes.add(note);
                }
                return;
            }
            if (!told) {
                System.out.printf("  (other processes use %.2f cores; waiting up to %.0f s for a quieter machine)%n", other,
                        opt.quietWait);
                told = true;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ phases

    private Result measureCreate(int c, double seconds) throws Exception {
        guardCredentials(seconds);
        AtomicInteger next = new AtomicInteger(ThreadLocalSeed.next());
        awaitQuiet();
        Phase p = Phase.start("create", c, watched);
        List<Tally> tallies = runWorkers(c, seconds, (w, deadline) -> {
            HttpClientish http = client();
            Tally t = new Tally();
            while (System.nanoTime() < deadline) {
                Body b = pool.get(Math.floorMod(next.getAndIncrement(), pool.size()));
                long s = System.nanoTime();
                Resp r = http.post("/api/v1/orders", catalog.agent.auth, b.json);
                long e = System.nanoTime();
                if (r.status == 201) {
                    t.ok++;
                    t.latency.add(e - s);
                } else {
                    t.error("record", r);
                }
            }
            http.close();
            return t;
        });
        return p.finish(tallies, 1);
    }

    /**
     * The floor under every API call: an authenticated GET of a tiny, cached answer (HTTP Basic with the
     * user loaded from the database, the security filters, Spring MVC, JSON), no transaction of its own.
     */
    private Result measurePing(int c, double seconds) throws Exception {
        guardCredentials(seconds);
        awaitQuiet();
        Phase p = Phase.start("auth GET", c, watched);
        List<Tally> tallies = runWorkers(c, seconds, (w, deadline) -> {
            HttpClientish http = client();
            Tally t = new Tally();
            while (System.nanoTime() < deadline) {
                long s = System.nanoTime();
                Resp r = http.get("/api/v1/taxonomy/request-types", catalog.agent.auth);
                long e = System.nanoTime();
                if (r.status == 200) {
                    t.ok++;
                    t.latency.add(e - s);
                } else {
                    t.error("GET", r);
                }
            }
            http.close();
            return t;
        });
        return p.finish(tallies, 1);
    }

    private Result measureLifecycle(int c, double seconds) throws Exception {
        guardCredentials(seconds);
        AtomicInteger next = new AtomicInteger(ThreadLocalSeed.next());
        awaitQuiet();
        Phase p = Phase.start("lifecycle", c, watched);
        List<Tally> tallies = runWorkers(c, seconds, (w, deadline) -> {
            HttpClientish http = client();
            Tally t = new Tally();
            while (System.nanoTime() < deadline) {
                Body b = pool.get(Math.floorMod(next.getAndIncrement(), pool.size()));
                long s = System.nanoTime();
                if (lifecycle(http, b, t, t.perStep)) {
                    t.ok++;
                    t.latency.add(System.nanoTime() - s);
                }
            }
            http.close();
            return t;
        });
        return p.finish(tallies, Lifecycle.STEPS.size());
    }

    /** record → dispatch → sign → contact → reply → approve-reply → record-callback → close; false on any refusal. */
    private boolean lifecycle(HttpClientish http, Body b, Tally t, Map<String, LongList> perStep) {
        Login handler = catalog.handlers.get(catalog.leadFor(b));
        long s = System.nanoTime();
        Resp r = http.post("/api/v1/orders", catalog.agent.auth, b.json);
        step(perStep, "record", s);
        if (r.status != 201) {
            t.error("record", r);
            return false;
        }
        long id = r.longField("id");
        String base = "/api/v1/orders/" + id + "/actions/";
        for (Lifecycle.Step st : Lifecycle.STEPS.subList(1, Lifecycle.STEPS.size())) {
            Login who = switch (st.actor()) {
                case "agent" -> catalog.agent;
                case "dispatcher" -> catalog.dispatcher;
                default -> handler;
            };
            byte[] body = st.slug().equals("dispatch") ? Lifecycle.dispatchBody(catalog.leadFor(b), b.categoryCode == null
                    ? b.dispatchCategory : null) : st.body();
            s = System.nanoTime();
            r = http.post(base + st.slug(), who.auth, body);
            step(perStep, st.slug(), s);
            if (r.status != 200) {
                t.error(st.slug(), r);
                return false;
            }
        }
        if (!r.text().contains("\"state\":\"CLOSED\"")) {
            t.error("close", r);
            return false;
        }
        return true;
    }

    private static void step(Map<String, LongList> perStep, String name, long start) {
        if (perStep != null) {
            perStep.computeIfAbsent(name, k -> new LongList()).add(System.nanoTime() - start);
        }
    }

    private Result measureRaw(int c, double seconds) throws Exception {
        awaitQuiet();
        Result[] result = new Result[1];
        rawWorkers(c, seconds, "raw JDBC", result);
        return result[0];
    }

    private List<Tally> rawWorkers(int c, double seconds) throws Exception {
        return rawWorkers(c, seconds, null, null);
    }

    /**
     * The same rows the application writes for a recording, in one transaction: the work_order insert (its number
     * drawn from the day's sequence in the statement) returning the id, the clocks started at recording, the
     * order_history insert. Values come from the same bodies and from what the server derived and wrote for them
     * (street, district, tier, policy, deadlines, history details). Connections are opened before the clock
     * starts, as a pool would have them.
     */
    /**
     * With a phase name, measures (clock and CPU) from after the connections are open until before they are
     * closed, so that the backends' CPU is read while they still run.
     */
    private List<Tally> rawWorkers(int c, double seconds, String phase, Result[] result) throws Exception {
        String day = LocalDate.now(CITY).format(DateTimeFormatter.BASIC_ISO_DATE);
        String sequence = "order_number_" + day;
        try (Connection con = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            con.createStatement().execute("create sequence if not exists " + sequence);
            if (pool.stream().anyMatch(b -> b.written == null)) {
                Written.load(con, pool);
            }
        }
        AtomicInteger next = new AtomicInteger(ThreadLocalSeed.next());
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            Connection con = DriverManager.getConnection(jdbcUrl, "postgres", "");
            con.setAutoCommit(false);
            connections.add(con);
        }
        try {
            Phase p = phase == null ? null : Phase.start(phase, c, watched);
            List<Tally> tallies = runWorkers(c, seconds, (w, deadline) -> {
                Tally t = new Tally();
                Connection con = connections.get(w);
                try (PreparedStatement order = con.prepareStatement(RawInsert.ORDER);
                        PreparedStatement clocks = con.prepareStatement(RawInsert.DEADLINE);
                        PreparedStatement history = con.prepareStatement(RawInsert.HISTORY)) {
                    while (System.nanoTime() < deadline) {
                        Body b = pool.get(Math.floorMod(next.getAndIncrement(), pool.size()));
                        long s = System.nanoTime();
                        try {
                            RawInsert.record(con, order, clocks, history, b, day, catalog.agent.name);
                            t.ok++;
                            t.latency.add(System.nanoTime() - s);
                        } catch (SQLException e) {
                            con.rollback();
                            t.error("raw insert", new Resp(0, e.getMessage().getBytes(StandardCharsets.UTF_8), false));
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return t;
            });
            if (p != null) {
                result[0] = p.finish(tallies, 1);
            }
            return tallies;
        } finally {
            for (Connection con : connections) {
                con.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ workers

    interface Worker {
        Tally run(int index, long deadlineNanos) throws Exception;
    }

    /** Runs c workers until the deadline (seconds from now); each keeps its own tally. */
    private static List<Tally> runWorkers(int c, double seconds, Worker worker) throws Exception {
        CountDownLatch ready = new CountDownLatch(c);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        Tally[] tallies = new Tally[c];
        Throwable[] failure = new Throwable[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            int w = i;
            Thread th = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    tallies[w] = worker.run(w, deadline[0]);
                } catch (Throwable e) {
                    failure[0] = e;
                    tallies[w] = new Tally();
                }
            }, "bench-" + i);
            threads.add(th);
            th.start();
        }
        ready.await();
        deadline[0] = System.nanoTime() + (long) (seconds * 1e9);
        go.countDown();
        for (Thread th : threads) {
            th.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("a worker failed", failure[0]);
        }
        return Arrays.asList(tallies);
    }

    private static final class ThreadLocalSeed {
        private static final Random R = new Random(42);

        static synchronized int next() {
            return R.nextInt(1 << 20);
        }
    }

    static final class Tally {
        long ok;
        long errors;
        final LongList latency = new LongList();
        final Map<String, LongList> perStep = new LinkedHashMap<>();
        final List<String> firstErrors = new ArrayList<>();

        void error(String what, Resp r) {
            errors++;
            if (firstErrors.size() < 3) {
                String text = r.text();
                firstErrors.add(what + ": " + r.status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
            }
        }
    }

    /** One measured phase: wall time and the CPU the driver, the server and PostgreSQL used meanwhile. */
    static final class Phase {
        final String name;
        final int c;
        final Watched server;
        final long t0;
        final Cpu.Snapshot cpu0;
        final Map<String, Double> threads0;

        private Phase(String name, int c, Watched server) {
            this.name = name;
            this.c = c;
            this.server = server;
            this.threads0 = Cpu.serverThreads(server);
            this.cpu0 = Cpu.snapshot(server);
            this.t0 = System.nanoTime();
        }

        static Phase start(String name, int c, Watched server) {
            return new Phase(name, c, server);
        }

        Result finish(List<Tally> tallies, int requestsPerUnit) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            Cpu.Split split = Cpu.snapshot(server).minus(cpu0, seconds);
            Map<String, Double> threads = new LinkedHashMap<>();
            Cpu.serverThreads(server).forEach((k, v) -> threads.put(k, (v - threads0.getOrDefault(k, 0.0)) / seconds));
            LongList all = new LongList();
            long ok = 0;
            long errors = 0;
            List<String> errs = new ArrayList<>();
            Map<String, LongList> perStep = new LinkedHashMap<>();
            for (Tally t : tallies) {
                ok += t.ok;
                errors += t.errors;
                all.addAll(t.latency);
                errs.addAll(t.firstErrors);
                t.perStep.forEach((k, v) -> perStep.computeIfAbsent(k, x -> new LongList()).addAll(v));
            }
            Result r = new Result(name, c, ok / seconds, ok, errors, all.percentile(50), all.percentile(99), all.percentile(99.9),
                    split, requestsPerUnit, perStep.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> new double[] {e.getValue().percentile(50), e.getValue().percentile(99)}, (a, b) -> a,
                            LinkedHashMap::new)), threads);
            System.out.println(r.line());
            if (split.known() && split.other() > 0.3) {
                System.out.printf(Locale.ROOT, "      warning: other processes took %.2f cores during this phase%n", split.other());
            }
            if (ok > 0) {
                System.out.println(r.costLine());
            }
            if (!perStep.isEmpty()) {
                System.out.println("      per request p50/p99 ms: " + r.perStep.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.1f/%.1f", e.getKey(), e.getValue()[0], e.getValue()[1]))
                        .collect(Collectors.joining(", ")));
            }
            errs.stream().limit(3).forEach(e -> System.out.println("      error: " + e));
            return r;
        }
    }

    record Result(String phase, int c, double perSecond, long count, long errors, double p50, double p99, double p999,
            Cpu.Split cpu, int requestsPerUnit, Map<String, double[]> perStep, Map<String, Double> serverThreads) {

        /** CPU milliseconds per order: what an order costs, whatever else the machine was doing. */
        double cpuMs(double cores) {
            return perSecond > 0 ? 1000 * cores / perSecond : Double.NaN;
        }

        String costLine() {
            String threads = serverThreads.entrySet().stream().filter(e -> e.getValue() >= 0.005)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "      CPU ms per %s: driver %.2f, server %.2f, postgres %.2f%s",
                    phase.equals("auth GET") ? "request" : "order", cpuMs(cpu.driver()),
                    cpuMs(cpu.server()), cpuMs(cpu.postgres()), threads.isEmpty() ? "" : "; server threads (cores): " + threads);
        }

        String line() {
            String unit = phase.equals("lifecycle") ? "orders/s (" + String.format(Locale.ROOT, "%.0f", perSecond * requestsPerUnit)
                    + " req/s)" : phase.equals("auth GET") ? "requests/s" : "orders/s";
            return String.format(Locale.ROOT, "  %-9s C=%-3d %8.0f %-22s p50 %6.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  n=%d err=%d  %s",
                    phase, c, perSecond, unit, p50, p99, p999, count, errors, cpu);
        }
    }

    static final class Repetition {
        final Map<Integer, Result> create = new LinkedHashMap<>();
        final Map<Integer, Result> raw = new LinkedHashMap<>();
        final Map<Integer, Result> lifecycle = new LinkedHashMap<>();
        final Map<Integer, Result> ping = new LinkedHashMap<>();

        Map<Integer, Result> of(Kind k) {
            return switch (k) {
                case PING -> ping;
                case CREATE -> create;
                case RAW -> raw;
                case LIFECYCLE -> lifecycle;
            };
        }
    }

    enum Kind { CREATE, RAW, LIFECYCLE, PING }

    // ------------------------------------------------------------------------------------------------ summary

    static final class Summary {
        final List<Repetition> reps;
        final Options opt;

        private Summary(List<Repetition> reps, Options opt) {
            this.reps = reps;
            this.opt = opt;
        }

        static Summary of(List<Repetition> reps, Options opt) {
            return new Summary(reps, opt);
        }

        /** The median over repetitions of one figure of one phase at one concurrency (NaN when not measured). */
        double median(Kind phase, int c, java.util.function.ToDoubleFunction<Result> figure) {
            double[] v = reps.stream().map(r -> r.of(phase).get(c)).filter(x -> x != null).mapToDouble(figure).sorted().toArray();
            if (v.length == 0) {
                return Double.NaN;
            }
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        static final Kind CREATE = Kind.CREATE;
        static final Kind RAW = Kind.RAW;
        static final Kind LIFECYCLE = Kind.LIFECYCLE;
        static final Kind PING = Kind.PING;

        int best(Kind phase, List<Integer> cs) {
            return cs.stream().filter(c -> !Double.isNaN(median(phase, c, Result::perSecond)))
                    .max(Comparator.comparingDouble(c -> median(phase, c, Result::perSecond))).orElse(-1);
        }

        String table() {
            StringBuilder s = new StringBuilder();
            s.append(reps.size() > 1 ? "Medians of " + reps.size() + " repetitions\n" : "Results\n");
            s.append(String.format(Locale.ROOT, "%-10s %4s %10s %9s %9s %9s   %s%n", "phase", "C", "orders/s", "p50 ms", "p99 ms",
                    "raw/s", "HTTP/raw   CPU cores: driver / server / postgres / other"));
            for (int c : opt.concurrency) {
                double raw = median(RAW, c, Result::perSecond);
                double http = median(CREATE, c, Result::perSecond);
                if (!Double.isNaN(http)) {
                    s.append(String.format(Locale.ROOT, "%-10s %4d %10.0f %9.2f %9.2f %9s   %-8s   %s%n", "create", c, http,
                            median(CREATE, c, Result::p50), median(CREATE, c, Result::p99),
                            Double.isNaN(raw) ? "-" : String.format(Locale.ROOT, "%.0f", raw),
                            Double.isNaN(raw) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * http / raw), cpu(CREATE, c)));
                }
            }
            for (int c : opt.concurrency) {
                double raw = median(RAW, c, Result::perSecond);
                if (!Double.isNaN(raw)) {
                    s.append(String.format(Locale.ROOT, "%-10s %4d %10.0f %9.2f %9.2f %9s   %-8s   %s%n", "raw JDBC", c, raw,
                            median(RAW, c, Result::p50), median(RAW, c, Result::p99), "", "", cpu(RAW, c)));
                }
            }
            for (int c : opt.lifecycleConcurrency) {
                double l = median(LIFECYCLE, c, Result::perSecond);
                if (!Double.isNaN(l)) {
                    s.append(String.format(Locale.ROOT, "%-10s %4d %10.0f %9.2f %9.2f %9s   %-8s   %s%n", "lifecycle", c, l,
                            median(LIFECYCLE, c, Result::p50), median(LIFECYCLE, c, Result::p99), "", "", cpu(LIFECYCLE, c)));
                }
            }
            for (int c : opt.concurrency) {
                double g = median(PING, c, Result::perSecond);
                if (!Double.isNaN(g)) {
                    s.append(String.format(Locale.ROOT, "%-10s %4d %10.0f %9.2f %9.2f %9s   %-8s   %s%n", "auth GET", c, g,
                            median(PING, c, Result::p50), median(PING, c, Result::p99), "", "", cpu(PING, c)));
                }
            }
            int bc = best(CREATE, opt.concurrency);
            int br = best(RAW, opt.concurrency);
            int bl = best(LIFECYCLE, opt.lifecycleConcurrency);
            if (bc > 0) {
                s.append(String.format(Locale.ROOT, "best create: %.0f orders/s at C=%d (p50 %.2f ms, p99 %.2f ms)%n",
                        median(CREATE, bc, Result::perSecond), bc, median(CREATE, bc, Result::p50), median(CREATE, bc, Result::p99)));
            }
            if (bc > 0 && br > 0) {
                s.append(String.format(Locale.ROOT, "raw JDBC ceiling: %.0f orders/s at C=%d; HTTP/raw = %.0f %% (best vs best), "
                        + "%.0f %% at C=%d%n", median(RAW, br, Result::perSecond), br,
                        100 * median(CREATE, bc, Result::perSecond) / median(RAW, br, Result::perSecond),
                        100 * median(CREATE, bc, Result::perSecond) / median(RAW, bc, Result::perSecond), bc));
            }
            if (bl > 0) {
                s.append(String.format(Locale.ROOT, "lifecycle: %.0f orders/s at C=%d (%.0f HTTP requests/s)%n",
                        median(LIFECYCLE, bl, Result::perSecond), bl, median(LIFECYCLE, bl, Result::perSecond) * Lifecycle.STEPS.size()));
            }
            return s.toString();
        }

        private String cpu(Kind phase, int c) {
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f", median(phase, c, r -> r.cpu().driver()),
                    median(phase, c, r -> r.cpu().server()), median(phase, c, r -> r.cpu().postgres()),
                    median(phase, c, r -> r.cpu().other()));
        }

        String markdown(Machine m, ZonedDateTime started, Options opt, ServerProcess server, List<String> notes) {
            StringBuilder s = new StringBuilder();
            s.append("Run ").append(started.format(DateTimeFormatter.RFC_1123_DATE_TIME)).append(" on ").append(m.oneLine())
                    .append("; client `").append(opt.client).append("`; ")
                    .append(reps.size() > 1 ? "medians of " + reps.size() + " repetitions" : "one repetition")
                    .append("; create ").append(fmt(opt.duration)).append(" s, raw ").append(fmt(opt.rawDuration))
                    .append(" s, lifecycle ").append(fmt(opt.lifecycleDuration)).append(" s per concurrency")
                    .append(server == null ? "" : "; server options: " + (server.describeOptions().isEmpty() ? "defaults"
                            : "`" + server.describeOptions() + "`"))
                    .append(".\n\n");
            s.append("| phase | C | orders/s | p50 ms | p99 ms | raw JDBC orders/s | HTTP/raw | CPU cores driver / server / PG / other |\n");
            s.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
            for (int c : opt.concurrency) {
                double http = median(CREATE, c, Result::perSecond);
                double raw = median(RAW, c, Result::perSecond);
                if (!Double.isNaN(http)) {
                    s.append(String.format(Locale.ROOT, "| create (HTTP) | %d | %.0f | %.2f | %.2f | %s | %s | %s |%n", c, http,
                            median(CREATE, c, Result::p50), median(CREATE, c, Result::p99),
                            Double.isNaN(raw) ? "–" : String.format(Locale.ROOT, "%.0f", raw),
                            Double.isNaN(raw) ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * http / raw), cpu(CREATE, c)));
                }
            }
            for (int c : opt.concurrency) {
                double raw = median(RAW, c, Result::perSecond);
                if (!Double.isNaN(raw)) {
                    s.append(String.format(Locale.ROOT, "| raw JDBC insert | %d | %.0f | %.2f | %.2f | | | %s |%n", c, raw,
                            median(RAW, c, Result::p50), median(RAW, c, Result::p99), cpu(RAW, c)));
                }
            }
            for (int c : opt.lifecycleConcurrency) {
                double l = median(LIFECYCLE, c, Result::perSecond);
                if (!Double.isNaN(l)) {
                    s.append(String.format(Locale.ROOT, "| lifecycle (8 requests) | %d | %.0f | %.1f | %.1f | | | %s |%n", c, l,
                            median(LIFECYCLE, c, Result::p50), median(LIFECYCLE, c, Result::p99), cpu(LIFECYCLE, c)));
                }
            }
            for (int c : opt.concurrency) {
                double g = median(PING, c, Result::perSecond);
                if (!Double.isNaN(g)) {
                    s.append(String.format(Locale.ROOT, "| authenticated GET (requests/s) | %d | %.0f | %.2f | %.2f | | | %s |%n", c, g,
                            median(PING, c, Result::p50), median(PING, c, Result::p99), cpu(PING, c)));
                }
            }
            s.append('\n');
            String[] lines = table().split("\n");
            for (String line : lines) {
                if (line.startsWith("best") || line.startsWith("raw JDBC ceiling") || line.startsWith("lifecycle:")) {
                    s.append("- ").append(line).append('\n');
                }
            }
            long errors = reps.stream().flatMap(r -> java.util.stream.Stream.of(r.create, r.raw, r.lifecycle, r.ping))
                    .flatMap(x -> x.values().stream()).mapToLong(Result::errors).sum();
            s.append("- errors: ").append(errors).append('\n');
            double maxOther = reps.stream().flatMap(r -> java.util.stream.Stream.of(r.create, r.raw, r.lifecycle, r.ping))
                    .flatMap(x -> x.values().stream()).filter(r -> r.cpu().known()).mapToDouble(r -> r.cpu().other()).max()
                    .orElse(Double.NaN);
            if (!Double.isNaN(maxOther)) {
                s.append(String.format(Locale.ROOT, "- most CPU other processes took during a phase: %.2f cores%n", maxOther));
            }
            notes.forEach(n -> s.append("- ").append(n).append('\n'));
            return s.toString();
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }

    // ------------------------------------------------------------------------------------------------ data

    record Login(String name, String auth) {
        static Login of(String name) {
            return new Login(name, "Basic " + Base64.getEncoder().encodeToString((name + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    record Category(String code, String name, String unitType, String unitCode, String tierCode, List<String> keywords) {
    }

    record Street(String code, String name, String parentCode, Double lat, Double lng) {
    }

    /** What the API says about the city: categories, streets, units; and the users the benchmark acts as. */
    static final class Catalog {
        final List<Category> categories = new ArrayList<>();
        final List<Street> streets = new ArrayList<>();
        final List<Street> sampleStreets = new ArrayList<>();
        final Map<String, Street> streetByCode = new HashMap<>();
        final Map<String, Login> handlers = new LinkedHashMap<>();
        final Map<String, Category> categoryByCode = new HashMap<>();
        final Login agent = Login.of("agent1");
        final Login dispatcher = Login.of("dispatcher1");

        static Catalog load(java.util.function.Supplier<HttpClientish> clients, long seed) {
            Catalog cat = new Catalog();
            try (HttpClientish http = clients.get()) {
                JsonNode units = JSON.readTree(http.get("/api/v1/directory/units", cat.agent.auth).ok().text());
                for (JsonNode u : units) {
                    if (u.path("type").asString().equals("STREET")) {
                        cat.streets.add(new Street(u.path("code").asString(), u.path("name").asString(),
                                u.path("parentCode").asString(), null, null));
                    }
                }
                JsonNode cats = JSON.readTree(http.get("/api/v1/taxonomy/categories?level=3", cat.agent.auth).ok().text());
                for (JsonNode c : cats) {
                    String kw = c.path("keywords").asString("");
                    cat.categories.add(new Category(c.path("code").asString(), c.path("name").asString(),
                            c.path("unitType").asString(), c.path("unitCode").asString(null), c.path("tierCode").asString(null),
                            kw.isBlank() ? List.of() : List.of(kw.split("\\|"))));
                }
                if (cat.streets.isEmpty() || cat.categories.isEmpty()) {
                    throw new IllegalStateException("the city has no streets or no level-3 categories: is the demo data enabled?");
                }
                cat.categories.forEach(c -> cat.categoryByCode.put(c.code(), c));
                // bodies name a sample of the streets (with an interior point each for lat/lng bodies), so that
                // the lifecycle involves a bounded set of handler accounts whose passwords can be warmed
                List<Street> shuffled = new ArrayList<>(cat.streets);
                java.util.Collections.shuffle(shuffled, new Random(seed));
                for (Street s : shuffled.subList(0, Math.min(48, shuffled.size()))) {
                    JsonNode d = JSON.readTree(http.get("/api/v1/directory/units/" + s.code(), cat.agent.auth).ok().text());
                    JsonNode p = d.path("interiorPoint");
                    Street withPoint = p.isObject() ? new Street(s.code(), s.name(), s.parentCode(), p.path("lat").asDouble(),
                            p.path("lng").asDouble()) : s;
                    cat.sampleStreets.add(withPoint);
                }
            }
            cat.streets.forEach(s -> cat.streetByCode.put(s.code(), s));
            for (String unit : cat.leadUnits()) {
                cat.handlers.put(unit, Login.of("handler-" + unit));
            }
            return cat;
        }

        Set<String> leadUnits() {
            Set<String> units = new LinkedHashSet<>();
            sampleStreets.forEach(s -> units.add(s.code()));
            categories.stream().filter(c -> c.unitCode() != null).forEach(c -> units.add(c.unitCode()));
            return units;
        }

        /** The unit a dispatcher would send the order to: the category's unit, or for street matters the order's street. */
        String leadFor(Body b) {
            Category c = categoryByCode.get(b.categoryCode != null ? b.categoryCode : b.dispatchCategory);
            if (c.unitCode() != null && !"STREET".equals(c.unitType())) {
                return c.unitCode();
            }
            String street = b.derived != null && b.derived.streetCode != null ? b.derived.streetCode : b.streetCode;
            if (street != null && handlers.containsKey(street)) {
                return street;
            }
            return sampleStreets.get(Math.floorMod(b.title.hashCode(), sampleStreets.size())).code();
        }
    }

    /** What the server derived from a body when it recorded it (the raw JDBC phase reads the rest from the database). */
    record Derived(long orderId, String streetCode, String districtCode, String tierCode) {
        static Derived of(JsonNode view) {
            JsonNode loc = view.path("location");
            return new Derived(view.path("id").asLong(), loc.path("streetCode").asString(null), loc.path("districtCode").asString(null),
                    view.path("tierCode").asString(null));
        }
    }

    /**
     * What the application wrote for a body's recording besides the work_order columns: its policy, the clocks
     * started at recording (as offsets from the recording instant) and the history entry's details. The raw JDBC
     * phase writes the same rows with these values.
     */
    record Written(long policyId, List<Clock> clocks, String historyDetails) {
        record Clock(String clock, long dueMillis, long warnMillis, long escalateMillis, boolean provisional, String basis) {
        }

        static void load(Connection con, List<Body> bodies) throws SQLException {
            Map<Long, Body> byOrder = new HashMap<>();
            bodies.forEach(b -> byOrder.put(b.derived.orderId(), b));
            Map<Long, List<Clock>> clocks = new HashMap<>();
            Long[] ids = byOrder.keySet().toArray(Long[]::new);
            try (PreparedStatement ps = con.prepareStatement("""
                    select order_id, clock, extract(epoch from due_at - started_at) * 1000, extract(epoch from warn_at - started_at) * 1000,
                        extract(epoch from escalate_at - started_at) * 1000, provisional, basis
                    from order_deadline where order_id = any(?) order by order_id, clock""")) {
                ps.setArray(1, con.createArrayOf("bigint", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        clocks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Clock(rs.getString(2), rs.getLong(3),
                                rs.getLong(4), rs.getLong(5), rs.getBoolean(6), rs.getString(7)));
                    }
                }
            }
            try (PreparedStatement ps = con.prepareStatement("""
                    select o.id, o.sla_policy_id, h.details::text from work_order o
                    join order_history h on h.order_id = o.id and h.action = 'record' where o.id = any(?)""")) {
                ps.setArray(1, con.createArrayOf("bigint", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byOrder.get(rs.getLong(1)).written = new Written(rs.getLong(2), clocks.getOrDefault(rs.getLong(1), List.of()),
                                rs.getString(3));
                    }
                }
            }
        }
    }

    /** One realistic order as an agent would record it, and its JSON. */
    static final class Body {
        String channel;
        String requestType;
        String categoryCode;
        String dispatchCategory;
        String title;
        String description;
        String requesterName;
        String phone;
        boolean confidential;
        String address;
        Double lat;
        Double lng;
        String streetCode;
        List<String> flags = List.of();
        byte[] json;
        volatile Derived derived;
        volatile Written written;

        static List<Body> generate(Catalog cat, int n, long seed) {
            Random r = new Random(seed);
            Text text = new Text(r);
            List<Body> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Body b = new Body();
                Category c = cat.categories.get(r.nextInt(cat.categories.size()));
                Street street = cat.sampleStreets.get(r.nextInt(cat.sampleStreets.size()));
                b.channel = Text.weighted(r, new String[] {"PHONE", "WEB", "APP", "WECHAT", "EMAIL", "OPEN311", "OTHER"},
                        new int[] {70, 8, 8, 9, 2, 2, 1});
                b.requestType = Text.weighted(r, new String[] {"COMPLAINT", "HELP", "CONSULTATION", "REPORT", "SUGGESTION"},
                        new int[] {45, 25, 15, 10, 5});
                // most orders are classified at intake; some are left to the dispatcher
                b.categoryCode = r.nextInt(100) < 85 ? c.code() : null;
                b.dispatchCategory = c.code();
                String community = text.community();
                String place = street.name() + community;
                b.title = text.title(c, place);
                b.description = text.description(c, place, 50 + r.nextInt(351));
                int who = r.nextInt(100);
                b.requesterName = who < 8 ? null : text.name();
                b.phone = who < 5 ? null : who < 15 ? text.landline() : text.mobile();
                b.confidential = r.nextInt(100) < 6;
                b.address = text.address(street, community);
                int loc = r.nextInt(100);
                if (loc < 65) {
                    b.streetCode = street.code();
                } else if (loc < 85 && street.lat() != null) {
                    b.lat = street.lat();
                    b.lng = street.lng();
                } else if (loc < 90) {
                    // a point somewhere in the city, in some street or none
                    b.lat = round6(39.70 + r.nextDouble() * 0.6);
                    b.lng = round6(116.10 + r.nextDouble() * 0.6);
                } // else: address only; the dispatcher places it
                int f = r.nextInt(100);
                b.flags = f < 2 ? List.of("INSTABILITY_RISK") : f < 10 ? List.of("SPECIAL_POPULATION")
                        : f < 12 ? List.of("MONTHLY_TOPIC") : List.of();
                b.json = b.toJson();
                out.add(b);
            }
            return out;
        }

        private static double round6(double d) {
            return Math.round(d * 1e6) / 1e6;
        }

        byte[] toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channel", channel);
            m.put("requestType", requestType);
            if (categoryCode != null) {
                m.put("categoryCode", categoryCode);
            }
            m.put("title", title);
            m.put("description", description);
            Map<String, Object> req = new LinkedHashMap<>();
            if (requesterName != null) req.put("name", requesterName);
            if (phone != null) req.put("phone", phone);
            if (confidential) req.put("confidential", true);
            if (!req.isEmpty()) {
                m.put("requester", req);
            }
            Map<String, Object> loc = new LinkedHashMap<>();
            loc.put("address", address);
            if (lat != null) {
                loc.put("lat", lat);
                loc.put("lng", lng);
            }
            if (streetCode != null) loc.put("streetCode", streetCode);
            m.put("location", loc);
            if (!flags.isEmpty()) {
                m.put("flags", flags);
            }
            return JSON.writeValueAsBytes(m);
        }
    }

    /** Citizen-hotline Chinese, composed from pieces so that no two orders read the same. */
    static final class Text {
        private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤";
        private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红文斌玉兰海燕春梅淑珍宇浩然子涵欣怡梓萱俊杰";
        private static final String[] HONORIFIC = {"先生", "女士", "阿姨", "大爷", "师傅"};
        private static final String[] COMMUNITY_A = {"阳光", "幸福", "和平", "安华", "金台", "芳城", "康乐", "富力", "恒安", "华龙", "兴隆",
            "景泰", "明光", "翠微", "望京", "枣营", "团结", "光明", "育新", "永安", "北苑", "南湖", "东湖", "西坝河", "青年"};
        private static final String[] COMMUNITY_B = {"小区", "花园", "家园", "里", "北里", "南里", "西里", "东里", "嘉园", "公寓", "新村",
            "社区", "雅苑", "佳园"};
        private static final String[] ROADS = {"东直门南大街", "朝阳北路", "建国路", "西三环北路", "广安门外大街", "学院路", "安定路",
            "马家堡东路", "京顺路", "莲花池东路", "复兴路", "南苑路", "双清路", "德胜门外大街", "左安路"};
        private static final String[] WHEN = {"今天早上", "昨天晚上", "最近一周", "从上个月开始", "这几天", "连续三天", "每天夜里十点以后",
            "入冬以来", "本周一起", "前天下午", "近两个月", "今天凌晨", "这个月以来", "从上周五开始", "每逢周末"};
        private static final String[] OPENING = {"来电人反映：", "市民来电反映，", "来电人称，", "市民通过热线反映：", "来电反映，", ""};
        private static final String[] DETAIL = {"已经多次向物业反映，至今没有解决", "找过社区居委会，答复说不归他们管", "楼里的邻居也都有同样的情况",
            "物业电话一直无人接听", "此前已经打过一次热线，问题仍然存在", "附近商户和居民意见很大", "现场有照片可以提供",
            "家中有八十多岁的老人和刚出生的孩子", "晚上根本没法休息", "孩子上学路过这里，家长很担心", "已经持续很长时间了",
            "问了好几个部门，互相推诿", "白天上班没人在家，只能晚上处理"};
        private static final String[] IMPACT = {"严重影响正常生活", "存在安全隐患", "影响周边居民出行", "给老人和孩子带来很大不便",
            "影响休息和工作", "担心引发更大的问题", "造成了一定的经济损失"};
        private static final String[] ASK = {"希望相关部门尽快处理", "请尽快派人到现场查看", "要求给出明确的解决时间", "希望能够彻底解决",
            "请处理后回复来电人", "希望有关单位加强管理", "希望尽快恢复正常", "要求相关单位给个说法"};
        private static final String[] TITLE_FORM = {"%s%s", "%s反映%s", "%s%s问题", "关于%s%s的诉求", "%s%s，要求尽快处理",
            "%s长期%s"};

        private final Random r;

        Text(Random r) {
            this.r = r;
        }

        static String weighted(Random r, String[] values, int[] weights) {
            int total = Arrays.stream(weights).sum();
            int x = r.nextInt(total);
            for (int i = 0; i < values.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }

        String pick(String[] a) {
            return a[r.nextInt(a.length)];
        }

        char pickChar(String s) {
            return s.charAt(r.nextInt(s.length()));
        }

        String community() {
            return pick(COMMUNITY_A) + pick(COMMUNITY_B);
        }

        String name() {
            return r.nextBoolean() ? pickChar(SURNAMES) + pick(HONORIFIC)
                    : "" + pickChar(SURNAMES) + pickChar(GIVEN) + (r.nextBoolean() ? "" + pickChar(GIVEN) : "");
        }

        String mobile() {
            StringBuilder s = new StringBuilder("1").append((char) ('3' + r.nextInt(7)));
            for (int i = 0; i < 9; i++) {
                s.append((char) ('0' + r.nextInt(10)));
            }
            return s.toString();
        }

        String landline() {
            return "010-" + (6 + r.nextInt(3)) + String.format("%07d", r.nextInt(10_000_000));
        }

        String address(Street s, String community) {
            return r.nextInt(4) == 0 ? pick(ROADS) + (1 + r.nextInt(300)) + "号"
                    : s.name() + community + (1 + r.nextInt(30)) + "号楼" + (1 + r.nextInt(6)) + "单元" + (1 + r.nextInt(20))
                    + String.format("%02d", 1 + r.nextInt(4)) + "室";
        }

        private String keyword(Category c) {
            return c.keywords().isEmpty() ? c.name() : c.keywords().get(r.nextInt(c.keywords().size()));
        }

        String title(Category c, String place) {
            String t = String.format(pick(TITLE_FORM), r.nextBoolean() ? place : place.substring(0, Math.min(place.length(), 4)),
                    keyword(c));
            return t.length() > 100 ? t.substring(0, 100) : t;
        }

        String description(Category c, String place, int target) {
            StringBuilder s = new StringBuilder(pick(OPENING));
            s.append(pick(WHEN)).append(place).append(r.nextInt(3) == 0 ? "附近" : "").append("出现").append(keyword(c))
                    .append("的情况（").append(c.name()).append("），").append(pick(DETAIL)).append("，").append(pick(IMPACT))
                    .append("。");
            List<String> more = new ArrayList<>();
            while (s.length() < target) {
                String sentence = switch (r.nextInt(4)) {
                    case 0 -> pick(DETAIL) + "。";
                    case 1 -> pick(WHEN) + "又" + keyword(c) + "，" + pick(IMPACT) + "。";
                    case 2 -> "来电人表示" + pick(DETAIL) + "，" + pick(ASK) + "。";
                    default -> pick(IMPACT) + "，" + pick(DETAIL) + "。";
                };
                if (more.contains(sentence)) {
                    continue;
                }
                more.add(sentence);
                s.append(sentence);
            }
            String ask = "诉求：" + pick(ASK) + "。";
            if (s.length() + ask.length() > 400) {
                s.setLength(400 - ask.length() - 1);
                s.append("…");
            }
            return s.append(ask).toString();
        }
    }

    /** The main path of an order, as in the tests' Orders helper; who acts at each step. */
    static final class Lifecycle {
        record Step(String slug, String actor, byte[] body) {
        }

        static final List<Step> STEPS = List.of(
                new Step("record", "agent", null),
                new Step("dispatch", "dispatcher", null),
                new Step("sign", "handler", json(Map.of())),
                new Step("contact", "handler", json(Map.of("note", "已电话联系来电人，约定明天上午到现场查看"))),
                new Step("reply", "handler", json(Map.of("text",
                        "经核实，来电人反映的问题属实。我单位已安排工作人员到现场处理，问题已经解决，并已向来电人说明情况，来电人表示认可。"))),
                new Step("approve-reply", "dispatcher", json(Map.of())),
                new Step("record-callback", "agent", json(Map.of("reached", true, "contacted", true, "solved", "YES",
                        "satisfaction", "SATISFIED", "note", "回访来电人，表示问题已解决"))),
                new Step("close", "agent", json(Map.of())));

        static byte[] dispatchBody(String lead, String categoryCode) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("leadUnitCode", lead);
            if (categoryCode != null) {
                m.put("categoryCode", categoryCode);
            }
            return json(m);
        }

        private static byte[] json(Object o) {
            return JSON.writeValueAsBytes(o);
        }
    }

    /**
     * The application's recording, written directly: the same rows and values (work_order, the clocks started at
     * recording in order_deadline, the history entry), one statement per row plus the number, in one transaction.
     */
    static final class RawInsert {
        static final String ORDER = """
                insert into work_order (number, channel, request_type, category_code, title, description, requester_name,
                    requester_phone, requester_confidential, address, lat, lng, street_code, district_code, flags, state,
                    tier_code, sla_policy_id, recorded_by, recorded_at, updated_at)
                select ? || lpad(n::text, greatest(5, length(n::text)), '0'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?::varchar[], 'RECEIVED', ?, ?, ?, ?, ?
                from nextval(?::regclass) n
                returning id""";
        static final String DEADLINE = """
                insert into order_deadline (order_id, clock, started_at, due_at, warn_at, escalate_at, provisional, basis)
                values (?, ?, ?, ?, ?, ?, ?, ?)""";
        static final String HISTORY = """
                insert into order_history (order_id, action, actor, role, unit_code, at, from_state, to_state, reason, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

        static void record(Connection con, PreparedStatement order, PreparedStatement deadline, PreparedStatement history, Body b,
                String day, String agent) throws SQLException {
            Derived d = b.derived;
            Written w = b.written;
            Instant now = Instant.now();
            Timestamp ts = Timestamp.from(now);
            int i = 1;
            order.setString(i++, day);
            order.setString(i++, b.channel);
            order.setString(i++, b.requestType);
            order.setString(i++, b.categoryCode);
            order.setString(i++, b.title);
            order.setString(i++, b.description);
            order.setString(i++, b.requesterName);
            order.setString(i++, b.phone);
            order.setBoolean(i++, b.confidential);
            order.setString(i++, b.address);
            setDouble(order, i++, b.lat);
            setDouble(order, i++, b.lng);
            order.setString(i++, d.streetCode());
            order.setString(i++, d.districtCode());
            order.setString(i++, "{" + String.join(",", b.flags) + "}");
            order.setString(i++, d.tierCode());
            order.setLong(i++, w.policyId());
            order.setString(i++, agent);
            order.setTimestamp(i++, ts);
            order.setTimestamp(i++, ts);
            order.setString(i, "order_number_" + day);
            long id;
            try (ResultSet rs = order.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            for (Written.Clock c : w.clocks()) {
                i = 1;
                deadline.setLong(i++, id);
                deadline.setString(i++, c.clock());
                deadline.setTimestamp(i++, ts);
                deadline.setTimestamp(i++, Timestamp.from(now.plusMillis(c.dueMillis())));
                deadline.setTimestamp(i++, Timestamp.from(now.plusMillis(c.warnMillis())));
                deadline.setTimestamp(i++, Timestamp.from(now.plusMillis(c.escalateMillis())));
                deadline.setBoolean(i++, c.provisional());
                deadline.setString(i, c.basis());
                deadline.executeUpdate();
            }
            i = 1;
            history.setLong(i++, id);
            history.setString(i++, "record");
            history.setString(i++, agent);
            history.setString(i++, "AGENT");
            history.setNull(i++, Types.VARCHAR);
            history.setTimestamp(i++, ts);
            history.setNull(i++, Types.VARCHAR);
            history.setString(i++, "RECEIVED");
            history.setNull(i++, Types.VARCHAR);
            history.setString(i, w.historyDetails());
            history.executeUpdate();
            con.commit();
        }

        private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
            if (v == null) {
                ps.setNull(i, Types.DOUBLE);
            } else {
                ps.setDouble(i, v);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    record Resp(int status, byte[] body, boolean close) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Resp ok() {
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status + ": " + text());
            }
            return this;
        }

        /** A top-level numeric field without parsing the whole body (the driver's CPU is the server's too). */
        long longField(String name) {
            byte[] key = ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
            outer:
            for (int i = 0; i + key.length < body.length; i++) {
                for (int k = 0; k < key.length; k++) {
                    if (body[i + k] != key[k]) {
                        continue outer;
                    }
                }
                long v = 0;
                for (int j = i + key.length; j < body.length && body[j] >= '0' && body[j] <= '9'; j++) {
                    v = v * 10 + (body[j] - '0');
                }
                return v;
            }
            throw new IllegalStateException("no field " + name + " in " + text());
        }
    }

    interface HttpClientish extends AutoCloseable {
        Resp post(String path, String auth, byte[] json);

        Resp get(String path, String auth);

        @Override
        void close();
    }

    /** java.net.http.HttpClient, HTTP/1.1, one client (and its connection pool) per worker. */
    static final class JdkClient implements HttpClientish {
        private final String base;
        private final HttpClient http;

        JdkClient(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        }

        @Override
        public Resp post(String path, String auth, byte[] json) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
        }

        @Override
        public Resp get(String path, String auth) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                    .header("Accept", "application/json").GET());
        }

        private Resp send(HttpRequest.Builder b) {
            try {
                HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Resp(r.statusCode(), r.body(), false);
            } catch (IOException e) {
                return new Resp(-1, String.valueOf(e).getBytes(StandardCharsets.UTF_8), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            // HttpClient.close() arrived in Java 21; the client's threads are daemons
        }
    }

    /**
     * A minimal blocking HTTP/1.1 client over one keep-alive socket: what a load generator needs and nothing
     * else (fixed headers, Content-Length or chunked responses, reconnect when the server closes).
     */
    static final class SocketClient implements HttpClientish {
        private final String host;
        private final int port;
        private final byte[] hostHeader;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        SocketClient(String base) {
            URI u = URI.create(base);
            this.host = u.getHost();
            this.port = u.getPort() < 0 ? 80 : u.getPort();
            this.hostHeader = (host + ":" + port).getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public Resp post(String path, String auth, byte[] json) {
            return exchange("POST", path, auth, json);
        }

        @Override
        public Resp get(String path, String auth) {
            return exchange("GET", path, auth, null);
        }

        private Resp exchange(String method, String path, String auth, byte[] body) {
            for (int attempt = 0; ; attempt++) {
                boolean reused = socket != null;
                try {
                    if (socket == null) {
                        connect();
                    }
                    ByteArrayOutputStream head = new ByteArrayOutputStream(256 + (body == null ? 0 : body.length));
                    head.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: ").getBytes(StandardCharsets.US_ASCII));
                    head.writeBytes(hostHeader);
                    head.writeBytes(("\r\nAuthorization: " + auth + "\r\nAccept: application/json\r\n").getBytes(StandardCharsets.US_ASCII));
                    if (body != null) {
                        head.writeBytes(("Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                    }
                    head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                    if (body != null) {
                        head.writeBytes(body);
                    }
                    head.writeTo(out);
                    out.flush();
                    Resp r = read();
                    if (r.close()) {
                        close();
                    }
                    return r;
                } catch (IOException e) {
                    close();
                    // a kept-alive connection the server closed meanwhile: retry once on a fresh one
                    if (!reused || attempt > 0) {
                        return new Resp(-1, String.valueOf(e).getBytes(StandardCharsets.UTF_8), true);
                    }
                }
            }
        }

        private void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        private Resp read() throws IOException {
            String status = line();
            if (status.isEmpty()) {
                throw new EOFException("connection closed");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            byte[] body;
            if (chunked) {
                ByteArrayOutputStream b = new ByteArrayOutputStream(2048);
                while (true) {
                    String size = line();
                    int semi = size.indexOf(';');
                    int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        while (!line().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    b.writeBytes(in.readNBytes(n));
                    line();
                }
                body = b.toByteArray();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
            } else {
                body = in.readAllBytes();
                close = true;
            }
            return new Resp(code, body, close);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    break;
                }
                if (c != '\r') {
                    s.append((char) c);
                }
            }
            return s.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ server

    /** The application as a child process: fresh data folder, a fixed free port, its log in the folder. */
    interface Watched {
        long pid();

        long postmasterPid();
    }

    record Attached(long pid, long postmasterPid) implements Watched {
    }

    static final class ServerProcess implements AutoCloseable, Watched {
        final Process process;
        final int port;
        final int pgPort;
        final Path dataDir;
        final Path pgDir;
        final Path log;
        final double startSeconds;
        final List<String> jvmOpts;
        final List<String> serverOpts;
        private boolean closed;

        private ServerProcess(Process process, int port, int pgPort, Path dataDir, Path pgDir, Path log, double startSeconds,
                List<String> jvmOpts, List<String> serverOpts) {
            this.process = process;
            this.port = port;
            this.pgPort = pgPort;
            this.dataDir = dataDir;
            this.pgDir = pgDir;
            this.log = log;
            this.startSeconds = startSeconds;
            this.jvmOpts = jvmOpts;
            this.serverOpts = serverOpts;
        }

        static ServerProcess start(Options opt) throws Exception {
            Path jar = Path.of(opt.jar).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no application jar at " + jar + " (build it: mvn -q -DskipTests package)");
            }
            Path dir = Files.createTempDirectory("swift-bench-");
            Path log = dir.resolve("server.log");
            int port = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new ArrayList<>();
            cmd.add(java);
            cmd.addAll(opt.jvmOpts);
            cmd.add("-jar");
            cmd.add(jar.toString());
            cmd.add("--server.port=" + port);
            cmd.addAll(opt.serverOpts);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("SWIFT_DATA_DIR", dir.resolve("data").toString());
            pb.environment().remove("SWIFT_DB_URL");
            long t0 = System.nanoTime();
            Process p = pb.start();
            System.out.println("starting " + String.join(" ", cmd) + "\n  SWIFT_DATA_DIR=" + dir.resolve("data"));
            ServerProcess[] holder = new ServerProcess[1];
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (holder[0] != null) {
                    holder[0].close();
                } else {
                    p.destroy();
                }
            }));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(opt.startTimeout).toNanos();
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the server exited with " + p.exitValue() + "; its log:\n" + tail(log, 40));
                }
                if (System.nanoTime() > deadline) {
                    p.destroy();
                    throw new IllegalStateException("the server did not become healthy in " + opt.startTimeout + " s; its log:\n"
                            + tail(log, 40));
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("UP")) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Matcher m = PG_PORT.matcher(Files.readString(log));
            if (!m.find()) {
                throw new IllegalStateException("no line 'Embedded PostgreSQL 17 on port N' in " + log
                        + ": is the server using an external database?");
            }
            ServerProcess s = new ServerProcess(p, port, Integer.parseInt(m.group(1)), dir, Path.of(m.group(2)), log, seconds,
                    opt.jvmOpts, opt.serverOpts);
            holder[0] = s;
            s.raisePostgresPriority();
            return s;
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public long postmasterPid() {
            try {
                return Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid")).get(0).trim());
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        /**
         * pg_ctl starts PostgreSQL in a session of its own, so under autogroup scheduling it would not share the
         * priority that BENCH_NICE gives the driver and the server; give its group the same niceness.
         */
        void raisePostgresPriority() {
            String nice = System.getenv("BENCH_NICE");
            long pm = postmasterPid();
            if (nice == null || nice.isBlank() || pm <= 0) {
                return;
            }
            try {
                Files.writeString(Path.of("/proc/" + pm + "/autogroup"), nice.trim());
            } catch (IOException | RuntimeException e) {
                System.out.println("  (could not set the niceness of PostgreSQL's scheduling group: " + e.getMessage() + ")");
            }
        }

        String describeOptions() {
            List<String> all = new ArrayList<>(jvmOpts);
            all.addAll(serverOpts);
            return String.join(" ", all);
        }

        static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                s.setReuseAddress(true);
                return s.getLocalPort();
            }
        }

        static String tail(Path log, int lines) {
            try {
                List<String> all = Files.readAllLines(log);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            process.destroy(); // SIGTERM: Spring closes the context, which stops the embedded PostgreSQL
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (System.getenv("BENCH_KEEP_DATA") == null) {
                // the data goes; the server's log stays for a look afterwards
                try (var paths = Files.walk(dataDir.resolve("data"))) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException | UncheckedIOException e) {
                    System.err.println("could not delete " + dataDir + ": " + e);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ CPU

    /** CPU time from /proc: this driver, the server JVM, the PostgreSQL server (postmaster and its backends), the rest. */
    static final class Cpu {
        private static final double TICKS = 100.0; // USER_HZ on Linux

        record Snapshot(double driver, double server, double postgres, double busy, double total) {
            Split minus(Snapshot before, double seconds) {
                double d = (driver - before.driver) / seconds;
                double s = (server - before.server) / seconds;
                double p = (postgres - before.postgres) / seconds;
                double b = (busy - before.busy) / seconds;
                return new Split(d, s, p, Math.max(0, b - d - s - p), server >= 0 && before.server >= 0);
            }
        }

        record Split(double driver, double server, double postgres, double other, boolean known) {
            @Override
            public String toString() {
                return known ? String.format(Locale.ROOT, "cores: driver %.2f server %.2f pg %.2f other %.2f", driver, server,
                        postgres, other) : String.format(Locale.ROOT, "cores: driver %.2f, rest %.2f", driver, server + postgres + other);
            }
        }

        /** CPU seconds of the server JVM's threads, grouped: request threads, JIT compilers, GC, the rest. */
        static Map<String, Double> serverThreads(Watched server) {
            Map<String, Double> groups = new LinkedHashMap<>();
            if (server == null) {
                return groups;
            }
            try (var tasks = Files.list(Path.of("/proc/" + server.pid() + "/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(t.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        double cpu = (Double.parseDouble(f[11]) + Double.parseDouble(f[12])) / TICKS;
                        String g = name.startsWith("http-nio") ? "http-nio"
                                : name.startsWith("C2 ") || name.startsWith("C1 ") ? "JIT"
                                : name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread") ? "GC+VM"
                                : "other";
                        groups.merge(g, cpu, Double::sum);
                    } catch (IOException | RuntimeException e) {
                        // thread gone meanwhile
                    }
                }
            } catch (IOException e) {
                // not Linux
            }
            return groups;
        }

        static Snapshot snapshot(Watched server) {
            double driver = ticks(ProcessHandle.current().pid(), false);
            double srv = -1;
            double pg = 0;
            if (server != null) {
                srv = ticks(server.pid(), false);
                long postmaster = server.postmasterPid();
                if (postmaster > 0) {
                    pg = ticks(postmaster, true);
                    for (long child : childrenOf(postmaster)) {
                        pg += ticks(child, false);
                    }
                }
            }
            double busy = 0;
            double total = 0;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < f.length && i <= 8; i++) {
                    double v = Double.parseDouble(f[i]);
                    total += v;
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += v;
                    }
                }
            } catch (IOException e) {
                // not Linux
            }
            return new Snapshot(driver / TICKS, srv < 0 ? -1 : srv / TICKS, pg / TICKS, busy / TICKS, total / TICKS);
        }

        /** utime + stime (+ cutime + cstime of reaped children when asked). */
        static double ticks(long pid, boolean withChildren) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields after "(comm) ": state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
                double t = Double.parseDouble(f[11]) + Double.parseDouble(f[12]);
                if (withChildren) {
                    t += Double.parseDouble(f[13]) + Double.parseDouble(f[14]);
                }
                return t;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static List<Long> childrenOf(long parent) {
            List<Long> out = new ArrayList<>();
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path d : (Iterable<Path>) dirs::iterator) {
                    String name = d.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(d.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (Long.parseLong(f[1]) == parent) {
                            out.add(Long.parseLong(name));
                        }
                    } catch (IOException | RuntimeException e) {
                        // gone meanwhile
                    }
                }
            } catch (IOException e) {
                // not Linux
            }
            return out;
        }
    }

    record Machine(int cores, String model, String memory, String java) {
        static Machine describe() {
            String model = "?";
            String memory = "?";
            try {
                model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
                memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                        .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                        .findFirst().orElse("?");
            } catch (IOException e) {
                // not Linux
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), model, memory,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        }

        String oneLine() {
            return cores + " cores (" + model + "), " + memory + " RAM, " + java;
        }

        @Override
        public String toString() {
            return "machine: " + oneLine();
        }
    }

    // ------------------------------------------------------------------------------------------------ misc

    /** A growable array of longs (latencies in nanoseconds). */
    static final class LongList {
        private long[] a = new long[1024];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        void addAll(LongList o) {
            for (int i = 0; i < o.n; i++) {
                add(o.a[i]);
            }
        }

        /** In milliseconds; nearest-rank. */
        double percentile(double p) {
            if (n == 0) {
                return Double.NaN;
            }
            long[] s = Arrays.copyOf(a, n);
            Arrays.sort(s);
            int rank = (int) Math.ceil(p / 100.0 * n);
            return s[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
        }
    }

    static final class Options {
        String url;
        String jdbcUrl;
        String jar = System.getenv().getOrDefault("JAR", "target/swift-response.jar");
        List<Integer> concurrency = List.of(4, 8, 16, 32);
        List<Integer> lifecycleConcurrency = List.of(8, 16);
        double duration = 15;
        double rawDuration = 8;
        double lifecycleDuration = 15;
        double warmup = 120;
        double warmupMin = 20;
        double jitSettled = 0.05;
        int repeat = 1;
        int poolSize = 2000;
        long seed = 12345;
        int startTimeout = 240;
        String client = "socket";
        Set<String> phases = new LinkedHashSet<>(List.of("create", "raw", "ping", "lifecycle"));
        List<String> jvmOpts = new ArrayList<>();
        List<String> serverOpts = new ArrayList<>();
        String markdownFile;
        double maxOther = 0.3;
        double quietWait = 0;
        long serverPid;
        long postmasterPid;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    v = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "--help", "-h" -> {
                        System.out.println(HELP);
                        return null;
                    }
                    case "--quick" -> {
                        o.concurrency = List.of(8, 16);
                        o.lifecycleConcurrency = List.of(16);
                        o.duration = 6;
                        o.rawDuration = 4;
                        o.lifecycleDuration = 6;
                        o.warmup = 30;
                        o.warmupMin = 10;
                        o.poolSize = 1000;
                    }
                    case "--url" -> o.url = v != null ? v : args[++i];
                    case "--jdbc-url" -> o.jdbcUrl = v != null ? v : args[++i];
                    case "--jar" -> o.jar = v != null ? v : args[++i];
                    case "--concurrency", "-c" -> o.concurrency = ints(v != null ? v : args[++i]);
                    case "--lifecycle-concurrency" -> o.lifecycleConcurrency = ints(v != null ? v : args[++i]);
                    case "--duration" -> o.duration = Double.parseDouble(v != null ? v : args[++i]);
                    case "--raw-duration" -> o.rawDuration = Double.parseDouble(v != null ? v : args[++i]);
                    case "--lifecycle-duration" -> o.lifecycleDuration = Double.parseDouble(v != null ? v : args[++i]);
                    case "--warmup" -> o.warmup = Double.parseDouble(v != null ? v : args[++i]);
                    case "--warmup-min" -> o.warmupMin = Double.parseDouble(v != null ? v : args[++i]);
                    case "--jit-settled" -> o.jitSettled = Double.parseDouble(v != null ? v : args[++i]);
                    case "--repeat" -> o.repeat = Integer.parseInt(v != null ? v : args[++i]);
                    case "--bodies" -> o.poolSize = Integer.parseInt(v != null ? v : args[++i]);
                    case "--seed" -> o.seed = Long.parseLong(v != null ? v : args[++i]);
                    case "--client" -> o.client = v != null ? v : args[++i];
                    case "--phases" -> o.phases = new LinkedHashSet<>(List.of((v != null ? v : args[++i]).split(",")));
                    case "--jvm-opt" -> o.jvmOpts.add(v != null ? v : args[++i]);
                    case "--server-opt" -> o.serverOpts.add(v != null ? v : args[++i]);
                    case "--markdown" -> o.markdownFile = v != null ? v : args[++i];
                    case "--server-pid" -> o.serverPid = Long.parseLong(v != null ? v : args[++i]);
                    case "--postmaster-pid" -> o.postmasterPid = Long.parseLong(v != null ? v : args[++i]);
                    case "--max-other" -> o.maxOther = Double.parseDouble(v != null ? v : args[++i]);
                    case "--quiet-wait" -> o.quietWait = Double.parseDouble(v != null ? v : args[++i]);
                    case "--start-timeout" -> o.startTimeout = Integer.parseInt(v != null ? v : args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + HELP);
                }
            }
            if (!o.client.equals("socket") && !o.client.equals("jdk")) {
                throw new IllegalArgumentException("--client is socket or jdk");
            }
            return o;
        }

        private static List<Integer> ints(String s) {
            return Arrays.stream(s.split(",")).map(String::trim).map(Integer::parseInt).toList();
        }

        static final String HELP = """
                OrderLoadBenchmark [options]
                  --quick                      ~1.5 minutes: C=8,16, 6 s phases, at most 30 s of warm-up (figures low)
                  --jar PATH                   application jar (env JAR; default target/swift-response.jar)
                  --url URL                    use a running server instead of starting one
                  --jdbc-url URL               with --url: the database for the raw JDBC phase (user postgres)
                  --server-pid PID             with --url: account the server's CPU (and --postmaster-pid PID, PostgreSQL's)
                  --concurrency 4,8,16,32      concurrent clients for the create and raw phases
                  --lifecycle-concurrency 8,16 concurrent clients for the lifecycle phase
                  --duration S                 seconds per create measurement (15)
                  --raw-duration S             seconds per raw JDBC measurement (8)
                  --lifecycle-duration S       seconds per lifecycle measurement (15)
                  --warmup S                   longest warm-up, seconds (120; it ends sooner once the server's JIT
                                               compilers use less than --jit-settled cores (0.05) in a 5 s round,
                                               but not before --warmup-min seconds (20))
                  --repeat N                   repeat all measurements N times, report medians (1)
                  --phases create,raw,ping,lifecycle   (ping: an authenticated GET, the floor under every call)
                  --client socket|jdk          load driver HTTP client: plain sockets (default) or java.net.http
                  --jvm-opt OPT                extra JVM option for the server child (repeatable)
                  --server-opt OPT             extra application argument, e.g. --server-opt=--server.tomcat.threads.max=32
                  --bodies N                   distinct request bodies (2000)
                  --markdown FILE              also write the Markdown snippet to FILE
                  --max-other CORES            before a phase, wait until other processes use less (0.3)
                  --quiet-wait S               ... for at most S seconds, then measure anyway (0: never wait; with
                                               BENCH_NICE the others yield anyway, so the check would only wait)
                env BENCH_KEEP_DATA=1 keeps the temporary data folder.""";
    }
}
