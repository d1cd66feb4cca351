package io.swiftresponse.bench;

import io.swiftresponse.calendar.CalendarDay;
import io.swiftresponse.calendar.CalendarYear;
import io.swiftresponse.calendar.DayKind;
import io.swiftresponse.calendar.WorkingCalendar;
import io.swiftresponse.sla.TimeLimitPolicy;
import io.swiftresponse.workorder.DeadlineClock;
import io.swiftresponse.workorder.DeadlinePolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.*;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

/**
 * Deadline computations per second on one thread: the bit-set {@link WorkingCalendar#addWorkingDays} against a naive
 * java.time walk over a {@code HashSet<LocalDate>}, the full {@code SlaPolicies.due(...)} (calendar, warning and escalation
 * points, basis sentence), the basis sentence alone, and two prototypes (epoch-day arithmetic; due with a cheaper basis).
 * JMH is not on the classpath, so this is a small JMH-like harness: each case in its own forked JVM, warm-up rounds until
 * the rate is stable, timed rounds, the median reported per wall second and per CPU second of the whole process (GC and
 * JIT included; 10 ms resolution), the latter robust when other processes share the cores.
 *
 * <pre>java -cp ... io.swiftresponse.bench.DeadlineComputationBenchmark [--warmup 8] [--rounds 10] [--round-ms 1000]
 *     [--only bitset,naive,...] [--jvm-opts "-Xms1g -Xmx1g"]</pre>
 */
public final class DeadlineComputationBenchmark {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int SAMPLES = 1 << 16;
    static final int MASK = SAMPLES - 1;
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final List<String> CASES = List.of("naive", "bitset", "epochday", "due-days", "due-hours", "due-fastbasis", "basis",
            "basis-format", "basis-fast");

    /** The 2025 and 2026 calendars as V5__calendar.sql seeds them: first, last, H(oliday)/W(orkday), name. */
    static final String[][] OFFICIAL = {
            {"2025-01-01", "2025-01-01", "H", "元旦"}, {"2025-01-26", "2025-01-26", "W", "春节"},
            {"2025-01-28", "2025-02-04", "H", "春节"}, {"2025-02-08", "2025-02-08", "W", "春节"},
            {"2025-04-04", "2025-04-06", "H", "清明节"}, {"2025-04-27", "2025-04-27", "W", "劳动节"},
            {"2025-05-01", "2025-05-05", "H", "劳动节"}, {"2025-05-31", "2025-06-02", "H", "端午节"},
            {"2025-09-28", "2025-09-28", "W", "国庆节、中秋节"}, {"2025-10-01", "2025-10-08", "H", "国庆节、中秋节"},
            {"2025-10-11", "2025-10-11", "W", "国庆节、中秋节"}, {"2026-01-01", "2026-01-03", "H", "元旦"},
            {"2026-01-04", "2026-01-04", "W", "元旦"}, {"2026-02-14", "2026-02-14", "W", "春节"},
            {"2026-02-15", "2026-02-23", "H", "春节"}, {"2026-02-28", "2026-02-28", "W", "春节"},
            {"2026-04-04", "2026-04-06", "H", "清明节"}, {"2026-05-01", "2026-05-05", "H", "劳动节"},
            {"2026-05-09", "2026-05-09", "W", "劳动节"}, {"2026-06-19", "2026-06-21", "H", "端午节"},
            {"2026-09-20", "2026-09-20", "W", "国庆节"}, {"2026-09-25", "2026-09-27", "H", "中秋节"},
            {"2026-10-01", "2026-10-07", "H", "国庆节"}, {"2026-10-10", "2026-10-10", "W", "国庆节"}};

    // random inputs, the same in every fork (seeded): starts over 2025-2026 in Beijing time, n in 1..15
    final Instant[] starts = new Instant[SAMPLES];
    final int[] days = new int[SAMPLES];
    final WorkingCalendar calendar;
    final DeadlinePolicy policies;
    final Map<Long, TimeLimitPolicy> byId = new HashMap<>();
    final Naive naive = new Naive();

