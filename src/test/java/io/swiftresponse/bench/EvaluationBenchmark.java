package io.swiftresponse.bench;

import io.swiftresponse.SwiftResponseApplication;
import io.swiftresponse.evaluation.FromScratch;
import io.swiftresponse.evaluation.Period;
import io.swiftresponse.evaluation.RankingEntry;
import io.swiftresponse.evaluation.Rankings;
import io.swiftresponse.evaluation.UnitClass;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Evaluation at city scale, in-process on the embedded PostgreSQL: generates a year (2025) of closed orders with their
 * reply clock and callback, streamed with COPY into a staging table and moved into work_order, order_callback and
 * order_deadline; then times the full rebuild of the counters, the monthly ranking of every class (read from the
 * counters only), and prints the size of every table involved. Several scales in one run: each step adds orders.
 *
 * <p>Realism: volume per day follows a season (more in summer, the heating season November to March) and the weekday;
 * heating categories (01) are 6× as frequent in the heating season and rare otherwise; water, power and gas (09) 1.8×
 * in summer; streets have a Zipf-like popularity; units differ in quality, so rankings spread; 5 % of callbacks do
 * not reach the requester; 10 % of orders have a co-unit; replies are late for about one order in ten.
 *
 * <pre>java -cp ... io.swiftresponse.bench.EvaluationBenchmark [--scales 1000000,5000000] [--data-dir folder]</pre>
 */
public final class EvaluationBenchmark {

    record Cat(String code, String top, String unitType, String unitCode, String tier) {
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final List<Cat> categories = new ArrayList<>();
    private final List<String> streets = new ArrayList<>();
    private final Map<String, String> districtOf = new HashMap<>();
    private final List<String> departments = new ArrayList<>();
    private final Map<String, Double> quality = new HashMap<>();
    private final Random random = new Random(2025);
    private long generated;

