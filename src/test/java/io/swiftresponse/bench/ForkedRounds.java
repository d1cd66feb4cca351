package io.swiftresponse.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * A small JMH-like harness (JMH is not on the classpath): each case runs in its own forked JVM, warm-up rounds until the
 * rate is stable, then timed rounds; the median is reported per wall second and per CPU second of the whole process (GC
 * and JIT included; 10 ms resolution), the latter robust when other processes share the cores.
 */
final class ForkedRounds {

    private ForkedRounds() {
    }

    /** One case in this JVM: prints one ROUND line per timed round and one RESULT line. */
    static void runCase(String name, IntToLongFunction op, int warmup, int rounds, long roundMs) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        double[] last = new double[3];
        long sink = 0;
        int i = 0, warmed = 0;
        // warm-up: at least `warmup` rounds, then until three in a row agree within 10 % (C2 is slow to finish when the
        // cores are shared), at most 40; r stays negative while warming up
        for (int r = -1; r < rounds; r++) {
            long ops = 0, c0 = os.getProcessCpuTime(), t0 = System.nanoTime(), end = t0 + roundMs * 1_000_000, t1;
            do {
                for (int k = 0; k < 4096; k++) sink += op.applyAsLong(i++ & DeadlineComputationFixture.MASK);
                ops += 4096;
            } while ((t1 = System.nanoTime()) < end);
            long c1 = os.getProcessCpuTime();
            if (r < 0) {
                last[warmed++ % 3] = ops * 1e9 / Math.max(1, c1 - c0);
                double lo = Math.min(last[0], Math.min(last[1], last[2])), hi = Math.max(last[0], Math.max(last[1], last[2]));
                boolean stable = warmed >= Math.max(3, warmup) && hi <= lo * 1.10;
                r = stable || warmed >= 40 ? -1 : -2;
                if (r == -1) System.out.printf("WARMUP %s %d rounds%n", name, warmed);
            } else {
                wall[r] = ops * 1e9 / (t1 - t0);
                cpu[r] = ops * 1e9 / Math.max(1, c1 - c0);
                System.out.printf("ROUND %s %d %.0f %.0f%n", name, r + 1, wall[r], cpu[r]);
            }
        }
        System.out.printf("RESULT %s %.0f %.0f %.0f %.0f sink=%d%n", name, median(wall), median(cpu), Arrays.stream(wall).min()
                .orElse(0), Arrays.stream(wall).max().orElse(0), sink);
    }

    /**
     * Runs {@code main --fork name ...} in a new JVM with the same class path and returns its RESULT: median wall ops/s,
     * median ops per CPU-second, min and max wall ops/s. Other output of the fork is echoed with the case's name.
     */
    static double[] fork(Class<?> main, String name, String jvmOpts, int warmup, int rounds, long roundMs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path")));
        if (!jvmOpts.isBlank()) cmd.addAll(List.of(jvmOpts.trim().split("\\s+")));
        cmd.addAll(List.of(main.getName(), "--fork", name, "--warmup", "" + warmup, "--rounds", "" + rounds, "--round-ms", "" + roundMs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        double[] result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    result = new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                            Double.parseDouble(f[5])};
                } else if (!line.startsWith("ROUND ")) {
                    System.out.println("  [" + name + "] " + line);
                }
            }
        }
        if (p.waitFor() != 0 || result == null) throw new IllegalStateException("fork for " + name + " failed");
        return result;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
