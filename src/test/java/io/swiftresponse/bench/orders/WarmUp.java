package io.swiftresponse.bench.orders;

import static io.swiftresponse.bench.orders.Json.JSON;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Before the phases: every body recorded once, then load until the server's JIT compilers have settled. */
final class WarmUp {
    private final Bench bench;
    private final Credentials credentials;
    private final HttpPhases phases;
    private final RawPhase rawPhase;

    WarmUp(Bench bench, Credentials credentials, HttpPhases phases, RawPhase rawPhase) {
        this.bench = bench;
        this.credentials = credentials;
        this.phases = phases;
        this.rawPhase = rawPhase;
    }

    /**
     * Passwords verified, every body recorded once (keeping what the server derived from it), then creates and
     * lifecycles in rounds of 5 s until the server's JIT compilers have settled (less than --jit-settled cores
     * in a round) or --warmup seconds have passed. On 2 cores C2 needs minutes to compile the request path, and
     * a phase measured while it still compiles shows the compiler's cost rather than the application's.
     */
    void run() throws Exception {
        long t0 = System.nanoTime();
        credentials.warm();
        int c = Math.max(4, bench.opt.concurrency.stream().mapToInt(Integer::intValue).max().orElse(8) / 2);
        AtomicInteger next = new AtomicInteger();
        List<Tally> warm = Workers.run(c, 0, (w, deadline) -> {
            HttpClientish http = bench.client();
            Tally t = new Tally();
            for (int i = next.getAndIncrement(); i < bench.pool.size(); i = next.getAndIncrement()) {
                Body b = bench.pool.get(i);
                for (int attempt = 0; b.derived == null && attempt < 3; attempt++) {
                    Resp r = http.post("/api/v1/orders", bench.catalog.agent.auth(), b.json);
                    if (r.status() == 201) {
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
        long missing = bench.pool.stream().filter(b -> b.derived == null).count();
        if (missing > 0) {
            throw new IllegalStateException(missing + " bodies were not recorded during the warm-up");
        }
        System.out.printf("warm-up: %d bodies recorded once in %.1f s%n", bench.pool.size(), (System.nanoTime() - t0) / 1e9);
        boolean raw = bench.opt.phases.contains("raw") && bench.jdbcUrl != null;
        int round = 0;
        double jit = Double.NaN;
        while (true) {
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (elapsed >= bench.opt.warmup || (elapsed >= bench.opt.warmupMin && jit < bench.opt.jitSettled)) {
                break;
            }
            round++;
            Map<String, Double> before = Cpu.serverThreads(bench.watched);
            long r0 = System.nanoTime();
            AtomicInteger seq = new AtomicInteger(round * 7919);
            List<Tally> tallies = Workers.run(c, 5, (w, deadline) -> {
                HttpClientish http = bench.client();
                Tally t = new Tally();
                while (System.nanoTime() < deadline) {
                    Body b = bench.pool.get(Math.floorMod(seq.getAndIncrement(), bench.pool.size()));
                    if (w % 2 == 0) {
                        Resp r = http.post("/api/v1/orders", bench.catalog.agent.auth(), b.json);
                        if (r.status() == 201) {
                            t.ok++;
                        } else {
                            t.error("warm-up record", r);
                        }
                    } else if (phases.walkLifecycle(http, b, t, null)) {
                        http.get("/api/v1/taxonomy/request-types", bench.catalog.agent.auth());
                    }
                }
                http.close();
                return t;
            });
            if (raw && round % 3 == 1) {
                rawPhase.workers(2, 1.0);
            }
            double secs = (System.nanoTime() - r0) / 1e9;
            Map<String, Double> after = Cpu.serverThreads(bench.watched);
            jit = bench.watched == null ? Double.NaN : (after.getOrDefault("JIT", 0.0) - before.getOrDefault("JIT", 0.0)) / secs;
            long ok = tallies.stream().mapToLong(t -> t.ok).sum();
            tallies.stream().flatMap(t -> t.firstErrors.stream()).limit(2).forEach(e -> System.out.println("  warm-up error: " + e));
            System.out.printf(Locale.ROOT, "  warm-up round %d: %.0f creates/s, server JIT compilers %.2f cores%n", round,
                    ok / secs, jit);
            if (bench.watched == null && (System.nanoTime() - t0) / 1e9 >= bench.opt.warmupMin) {
                break;
            }
        }
        if (raw) {
            rawPhase.workers(4, 3.0); // the driver's own JIT, for the raw path
        }
        if (!(jit < bench.opt.jitSettled) && bench.watched != null) {
            String note = String.format(Locale.ROOT, "the server's JIT compilers still used %.2f cores when the %.0f s warm-up "
                    + "ended; the first phases pay for compiling", jit, bench.opt.warmup);
            System.out.println("  note: " + note);
            bench.notes.add(note);
        }
        System.out.printf("warm-up: %.1f s in all (%d users' passwords verified once)%n", (System.nanoTime() - t0) / 1e9,
                credentials.verifiedCount());
    }
}
