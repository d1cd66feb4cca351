package io.swiftresponse.bench;

import io.swiftresponse.calendar.WorkingCalendar;
import io.swiftresponse.workorder.DeadlineClock;
import io.swiftresponse.workorder.DeadlinePolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * Deadline computations per second on one thread: the bit-set {@link WorkingCalendar#addWorkingDays} against a naive
 * java.time walk over a {@code HashSet<LocalDate>}, the full {@code SlaPolicies.due(...)} (calendar, warning and escalation
 * points, basis sentence), the basis sentence alone, and two prototypes (epoch-day arithmetic; due with a cheaper basis).
 * Inputs and code under test: {@link DeadlineComputationFixture}; baseline and prototypes: {@link DeadlinePrototypes};
 * rounds, forks and medians: {@link ForkedRounds}.
 *
 * <pre>java -cp ... io.swiftresponse.bench.DeadlineComputationBenchmark [--warmup 8] [--rounds 10] [--round-ms 1000]
 *     [--only bitset,naive,...] [--jvm-opts "-Xms1g -Xmx1g"]</pre>
 */
public final class DeadlineComputationBenchmark extends DeadlinePrototypes {

    static final List<String> CASES = List.of("naive", "bitset", "epochday", "due-days", "due-hours", "due-fastbasis", "basis",
            "basis-format", "basis-fast");

    DeadlineComputationBenchmark() throws Exception {
    }

    IntToLongFunction op(String name) {
        return switch (name) {
            case "naive" -> i -> sink(naive.add(starts[i], days[i], ZONE));
            case "bitset" -> i -> sink(calendar.addWorkingDays(starts[i], days[i], ZONE));
            case "epochday" -> i -> sink(epochDay(starts[i], days[i]));
            case "due-days" -> i -> sink(policies.due(days[i], DeadlineClock.REPLY, starts[i]));
            case "due-hours" -> i -> sink(policies.due(days[i], DeadlineClock.DISPATCH, starts[i]));
            case "due-fastbasis" -> i -> sink(dueFastBasis(i));
            case "basis" -> i -> basis(i).length();
            case "basis-format" -> i -> SHOWN.format(starts[i].atZone(ZONE)).length();
            case "basis-fast" -> i -> basisFast(i).length();
            default -> throw new IllegalArgumentException("unknown case " + name + "; cases: " + CASES);
        };
    }

    /** What each operation returns into the sum that keeps the JIT from dropping the work (a blackhole). */
    static long sink(WorkingCalendar.Deadline d) {
        return d.at().getEpochSecond() + (d.provisional() ? 1 : 0);
    }

    static long sink(DeadlinePolicy.Due d) {
        return d.dueAt().getEpochSecond() + d.warnAt().getEpochSecond() + d.escalateAt().getEpochSecond() + d.basis().length();
    }

    /** Before any timing: every variant gives the same answer as the code under test on every sample. */
    void check() {
        for (int i = 0; i < SAMPLES; i++) {
            WorkingCalendar.Deadline d = calendar.addWorkingDays(starts[i], days[i], ZONE);
            DeadlinePolicy.Due due = policies.due(days[i], DeadlineClock.REPLY, starts[i]);
            if (!naive.add(starts[i], days[i], ZONE).equals(d) || !epochDay(starts[i], days[i]).equals(d) || !dueFastBasis(i).equals(due)
                    || !basisFast(i).equals(basis(i)) || !due.provisional() && !basis(i).equals(due.basis())) {
                throw new IllegalStateException("the variants disagree for " + starts[i] + " + " + days[i]);
            }
        }
        System.out.println("check: naive == bit-set == epochday, due-fastbasis == SlaPolicies.due, basis-fast == basis on " + SAMPLES
                + " samples; e.g. " + basis(0));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int a = 0; a + 1 < args.length; a += 2) opt.put(args[a].replaceFirst("^--", ""), args[a + 1]);
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "8"));
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "10"));
        long roundMs = Long.parseLong(opt.getOrDefault("round-ms", "1000"));
        if (opt.containsKey("fork")) {
            String name = opt.get("fork");
            ForkedRounds.runCase(name, new DeadlineComputationBenchmark().op(name), warmup, rounds, roundMs);
            return;
        }
        new DeadlineComputationBenchmark().check();
        List<String> cases = opt.containsKey("only") ? List.of(opt.get("only").split(",")) : CASES;
        String jvmOpts = opt.getOrDefault("jvm-opts", "-Xms1g -Xmx1g");
        System.out.printf("%d+ warm-up rounds (until 3 agree within 10 %%) + %d timed rounds of %d ms per case, one thread, each case in its own JVM (%s)%n",
                warmup, rounds, roundMs, jvmOpts);
        Map<String, double[]> results = new HashMap<>();
        for (String c : cases) {
            results.put(c, ForkedRounds.fork(DeadlineComputationBenchmark.class, c, jvmOpts, warmup, rounds, roundMs));
            double[] v = results.get(c);
            System.out.printf("%-13s median %,13.0f ops/s wall (min %,.0f, max %,.0f)   %,13.0f ops per CPU-second%n", c, v[0], v[2],
                    v[3], v[1]);
        }
        System.out.println();
        ratio(results, "bitset", "naive", "bit-set calendar vs naive HashSet walk");
        ratio(results, "bitset", "due-days", "addWorkingDays alone vs full SlaPolicies.due (working days)");
        ratio(results, "epochday", "bitset", "epoch-day prototype vs bit-set calendar");
        ratio(results, "due-fastbasis", "due-days", "the benchmark's cheaper-basis prototype vs SlaPolicies.due");
        ratio(results, "basis-fast", "basis", "basis as SlaPolicies builds it now vs the BASELINE DateTimeFormatter basis");
        if (results.containsKey("due-days") && results.containsKey("basis-fast") && results.containsKey("bitset")) {
            double[] ns = {1e9 / results.get("due-days")[1], 1e9 / results.get("bitset")[1], 1e9 / results.get("basis-fast")[1]};
            System.out.printf("per call, CPU: due(...) %.0f ns = addWorkingDays %.0f ns + basis about %.0f ns + the rest %.0f ns%n",
                    ns[0], ns[1], ns[2], ns[0] - ns[1] - ns[2]);
        }
    }

    private static void ratio(Map<String, double[]> r, String a, String b, String what) {
        if (r.containsKey(a) && r.containsKey(b)) {
            System.out.printf("%-66s %5.2fx (wall)  %5.2fx (CPU)%n", what + ":", r.get(a)[0] / r.get(b)[0], r.get(a)[1] / r.get(b)[1]);
        }
    }
}