    DeadlineComputationBenchmark() throws Exception {
        Random random = new Random(42);
        long from = LocalDate.of(2025, 1, 1).atStartOfDay(ZONE).toEpochSecond();
        long to = LocalDate.of(2027, 1, 1).atStartOfDay(ZONE).toEpochSecond();
        for (int i = 0; i < SAMPLES; i++) {
            starts[i] = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
            days[i] = 1 + random.nextInt(15);
        }
        Map<Integer, List<CalendarDay>> listed = new HashMap<>();
        for (String[] r : OFFICIAL) {
            for (LocalDate d = LocalDate.parse(r[0]); !d.isAfter(LocalDate.parse(r[1])); d = d.plusDays(1)) {
                listed.computeIfAbsent(d.getYear(), y -> new ArrayList<>())
                        .add(new CalendarDay(d, r[2].equals("H") ? DayKind.HOLIDAY : DayKind.WORKDAY, r[3]));
                (r[2].equals("H") ? naive.holidays : naive.workdays).add(d);
            }
        }
        List<CalendarYear> years = List.of(new CalendarYear(2025, null, "bench", "bench", Instant.EPOCH, listed.get(2025)),
                new CalendarYear(2026, null, "bench", "bench", Instant.EPOCH, listed.get(2026)));
        // the calendar's and the policies' no-Spring constructors are package-private: reached by reflection
        Constructor<WorkingCalendar> cc = WorkingCalendar.class.getDeclaredConstructor(Supplier.class, Clock.class);
        cc.setAccessible(true);
        calendar = cc.newInstance((Supplier<List<CalendarYear>>) () -> years, Clock.system(ZONE));
        // policy #n: REPLY = n working days, DISPATCH = n hours; otherwise the default GENERAL policy of V6
        for (long n = 1; n <= 15; n++) {
            byId.put(n, new TimeLimitPolicy(n, "GENERAL", null, LocalDate.of(2020, 1, 1), 80, null, 24, "default four-tier model",
                    "system", Instant.EPOCH, Map.of(
                    DeadlineClock.REPLY, new TimeLimitPolicy.Limit((int) n, TimeLimitPolicy.Unit.WORKING_DAYS, Set.of("dispatch")),
                    DeadlineClock.DISPATCH, new TimeLimitPolicy.Limit((int) n, TimeLimitPolicy.Unit.HOURS, Set.of("record")))));
        }
        Class<?> repoType = Class.forName("io.swiftresponse.sla.PolicyRepository");
        Constructor<?> rc = repoType.getDeclaredConstructor(org.springframework.jdbc.core.simple.JdbcClient.class);
        rc.setAccessible(true);
        Class<?> slaType = Class.forName("io.swiftresponse.sla.SlaPolicies");
        Constructor<?> sc = slaType.getDeclaredConstructor(repoType, WorkingCalendar.class, Clock.class);
        sc.setAccessible(true);
        policies = (DeadlinePolicy) sc.newInstance(rc.newInstance((Object) null), calendar, Clock.system(ZONE));
        java.lang.reflect.Method load = slaType.getDeclaredMethod("load", java.util.Collection.class);
        load.setAccessible(true);
        load.invoke(policies, List.copyOf(byId.values()));
    }

    /** The baseline: a plain java.time walk with hash-set lookups, same rules and same result as the calendar. */
    static final class Naive {
        final Set<LocalDate> holidays = new HashSet<>();
        final Set<LocalDate> workdays = new HashSet<>();

        boolean working(LocalDate d) {
            if (workdays.contains(d)) return true;
            if (holidays.contains(d)) return false;
            DayOfWeek w = d.getDayOfWeek();
            return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
        }

        WorkingCalendar.Deadline add(Instant start, int n, ZoneId zone) {
            ZonedDateTime t = start.atZone(zone);
            LocalDate date = t.toLocalDate();
            boolean fromMidnight = !working(date);
            while (!working(date)) date = date.plusDays(1);
            for (int left = n; left > 0; ) {
                date = date.plusDays(1);
                if (working(date)) left--;
            }
            ZonedDateTime at = fromMidnight ? date.atStartOfDay(zone) : ZonedDateTime.of(date, t.toLocalTime(), zone);
            return new WorkingCalendar.Deadline(at.toInstant(), date.getYear() > 2026 || t.getYear() < 2025);
        }
    }

    /** The basis sentence exactly as SlaPolicies.due builds it (working-day clock, official calendar). */
    String basis(int i) {
        TimeLimitPolicy p = byId.get((long) days[i]);
        TimeLimitPolicy.Limit limit = p.limits().get(DeadlineClock.REPLY);
        return DeadlineClock.REPLY + ": " + limit.describe() + " from " + SHOWN.format(starts[i].atZone(ZONE)) + " under "
                + p.describe() + "; on the official working-day calendar";
    }

    /** A cheaper way to the same sentence: fixed parts cached per policy and clock, the time written field by field. */
    final String[][] parts = new String[16][];

