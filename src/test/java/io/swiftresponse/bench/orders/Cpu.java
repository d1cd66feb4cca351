package io.swiftresponse.bench.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CPU time from /proc: this driver, the server JVM, the PostgreSQL server (postmaster and its backends), the rest. */
final class Cpu {
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