    EvaluationBenchmark(ConfigurableApplicationContext ctx) {
        this.dataSource = ctx.getBean(DataSource.class);
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.query("select code, substr(code, 1, 2), unit_type, unit_code, tier_code from category where level = 3 order by code",
                rs -> { categories.add(new Cat(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))); });
        jdbc.query("select code, parent_code, type from unit order by code", rs -> {
            String type = rs.getString(3);
            if (type.equals("STREET")) {
                streets.add(rs.getString(1));
                districtOf.put(rs.getString(1), rs.getString(2));
            }
            if (type.equals("DEPARTMENT")) departments.add(rs.getString(1));
            quality.put(rs.getString(1), 0.80 + 0.19 * random.nextDouble());
        });
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int a = 0; a + 1 < args.length; a += 2) opt.put(args[a].replaceFirst("^--", ""), args[a + 1]);
        long[] scales = Arrays.stream(opt.getOrDefault("scales", "1000000,5000000").split(",")).mapToLong(Long::parseLong).toArray();
        Path dir = opt.containsKey("data-dir") ? Path.of(opt.get("data-dir")) : Files.createTempDirectory("swift-eval-bench-");
        System.out.println("data dir " + dir + ", load average " + loadAverage());
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SwiftResponseApplication.class)
                .run("--server.port=0", "--swift.data-dir=" + dir, "--swift.demo.enabled=true", "--swift.sla.scheduling=false",
                        "--logging.level.root=WARN", "--swift.sla.scan-initial-delay=PT24H")) {
            EvaluationBenchmark b = new EvaluationBenchmark(ctx);
            for (long scale : scales) {
                b.generateUpTo(scale);
                b.measure(ctx);
            }
        }
    }

    void generateUpTo(long total) throws Exception {
        long n = total - generated;
        if (n <= 0) return;
        long t = System.nanoTime();
        jdbc.execute("drop table if exists bench_stage");
        jdbc.execute("""
                create unlogged table bench_stage (number varchar(16), category_code varchar(16), tier_code varchar(16),
                    street_code varchar(32), district_code varchar(32), lead_unit_code varchar(32), co_unit_codes varchar(32)[],
                    copy_unit_code varchar(32), recorded_at timestamptz, due_at timestamptz, met_at timestamptz,
                    callback_at timestamptz, reached boolean, contacted boolean, solved varchar(8), satisfaction varchar(24))""");
        try (Connection c = dataSource.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            PipedWriter writer = new PipedWriter();
            PipedReader reader = new PipedReader(writer, 1 << 20);
            CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
                try (Writer w = writer) {
                    write(w, n);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            pg.getCopyAPI().copyIn("copy bench_stage from stdin", reader);
            producer.join();
        }
        double copySeconds = seconds(t);
        jdbc.execute("""
                insert into work_order (number, channel, request_type, category_code, title, description, street_code, district_code,
                    state, lead_unit_code, co_unit_codes, copy_unit_code, tier_code, recorded_by, recorded_at, updated_at)
                select number, 'PHONE', 'COMPLAINT', category_code, '诉求', '生成的诉求', street_code, district_code, 'CLOSED',
                    lead_unit_code, co_unit_codes, copy_unit_code, tier_code, 'bench', recorded_at, callback_at from bench_stage""");
        jdbc.execute("""
                insert into order_deadline (order_id, clock, started_at, due_at, warn_at, provisional, basis, met_at, escalate_at)
                select w.id, 'REPLY', s.recorded_at, s.due_at, s.due_at - interval '1 day', false, 'bench', s.met_at,
                    s.due_at + interval '1 day'
                from bench_stage s join work_order w on w.number = s.number""");
        jdbc.execute("""
                insert into order_callback (order_id, round, reached, contacted, solved, satisfaction, recorded_by, at)
                select w.id, 0, s.reached, s.contacted, s.solved, s.satisfaction, 'bench', s.callback_at
                from bench_stage s join work_order w on w.number = s.number""");
        jdbc.execute("drop table bench_stage");
        jdbc.execute("vacuum analyze work_order");
        jdbc.execute("vacuum analyze order_callback");
        jdbc.execute("vacuum analyze order_deadline");
        generated = total;
        System.out.printf("%ngenerated %,d orders (total %,d): COPY %.1f s, all with moves and vacuum %.1f s (%,.0f orders/s)%n",
                n, total, copySeconds, seconds(t), n / seconds(t));
    }

    private void write(Writer w, long n) throws IOException {
        // volume per month (index 0 = January): heating season and summer are busier
        double[] month = {1.25, 1.0, 1.05, 0.85, 0.9, 1.05, 1.2, 1.2, 0.9, 0.85, 1.1, 1.3};
        double[] dayWeight = new double[365];
        double sum = 0;
        LocalDate first = LocalDate.of(2025, 1, 1);
        for (int d = 0; d < 365; d++) {
            LocalDate day = first.plusDays(d);
            dayWeight[d] = month[day.getMonthValue() - 1] * (day.getDayOfWeek().getValue() >= 6 ? 0.8 : 1.05);
            sum += dayWeight[d];
        }
        DateTimeFormatter ts = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        StringBuilder sb = new StringBuilder(256);
        long written = 0;
        for (int d = 0; d < 365; d++) {
            long today = d == 364 ? n - written : Math.round(n * dayWeight[d] / sum);
            LocalDate day = first.plusDays(d);
            boolean heating = day.getMonthValue() >= 11 || day.getMonthValue() <= 3;
            boolean summer = day.getMonthValue() >= 6 && day.getMonthValue() <= 8;
            for (long i = 0; i < today && written < n; i++, written++) {
                Cat cat = pickCategory(heating, summer);
                String street = streets.get(zipf(streets.size()));
                String lead = cat.unitCode() != null ? cat.unitCode() : random.nextInt(10) == 0 ? districtOf.get(street) : street;
                String co = random.nextInt(10) == 0 ? departments.get(random.nextInt(departments.size())) : null;
                LocalDateTime recorded = day.atStartOfDay().plusSeconds(6 * 3600 + random.nextInt(17 * 3600));
                LocalDateTime due = recorded.plusDays(cat.tier().equals("GENERAL") ? 7 : cat.tier().equals("COMPLEX") ? 15 : 1);
                double q = quality.get(lead);
                boolean late = random.nextDouble() > q + 0.05;
                long dueSeconds = java.time.Duration.between(recorded, due).getSeconds();
                LocalDateTime met = recorded.plusSeconds(late ? dueSeconds + 3600 + random.nextInt(86400)
                        : (long) (dueSeconds * (0.1 + 0.85 * random.nextDouble())));
                LocalDateTime callback = met.plusSeconds(3600 + random.nextInt(2 * 86400));
                boolean reached = random.nextInt(20) != 0;
                sb.setLength(0);
                sb.append('B').append(String.format("%013d", generated + written + 1)).append('\t').append(cat.code()).append('\t')
                        .append(cat.tier()).append('\t').append(street).append('\t').append(districtOf.get(street)).append('\t')
                        .append(lead).append('\t').append(co == null || co.equals(lead) ? "{}" : "{" + co + "}").append('\t')
                        .append(lead.equals(street) ? districtOf.get(street) : "\\N").append('\t')
                        .append(recorded.format(ts)).append("+08\t").append(due.format(ts)).append("+08\t")
                        .append(met.format(ts)).append("+08\t").append(callback.format(ts)).append("+08\t")
                        .append(reached ? 't' : 'f').append('\t');
                if (reached) {
                    sb.append(random.nextDouble() < q + 0.1 ? 't' : 'f').append('\t');
                    double s = random.nextDouble();
                    sb.append(s < q ? "YES" : s < q + (1 - q) / 2 ? "PARTLY" : "NO").append('\t');
                    double f = random.nextDouble();
                    sb.append(f < q ? "SATISFIED" : f < q + (1 - q) / 2 ? "BASICALLY_SATISFIED" : "DISSATISFIED");
                } else {
                    sb.append("\\N\t\\N\t\\N");
                }
                sb.append('\n');
                w.append(sb);
            }
        }
    }

    private Cat pickCategory(boolean heating, boolean summer) {
        while (true) {
            Cat c = categories.get(random.nextInt(categories.size()));
            double weight = c.top().equals("01") ? (heating ? 6 : 0.15) : c.top().equals("09") && summer ? 1.8 : 1;
            if (random.nextDouble() * 6 < weight) return c;
        }
    }

    /** A Zipf-like index: a few busy streets, a long tail of quiet ones. */
    private int zipf(int size) {
        double u = random.nextDouble();
        return (int) Math.min(size - 1, Math.floor(Math.pow(u, 2.2) * size));
    }

    void measure(ConfigurableApplicationContext ctx) {
        FromScratch scratch = ctx.getBean(FromScratch.class);
        Rankings rankings = ctx.getBean(Rankings.class);
        long orders = jdbc.queryForObject("select count(*) from work_order", Long.class);
        System.out.printf("%n== %,d orders, load average %s%n", orders, loadAverage());
        long t = System.nanoTime();
        FromScratch.RebuildReport r = scratch.rebuild();
        double s = seconds(t);
        System.out.printf("rebuild: %,d scored orders, %,d counter rows in %.1f s (%,.0f orders/s)%n", r.results(), r.counterRows(), s,
                orders / s);
        jdbc.execute("vacuum analyze evaluation_counter");
        jdbc.execute("vacuum analyze evaluation_fact");
        for (UnitClass cls : UnitClass.values()) {
            List<Double> times = new ArrayList<>();
            int size = 0;
            for (int round = 0; round < 2; round++) {
                for (int m = 1; m <= 12; m++) {
                    long t0 = System.nanoTime();
                    List<RankingEntry> list = rankings.current(Period.of(YearMonth.of(2025, m)), cls);
                    if (round == 1) times.add((System.nanoTime() - t0) / 1e6);
                    size = list.size();
                }
            }
            times.sort(Double::compare);
            System.out.printf("ranking %-10s %3d units: median %.1f ms, max %.1f ms over 12 months (after one warm-up pass)%n", cls,
                    size, times.get(times.size() / 2), times.get(times.size() - 1));
        }
        // BASELINE in the same run: one month's counts computed from the orders themselves (what a ranking would cost
        // without counters), with the from-scratch SQL restricted to the month
        long tb = System.nanoTime();
        Long scored = jdbc.queryForObject("select count(*) from (" + FROM_SCRATCH_MONTH + ") x", Long.class, "Asia/Shanghai");
        System.out.printf("BASELINE one month (2025-06) counted from the orders: %,d units in %.1f ms%n", scored,
                (System.nanoTime() - tb) / 1e6);
        long t1 = System.nanoTime();
        rankings.current(Period.parse(null, "2025-01-01", "2025-12-31"), UnitClass.STREET);
        System.out.printf("ranking STREET over the whole year (from/to): %.1f ms%n", (System.nanoTime() - t1) / 1e6);
        jdbc.query("""
                select c.relname, pg_size_pretty(pg_table_size(c.oid)), pg_size_pretty(pg_indexes_size(c.oid)),
                    pg_size_pretty(pg_total_relation_size(c.oid)), c.reltuples::bigint
                from pg_class c where c.relname in ('work_order', 'order_callback', 'order_deadline', 'order_history',
                    'evaluation_fact', 'evaluation_counter') order by c.relname""",
                rs -> { System.out.printf("size %-20s table %10s indexes %10s total %10s rows ~%,d%n", rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5)); });
        System.out.println("database " + jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class));
    }

    /** The from-scratch rules (FromScratch.RESULTS), grouped per unit for June 2025 only. */
    static final String FROM_SCRATCH_MONTH = """
            select o.lead_unit_code, count(*), count(*) filter (where cb.contacted), count(*) filter (where cb.solved = 'YES')
            from (select distinct on (order_id) order_id, round, at, contacted, solved, satisfaction
                  from order_callback where reached order by order_id, round desc, id desc) cb
            join work_order o on o.id = cb.order_id and o.reopen_count = cb.round and o.state in ('AWAITING_CALLBACK', 'CLOSED')
            where (cb.at at time zone ?)::date between date '2025-06-01' and date '2025-06-30'
            group by o.lead_unit_code""";

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