    String basisFast(int i) {
        String[] pp = parts[days[i]];
        if (pp == null) {
            TimeLimitPolicy p = byId.get((long) days[i]);
            pp = parts[days[i]] = new String[] {DeadlineClock.REPLY + ": " + p.limits().get(DeadlineClock.REPLY).describe() + " from ",
                    " under " + p.describe() + "; on the official working-day calendar"};
        }
        LocalDateTime t = LocalDateTime.ofInstant(starts[i], ZONE);
        StringBuilder b = new StringBuilder(pp[0].length() + 16 + pp[1].length()).append(pp[0]).append(t.getYear()).append('-');
        two(b, t.getMonthValue()).append('-');
        two(two(two(b, t.getDayOfMonth()).append(' '), t.getHour()).append(':'), t.getMinute());
        return b.append(pp[1]).toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /**
     * Prototype, not in src/main: the same answer from epoch-day integers. Per day since 2024-12-25 (a week of margin) the
     * number of working days before it and, per working-day ordinal, its day; a deadline is two array reads and no
     * LocalDate or ZonedDateTime (Beijing time has had one offset since 1991; checked, else the calendar is asked).
     */
    static final long BASE = LocalDate.of(2024, 12, 25).toEpochDay();
    int[] rank;
    int[] nth;

    WorkingCalendar.Deadline epochDay(Instant start, int n) {
        if (rank == null) {
            rank = new int[3 * 366 + 60];
            nth = new int[rank.length + 1];
            for (int i = 0, r = 0; i < rank.length; i++) {
                rank[i] = r;
                if (calendar.isWorkingDay(LocalDate.ofEpochDay(BASE + i))) nth[r++] = i;
            }
        }
        int offset = ZONE.getRules().getOffset(start).getTotalSeconds();
        long local = start.getEpochSecond() + offset;
        int day = (int) (Math.floorDiv(local, 86_400) - BASE);
        int first = rank[day];
        boolean fromMidnight = nth[first] != day;
        int target = nth[first + n];
        long at = fromMidnight ? (BASE + target) * 86_400 - offset : start.getEpochSecond() + (long) (target - day) * 86_400;
        Instant result = Instant.ofEpochSecond(at, start.getNano());
        if (ZONE.getRules().getOffset(result).getTotalSeconds() != offset) return calendar.addWorkingDays(start, n, ZONE);
        int lastYear = LocalDate.ofEpochDay(BASE + target).getYear();
        return new WorkingCalendar.Deadline(result, lastYear > 2026 || LocalDate.ofEpochDay(BASE + day).getYear() < 2025);
    }

    /** Prototype: SlaPolicies.due (working days) as it is, with basisFast instead of the concatenation and DateTimeFormatter. */
    DeadlinePolicy.Due dueFastBasis(int i) {
        TimeLimitPolicy p = byId.get((long) days[i]);
        TimeLimitPolicy.Limit limit = p.limits().get(DeadlineClock.REPLY);
        WorkingCalendar.Deadline d = calendar.addWorkingDays(starts[i], limit.amount(), ZONE);
        String basis = d.provisional() ? basis(i).replace("; on the official working-day calendar",
                "; PROVISIONAL: it reaches a year with no official calendar, Monday–Friday assumed") : basisFast(i);
        long span = java.time.Duration.between(starts[i], d.at()).toMillis();
        return new DeadlinePolicy.Due(d.at(), starts[i].plusMillis(span * p.warningPercent() / 100),
                d.at().plus(java.time.Duration.ofHours(p.escalationHours())), d.provisional(), basis);
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

    /** One case in this JVM: prints one ROUND line per timed round and one RESULT line. */
    void runCase(String name, int warmup, int rounds, long roundMs) {
        IntToLongFunction op = op(name);
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
                for (int k = 0; k < 4096; k++) sink += op.applyAsLong(i++ & MASK);
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

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
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
            new DeadlineComputationBenchmark().runCase(opt.get("fork"), warmup, rounds, roundMs);
            return;
        }
        new DeadlineComputationBenchmark().check();
        List<String> cases = opt.containsKey("only") ? List.of(opt.get("only").split(",")) : CASES;
        String jvmOpts = opt.getOrDefault("jvm-opts", "-Xms1g -Xmx1g");
        System.out.printf("%d+ warm-up rounds (until 3 agree within 10 %%) + %d timed rounds of %d ms per case, one thread, each case in its own JVM (%s)%n",
                warmup, rounds, roundMs, jvmOpts);
        Map<String, double[]> results = new HashMap<>();
        for (String c : cases) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path")));
            if (!jvmOpts.isBlank()) cmd.addAll(List.of(jvmOpts.trim().split("\\s+")));
            cmd.addAll(List.of(DeadlineComputationBenchmark.class.getName(), "--fork", c, "--warmup", "" + warmup,
                    "--rounds", "" + rounds, "--round-ms", "" + roundMs));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("RESULT ")) {
                        String[] f = line.split(" ");
                        results.put(c, new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                                Double.parseDouble(f[5])});
                    } else if (!line.startsWith("ROUND ")) {
                        System.out.println("  [" + c + "] " + line);
                    }
                }
            }
            if (p.waitFor() != 0 || !results.containsKey(c)) throw new IllegalStateException("fork for " + c + " failed");
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
