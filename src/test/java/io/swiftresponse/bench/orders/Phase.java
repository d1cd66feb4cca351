package io.swiftresponse.bench.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One measured phase: wall time and the CPU the driver, the server and PostgreSQL used meanwhile. */
final class Phase {
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
            System.out.println("      per request p50/p99 ms: " + r.perStep().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.1f/%.1f", e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .collect(Collectors.joining(", ")));
        }
        errs.stream().limit(3).forEach(e -> System.out.println("      error: " + e));
        return r;
    }
}
