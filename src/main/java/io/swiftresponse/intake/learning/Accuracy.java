package io.swiftresponse.intake.learning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How often agents kept the suggestion: over the whole period, per week (Monday, city time; every week of the period,
 * a week without feedback with total 0) and per chosen category (most feedback first).
 */
@Service
public class Accuracy {

    /** {@code rate} = accepted / total (null without feedback); {@code unitRate} over the feedback that names a unit. */
    public record Row(String key, String name, long total, long accepted, Double rate, long unitTotal, long unitAccepted,
            Double unitRate) {
    }

    public record Report(LocalDate from, Row overall, List<Row> weeks, List<Row> categories) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    Accuracy(JdbcClient jdbc, Clock clock, @Value("${swift.city.zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public Report report(int weeks) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate from = today.minusDays(today.getDayOfWeek().getValue() - 1L).minusWeeks(weeks - 1L);
        Timestamp since = Timestamp.from(from.atStartOfDay(zone).toInstant());
        String counts = "count(*), count(*) filter (where f.category_accepted), count(f.unit_accepted),"
                + " count(*) filter (where f.unit_accepted)";
        Map<String, Row> found = new HashMap<>();
        jdbc.sql("select to_char(date_trunc('week', f.at at time zone :zone), 'YYYY-MM-DD'), " + counts
                        + " from intake_feedback f where f.at >= :since group by 1")
                .param("zone", zone.getId()).param("since", since)
                .query((rs, i) -> row(rs.getString(1), null, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list().forEach(r -> found.put(r.key(), r));
        List<Row> byWeek = new ArrayList<>(weeks);
        long[] sum = new long[4];
        for (LocalDate monday = from; !monday.isAfter(today); monday = monday.plusWeeks(1)) {
            Row r = found.getOrDefault(monday.toString(), row(monday.toString(), null, 0, 0, 0, 0));
            byWeek.add(r);
            sum[0] += r.total();
            sum[1] += r.accepted();
            sum[2] += r.unitTotal();
            sum[3] += r.unitAccepted();
        }
        List<Row> byCategory = jdbc.sql("select f.chosen_category, c.name, " + counts
                        + " from intake_feedback f left join category c on c.code = f.chosen_category where f.at >= :since"
                        + " group by 1, 2 order by 3 desc, 1")
                .param("since", since)
                .query((rs, i) -> row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
        return new Report(from, row("all", null, sum[0], sum[1], sum[2], sum[3]), byWeek, byCategory);
    }

    private static Row row(String key, String name, long total, long accepted, long unitTotal, long unitAccepted) {
        return new Row(key, name, total, accepted, total == 0 ? null : round(accepted / (double) total), unitTotal, unitAccepted,
                unitTotal == 0 ? null : round(unitAccepted / (double) unitTotal));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
