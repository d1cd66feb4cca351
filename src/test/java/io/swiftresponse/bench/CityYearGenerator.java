package io.swiftresponse.bench;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year (2025) of a Beijing-size hotline written with COPY straight into the tables the rankings and the rebuild read:
 * work_order, order_callback, order_deadline (the REPLY clock), evaluation_appeal, evaluation_appeal_decision,
 * evaluation_exclusion. Six COPY streams run at once, one backend each; foreign-key and other triggers are off for
 * those sessions (every code comes from the demo city's own tables) and the secondary indexes are dropped before and
 * built again after the load, which is what makes it fast.
 *
 * <p>Realism: the demo city (16 districts, 343 streets, 40 departments, 7 companies); volume per day by season and
 * weekday; heating categories (01) 6× in the heating season (November–March) and rare otherwise, water/power/gas (09)
 * and noise (03) more frequent in summer; the lead unit from the dispatch catalogue (a category's department or company,
 * else the street, 8 % sent to the district directly); Zipf-like street popularity; each unit has its own quality, so
 * callback mixes and rankings differ; 6 % of callback attempts miss the requester; "not solved" is re-handled (a new
 * round, at most two); 8 % of orders have a co-unit; appeals against poor results (half accepted) and orders declared
 * invalid; orders recorded in the last days are still in progress or awaiting their callback.
 */
final class CityYearGenerator {

    record Cat(String code, String top, String unitType, String unitCode, String tier) {
    }

    static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final int DAYS = 365;
    private static final byte[] TITLE = CopyStream.utf8("诉求");
    private static final byte[] DESCRIPTION = CopyStream.utf8("生成的诉求（基准测试）");
    private static final byte[] APPEAL_REASON = CopyStream.utf8("回访结果不属实");
    private static final byte[] INVALID_REASON = CopyStream.utf8("无效工单");
    private static final byte[] EVIDENCE = CopyStream.utf8("现场照片");
    private static final byte[] NOTE = CopyStream.utf8("已核实");
    private static final String[] SOLVED = {"YES", "PARTLY", "NO"};

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final List<Cat> categories = new ArrayList<>();
    private final List<String> streets = new ArrayList<>();
    private final Map<String, String> districtOf = new HashMap<>();
    private final List<String> departments = new ArrayList<>();
    private final Map<String, Double> quality = new HashMap<>();
    private final SplittableRandom random = new SplittableRandom(2025);
    private final byte[][] days = new byte[DAYS + 120][];
    private long nextAppealId;
    private long nextExclusionId;

    CityYearGenerator(DataSource dataSource) {
        this.dataSource = dataSource;
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
            quality.put(rs.getString(1), 0.72 + 0.26 * random.nextDouble());
        });
        for (int d = 0; d < days.length; d++) days[d] = CopyStream.utf8(FIRST.plusDays(d) + " ");
    }

    /** Appends {@code n} orders after the existing ones; returns the seconds the COPY streams took. */
    double generate(long n) throws SQLException {
        long firstId = jdbc.queryForObject("select coalesce(max(id), 0) from work_order", Long.class) + 1;
        nextAppealId = jdbc.queryForObject("select coalesce(max(id), 0) from evaluation_appeal", Long.class) + 1;
        nextExclusionId = jdbc.queryForObject("select coalesce(max(id), 0) from evaluation_exclusion", Long.class) + 1;
        long callbackId = jdbc.queryForObject("select coalesce(max(id), 0) from order_callback", Long.class) + 1;
        long t = System.nanoTime();
        try (CopyStream orders = open("work_order", "id, number, channel, request_type, category_code, title, description, street_code,"
                + " district_code, state, lead_unit_code, co_unit_codes, copy_unit_code, reopen_count, tier_code, recorded_by, recorded_at,"
                + " updated_at");
             CopyStream callbacks = open("order_callback", "id, order_id, round, reached, contacted, solved, satisfaction, recorded_by, at");
             CopyStream deadlines = open("order_deadline", "order_id, clock, started_at, due_at, warn_at, provisional, basis, met_at,"
                     + " escalate_at");
             CopyStream appeals = open("evaluation_appeal", "id, order_id, round, unit_code, reason, evidence, filed_by, filed_at");
             CopyStream decisions = open("evaluation_appeal_decision", "appeal_id, decision, note, decided_by, decided_at");
             CopyStream exclusions = open("evaluation_exclusion", "id, order_id, round, kind, reason, appeal_id, decided_by, at")) {
            Streams s = new Streams(orders, callbacks, deadlines, appeals, decisions, exclusions);
            double[] weight = dayWeights();
            long written = 0;
            for (int d = 0; d < DAYS; d++) {
                long today = d == DAYS - 1 ? n - written : Math.round(n * weight[d]);
                int month = FIRST.plusDays(d).getMonthValue();
                for (long i = 0; i < today; i++, written++) {
                    callbackId = order(s, firstId + written, d, month, callbackId);
                }
            }
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        jdbc.execute("select setval(pg_get_serial_sequence('work_order', 'id'), (select max(id) from work_order))");
        jdbc.execute("select setval(pg_get_serial_sequence('order_callback', 'id'), (select max(id) from order_callback))");
        jdbc.execute("select setval(pg_get_serial_sequence('evaluation_appeal', 'id'), greatest(1, (select max(id) from evaluation_appeal)))");
        jdbc.execute("select setval(pg_get_serial_sequence('evaluation_exclusion', 'id'), greatest(1, (select max(id) from evaluation_exclusion)))");
        return seconds;
    }

    private record Streams(CopyStream orders, CopyStream callbacks, CopyStream deadlines, CopyStream appeals, CopyStream decisions,
            CopyStream exclusions) {
    }

    private CopyStream open(String table, String columns) throws SQLException {
        return new CopyStream(dataSource.getConnection(), table, columns, days);
    }

    /** One order with its rounds, callbacks, reply clock, and perhaps an appeal or an exclusion; returns the next callback id. */
    private long order(Streams s, long id, int day, int month, long callbackId) throws SQLException {
        Cat cat = pickCategory(month);
        String street = streets.get(zipf(streets.size()));
        String district = districtOf.get(street);
        String lead = cat.unitCode() != null ? cat.unitCode() : random.nextInt(100) < 8 ? district : street;
        String co = random.nextInt(100) < 8 ? departments.get(random.nextInt(departments.size())) : null;
        if (lead.equals(co)) co = null;
        double q = quality.get(lead);
        long recorded = day * 86400L + 6 * 3600 + random.nextInt(17 * 3600);
        long replyHours = switch (cat.tier()) {
            case "URGENT" -> 2;
            case "UTILITY" -> 24;
            case "COMPLEX" -> 21 * 24;
            default -> 9 * 24;
        };
        boolean inProgress = day >= DAYS - 6 && random.nextInt(3) > 0;
        long started = recorded;
        long met = 0;
        long due = 0;
        long lastAt = recorded;
        int round = 0;
        String[] result = null;
        String state = "IN_PROGRESS";
        while (!inProgress) {
            due = started + replyHours * 3600;
            boolean late = random.nextDouble() > q + 0.06;
            met = late ? due + 3600 + random.nextInt(86400) : started + (long) (replyHours * 3600 * (0.1 + 0.85 * random.nextDouble()));
            lastAt = met + 3600 + random.nextInt(2 * 86400);
            for (int miss = random.nextInt(100) < 6 ? 1 + random.nextInt(2) : 0; miss > 0; miss--) {
                callback(s.callbacks(), callbackId++, id, round, null, lastAt);
                lastAt += 3 * 3600;
            }
            if (day >= DAYS - 3 && random.nextInt(3) == 0) { // its callback is still to come
                state = "AWAITING_CALLBACK";
                break;
            }
            result = result(q + 0.1 * round);
            callback(s.callbacks(), callbackId++, id, round, result, lastAt);
            state = "CLOSED";
            if (!result[1].equals("NO") || round == 2) break;
            round++; // "not solved" goes back to the unit (重办) and is called back again
            started = lastAt + 600;
        }
        if (!inProgress) {
            s.deadlines().num(id).tab().text("REPLY").tab().time(started).tab().time(due).tab().time(due - 3600).tab().bool(false).tab()
                    .text("bench").tab().time(met).tab().time(due + 86400).end();
        }
        CopyStream o = s.orders();
        o.num(id).tab().text("B").num(1_000_000_000_000L + id).tab().text("PHONE").tab().text("COMPLAINT").tab().text(cat.code()).tab()
                .text(TITLE).tab().text(DESCRIPTION).tab().text(street).tab().text(district).tab().text(state).tab().text(lead).tab();
        if (co == null) o.text("{}"); else o.text("{").text(co).text("}");
        o.tab();
        if (lead.equals(street)) o.text(district); else o.nul();
        o.tab().num(round).tab().text(cat.tier()).tab().text("bench").tab().time(recorded).tab().time(lastAt).end();
        if (result != null) appealOrExclude(s, id, round, lead, result, lastAt);
        return callbackId;
    }

    /** {contacted, solved, satisfaction}: a better unit contacts more often, solves more, satisfies more. */
    private String[] result(double q) {
        String contacted = random.nextDouble() < Math.min(0.99, q + 0.1) ? "t" : "f";
        double u = random.nextDouble();
        String solved = u < q ? SOLVED[0] : u < q + (1 - q) * 0.55 ? SOLVED[1] : SOLVED[2];
        double f = random.nextDouble();
        String satisfaction = switch (solved) {
            case "YES" -> f < 0.80 + 0.15 * q ? "SATISFIED" : f < 0.97 ? "BASICALLY_SATISFIED" : "DISSATISFIED";
            case "PARTLY" -> f < 0.3 ? "SATISFIED" : f < 0.7 ? "BASICALLY_SATISFIED" : "DISSATISFIED";
            default -> f < 0.05 ? "SATISFIED" : f < 0.2 ? "BASICALLY_SATISFIED" : "DISSATISFIED";
        };
        return new String[] {contacted, solved, satisfaction};
    }

    private static void callback(CopyStream c, long callbackId, long orderId, int round, String[] result, long at) throws SQLException {
        c.num(callbackId).tab().num(orderId).tab().num(round).tab();
        if (result == null) c.bool(false).tab().nul().tab().nul().tab().nul();
        else c.bool(true).tab().text(result[0]).tab().text(result[1]).tab().text(result[2]);
        c.tab().text("bench").tab().time(at).end();
    }

    /** 4 % of poor results are appealed (half accepted: excluded for that round); 0.2 % of orders are declared invalid. */
    private void appealOrExclude(Streams s, long id, int round, String lead, String[] result, long at) throws SQLException {
        boolean poor = result[1].equals("NO") || result[2].equals("DISSATISFIED");
        if (poor && random.nextInt(100) < 4) {
            long appeal = nextAppealId++;
            s.appeals().num(appeal).tab().num(id).tab().num(round).tab().text(lead).tab().text(APPEAL_REASON).tab().text(EVIDENCE)
                    .tab().text("handler-").text(lead).tab().time(at + 86400).end();
            boolean accepted = random.nextBoolean();
            s.decisions().num(appeal).tab().text(accepted ? "ACCEPTED" : "REJECTED").tab().text(NOTE).tab().text("supervisor1").tab()
                    .time(at + 3 * 86400).end();
            if (accepted) {
                s.exclusions().num(nextExclusionId++).tab().num(id).tab().num(round).tab().text("APPEAL").tab().text(APPEAL_REASON).tab()
                        .num(appeal).tab().text("supervisor1").tab().time(at + 3 * 86400).end();
            }
        } else if (random.nextInt(1000) < 2) {
            s.exclusions().num(nextExclusionId++).tab().num(id).tab().nul().tab().text("INVALID").tab().text(INVALID_REASON).tab().nul()
                    .tab().text("supervisor1").tab().time(at + 2 * 86400).end();
        }
    }

    /** Share of the year's orders per day: busier in the heating season and in summer, quieter at weekends. */
    private static double[] dayWeights() {
        double[] month = {1.25, 1.0, 1.05, 0.85, 0.9, 1.05, 1.2, 1.2, 0.9, 0.85, 1.1, 1.3};
        double[] w = new double[DAYS];
        double sum = 0;
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            w[d] = month[day.getMonthValue() - 1] * (day.getDayOfWeek().getValue() >= 6 ? 0.8 : 1.05);
            sum += w[d];
        }
        for (int d = 0; d < DAYS; d++) w[d] /= sum;
        return w;
    }

    private Cat pickCategory(int month) {
        boolean heating = month >= 11 || month <= 3;
        boolean summer = month >= 6 && month <= 8;
        while (true) {
            Cat c = categories.get(random.nextInt(categories.size()));
            double weight = switch (c.top()) {
                case "01" -> heating ? 6 : 0.15;
                case "09" -> summer ? 1.8 : 1;
                case "03" -> summer ? 1.5 : 0.9;
                default -> 1;
            };
            if (random.nextDouble() * 6 < weight) return c;
        }
    }

    /** A Zipf-like index: a few busy streets, a long tail of quiet ones. */
    private int zipf(int size) {
        return (int) Math.min(size - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * size));
    }
}
