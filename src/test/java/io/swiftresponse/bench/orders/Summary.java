package io.swiftresponse.bench.orders;

import io.swiftresponse.bench.orders.Repetition.Kind;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Medians over the repetitions: the console table and the Markdown snippet for docs/benchmarks.md. */
final class Summary {
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
