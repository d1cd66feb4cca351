package io.swiftresponse.bench;

import io.swiftresponse.search.OrderSearchRequest;
import io.swiftresponse.search.index.IndexableOrder;
import io.swiftresponse.search.index.OrderIndex;
import io.swiftresponse.search.index.OrderSearcher;
import io.swiftresponse.workorder.OrderView.DeadlineStatus;
import io.swiftresponse.workorder.WorkOrderState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * Order search at scale: generates N realistic Chinese orders (texts from the demo categories' names and
 * keywords in complaint templates, Beijing's real streets and districts), indexes them with the production
 * {@link OrderIndex}, and times the production {@link OrderSearcher} (query parsing, synonyms, filters, scope,
 * highlighting) over a mixed workload; then the same rows in PostgreSQL and the same queries as ILIKE (and
 * pg_trgm when available), the baseline. Run with bench/run-search.sh.
 */
public final class OrderSearchBenchmark {

    static final String[] PLACES = {"小区", "家属院", "楼下", "单元门口", "路口", "公园", "学校门口", "菜市场", "地铁站旁", "商场"};
    static final String[] TIMES = {"已经三天了", "持续一周", "每天晚上", "从上个月开始", "今天早上", "夜里十一点以后", "半个月了"};
    static final String[] IMPACTS = {"严重影响休息", "老人孩子受不了", "出行很不方便", "存在安全隐患", "多次反映没有解决", "影响正常生活"};
    static final String[] DEMANDS = {"希望尽快处理", "请相关部门核实", "要求给个说法", "希望加强管理", "请尽快派人维修"};
    static final String[] REPLIES = {"已联系相关单位现场核实", "已协调物业公司处理", "已督促企业整改", "已安排人员维修完毕",
        "经核实情况属实，已责令整改", "已电话联系诉求人说明情况", "已移交执法部门处理"};
    static final WorkOrderState[] STATES = {WorkOrderState.RECEIVED, WorkOrderState.DISPATCHED, WorkOrderState.SIGNED,
        WorkOrderState.IN_PROGRESS, WorkOrderState.REPLIED, WorkOrderState.CLOSED, WorkOrderState.CLOSED, WorkOrderState.CLOSED};

    record Category(String code, String name, List<String> words) { }

    public static void main(String[] args) throws Exception {
        int n = intArg(args, "--orders", 1_000_000);
        int queries = intArg(args, "--queries", 2_000);
        int pgQueries = intArg(args, "--pg-queries", 60);
        boolean pg = !Arrays.asList(args).contains("--no-pg");
        Random random = new Random(42);
        List<Category> categories = categories();
        List<String[]> streets = streets();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        long span = 700L * 86_400_000L;
        Instant now = start.plusMillis(span);
        Path dir = Files.createTempDirectory("search-bench");

        // ---- index ----
        OrderIndex index = new OrderIndex(dir.resolve("orders"), 1.0, 128);
        OrderSearcher searcher = new OrderSearcher(index);
        long t0 = System.nanoTime();
        List<IndexableOrder> batch = new ArrayList<>(1000);
        for (int id = 1; id <= n; id++) {
            batch.add(order(id, random, categories, streets, start, span, now));
            if (batch.size() == 1000) {
                index.upsert(batch);
                batch.clear();
            }
            if (id % 20_000 == 0) {
                System.out.printf("  indexed %,d (%.0f orders/s)%n", id, id / ((System.nanoTime() - t0) / 1e9));
            }
        }
        index.upsert(batch);
        index.commit();
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        index.refresh();
        System.out.printf("INDEX  %,d orders in %.0f s = %.0f orders/s; size on disk %.0f MB (%d documents)%n", n, indexSeconds,
                n / indexSeconds, index.sizeOnDiskBytes() / 1e6, index.documents());

        // ---- queries ----
        List<Query> mix = new ArrayList<>();
        Random qr = new Random(7);
        for (int i = 0; i < queries + 300; i++) {
            mix.add(query(qr, categories, streets, now));
        }
        for (int i = 0; i < 300; i++) {
            searcher.search(mix.get(i).request, mix.get(i).scope, now);
        }
        long[] took = new long[queries];
        long hitsTotal = 0;
        for (int i = 0; i < queries; i++) {
            Query q = mix.get(300 + i);
            long s = System.nanoTime();
            OrderSearcher.Hits hits = searcher.search(q.request, q.scope, now);
            took[i] = System.nanoTime() - s;
            hitsTotal += hits.total();
        }
        report("LUCENE (parse+search+highlight, page of 20)", took, "mean total hits " + hitsTotal / queries);
        index.close();

        if (pg) {
            baseline(n, pgQueries, mix.subList(300, 300 + pgQueries), categories, streets, start, span, now, dir);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    record Query(OrderSearchRequest request, String scope, String keyword) { }

    /** The mix: text alone, with a district, a handler's scope, a category subtree and dates, filters only, a phrase. */
    static Query query(Random r, List<Category> categories, List<String[]> streets, Instant now) {
        Category c = categories.get(r.nextInt(categories.size()));
        String word = c.words().get(r.nextInt(c.words().size()));
        String[] street = streets.get(r.nextInt(streets.size()));
        int kind = r.nextInt(100);
        Instant monthAgo = now.minusSeconds(30L * 86_400 * (1 + r.nextInt(12)));
        OrderSearchRequest req;
        String scope = null;
        if (kind < 35) {
            req = OrderSearchRequest.text(word);
        } else if (kind < 50) {
            req = new OrderSearchRequest(word + " " + PLACES[r.nextInt(PLACES.length)], null, null, null, null, street[1], null,
                    null, null, null, null, 0, 20);
        } else if (kind < 65) {
            req = OrderSearchRequest.text(word);
            scope = street[0];
        } else if (kind < 80) {
            req = new OrderSearchRequest(word, null, c.code().substring(0, 2), null, null, null, null, monthAgo, now, null, null,
                    0, 20);
        } else if (kind < 95) {
            req = new OrderSearchRequest(null, WorkOrderState.DISPATCHED, null, null, null, street[1], null, null, null,
                    DeadlineStatus.OVERDUE, null, 0, 20);
        } else {
            req = OrderSearchRequest.text("\"" + word + "\" -" + IMPACTS[r.nextInt(IMPACTS.length)].substring(0, 2));
        }
        return new Query(req, scope, word);
    }

    static IndexableOrder order(long id, Random r, List<Category> categories, List<String[]> streets, Instant start, long span,
            Instant now) {
        Category c = categories.get(r.nextInt(categories.size()));
        String word = c.words().get(r.nextInt(c.words().size()));
        String[] street = streets.get(r.nextInt(streets.size()));
        String title = word.length() >= 4 ? word : c.name() + word;
        String description = street[2] + PLACES[r.nextInt(PLACES.length)] + word + "，" + TIMES[r.nextInt(TIMES.length)] + "，"
                + IMPACTS[r.nextInt(IMPACTS.length)] + "，" + DEMANDS[r.nextInt(DEMANDS.length)] + "。";
        WorkOrderState state = STATES[r.nextInt(STATES.length)];
        boolean dispatched = state != WorkOrderState.RECEIVED;
        String notes = state == WorkOrderState.CLOSED || state == WorkOrderState.REPLIED ? REPLIES[r.nextInt(REPLIES.length)] : "";
        Instant recorded = start.plusMillis((long) (r.nextDouble() * span));
        Instant due = state == WorkOrderState.CLOSED ? null : recorded.plusSeconds(86_400L * (1 + r.nextInt(15)));
        return new IndexableOrder(id, String.format("%013d", id), title, description, notes, state.name(), c.code(),
                dispatched ? street[0] : null, List.of(), dispatched ? street[1] : null, street[0], street[1], recorded, recorded,
                due, due == null ? null : due.minusSeconds(7_200));
    }

    static void baseline(int n, int pgQueries, List<Query> queries, List<Category> categories, List<String[]> streets,
            Instant start, long span, Instant now, Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "64MB").start();
             Connection c = pg.getPostgresDatabase().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table bench_order (id bigint primary key, title text, description text, notes text, state text,"
                        + " category_code text, units text[], street_code text, district_code text, recorded_at timestamptz,"
                        + " due_at timestamptz)");
            }
            long t0 = System.nanoTime();
            Random random = new Random(42);
            StringBuilder copy = new StringBuilder();
            var copier = c.unwrap(PGConnection.class).getCopyAPI();
            for (int id = 1; id <= n; id++) {
                IndexableOrder o = order(id, random, categories, streets, start, span, now);
                copy.append(id).append('\t').append(o.title()).append('\t').append(o.description()).append('\t').append(o.notes())
                        .append('\t').append(o.state()).append('\t').append(o.categoryCode()).append('\t')
                        .append(o.leadUnitCode() == null ? "{}" : "{" + o.leadUnitCode() + "," + o.copyUnitCode() + "}").append('\t')
                        .append(o.streetCode()).append('\t').append(o.districtCode()).append('\t')
                        .append(Timestamp.from(o.recordedAt())).append('\t')
                        .append(o.earliestDue() == null ? "\\N" : Timestamp.from(o.earliestDue()).toString()).append('\n');
                if (id % 50_000 == 0 || id == n) {
                    copier.copyIn("copy bench_order from stdin", new StringReader(copy.toString()));
                    copy.setLength(0);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("create index on bench_order (recorded_at)");
                s.execute("create index on bench_order (district_code)");
                s.execute("create index on bench_order using gin (units)");
                s.execute("analyze bench_order");
            }
            System.out.printf("PG     %,d rows loaded and indexed in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
            report("PG ILIKE (same filters, count + page of 20)", time(c, queries, now), "");
            boolean trgm;
            try (Statement s = c.createStatement()) {
                s.execute("create extension if not exists pg_trgm");
                long t1 = System.nanoTime();
                s.execute("create index bench_order_trgm on bench_order using gin ((title || ' ' || description || ' ' || notes) gin_trgm_ops)");
                System.out.printf("PG     pg_trgm GIN index built in %.0f s%n", (System.nanoTime() - t1) / 1e9);
                trgm = true;
            } catch (Exception e) {
                System.out.println("PG     pg_trgm not available in this PostgreSQL: " + e.getMessage().lines().findFirst().orElse(""));
                trgm = false;
            }
            if (trgm) {
                report("PG pg_trgm GIN (same, ILIKE on the indexed expression)", time(c, queries, now), "");
            }
        }
    }

    static long[] time(Connection c, List<Query> queries, Instant now) throws Exception {
        long[] took = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            OrderSearchRequest r = q.request();
            List<String> where = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (r.hasText()) {
                where.add("(title || ' ' || description || ' ' || notes) ilike ?");
                params.add("%" + q.keyword() + "%");
            }
            if (q.scope() != null) { where.add("? = any(units)"); params.add(q.scope()); }
            if (r.districtCode() != null) { where.add("district_code = ?"); params.add(r.districtCode()); }
            if (r.state() != null) { where.add("state = ?"); params.add(r.state().name()); }
            if (r.categoryCode() != null) { where.add("category_code like ?"); params.add(r.categoryCode() + "%"); }
            if (r.from() != null) { where.add("recorded_at >= ?"); params.add(Timestamp.from(r.from())); }
            if (r.to() != null) { where.add("recorded_at < ?"); params.add(Timestamp.from(r.to())); }
            if (r.deadlineStatus() != null) { where.add("due_at < ?"); params.add(Timestamp.from(now)); }
            String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
            long s = System.nanoTime();
            for (String sql : List.of("select count(*) from bench_order" + condition,
                    "select id, title, description from bench_order" + condition + " order by recorded_at desc limit 20")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int p = 0; p < params.size(); p++) {
                        ps.setObject(p + 1, params.get(p));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) { /* drain */ }
                    }
                }
            }
            took[i] = System.nanoTime() - s;
        }
        return took;
    }

    static void report(String what, long[] nanos, String extra) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-55s n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  %s%n", what, sorted.length,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6, extra);
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static List<Category> categories() throws Exception {
        List<Category> out = new ArrayList<>();
        for (String line : lines("/demo/categories.csv")) {
            String[] f = line.split(",", -1);
            if (!"3".equals(f[2])) continue;
            List<String> words = new ArrayList<>(List.of(f[1]));
            if (!f[7].isBlank()) words.addAll(List.of(f[7].split("\\|")));
            out.add(new Category(f[0], f[1], words));
        }
        return out;
    }

    /** {street code, district code, street name} of every street/township. */
    static List<String[]> streets() throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : lines("/demo/units.csv")) {
            String[] f = line.split(",", -1);
            if ("STREET".equals(f[2])) out.add(new String[] {f[0], f[3], f[1]});
        }
        return out;
    }

    static List<String> lines(String resource) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                OrderSearchBenchmark.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return r.lines().skip(1).toList();
        }
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        }
        return fallback;
    }
}
