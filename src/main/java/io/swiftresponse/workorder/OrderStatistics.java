package io.swiftresponse.workorder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts for the supervisor dashboard, straight from the order table (a read model of its own belongs to the
 * analytics module once it exists). Days are the city's calendar days.
 */
@Service
public class OrderStatistics {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    OrderStatistics(JdbcClient jdbc, Clock clock, @Value("${swift.city.zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public record Overview(long intakeToday, Map<String, Long> backlogByState, long overdue, long supervised,
            List<DayCount> trend, Map<String, Long> byCategoryLevel1, Map<String, Long> byStreet) {
    }

    public record DayCount(LocalDate day, long count) {
    }

    @Transactional(readOnly = true)
    public Overview overview(int trendDays) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Timestamp startOfToday = Timestamp.from(today.atStartOfDay(zone).toInstant());
        Timestamp trendStart = Timestamp.from(today.minusDays(trendDays - 1L).atStartOfDay(zone).toInstant());
        long intakeToday = jdbc.sql("select count(*) from work_order where recorded_at >= ?").param(startOfToday)
                .query(Long.class).single();
        Map<String, Long> backlog = new LinkedHashMap<>();
        jdbc.sql("select state, count(*) from work_order where state not in ('ANSWERED','TRANSFERRED_EMERGENCY','REFERRED',"
                        + "'MERGED','CLOSED') group by state order by state")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> backlog.put(e.getKey(), e.getValue()));
        long overdue = jdbc.sql("select count(distinct order_id) from order_deadline where met_at is null and not cancelled and due_at < ?")
                .param(Timestamp.from(now)).query(Long.class).single();
        long supervised = jdbc.sql("select count(*) from work_order where " + OrderRow.SUPERVISED + " and state <> 'CLOSED'").query(Long.class).single();
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        for (int d = trendDays - 1; d >= 0; d--) perDay.put(today.minusDays(d), 0L);
        jdbc.sql("select (recorded_at at time zone ?)::date, count(*) from work_order where recorded_at >= ? group by 1")
                .params(zone.getId(), trendStart)
                .query((rs, i) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2))).list()
                .forEach(e -> perDay.computeIfPresent(e.getKey(), (k, v) -> e.getValue()));
        Map<String, Long> categories = counts("select substr(category_code, 1, 2), count(*) from work_order "
                + "where category_code is not null and recorded_at >= ? group by 1 order by 2 desc", trendStart);
        Map<String, Long> streets = counts("select street_code, count(*) from work_order where street_code is not null "
                + "and recorded_at >= ? group by 1", trendStart);
        return new Overview(intakeToday, backlog, overdue, supervised,
                perDay.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue())).toList(), categories, streets);
    }

    /** Open orders under supervision (督办), most recently changed first. */
    @Transactional(readOnly = true)
    public List<Long> supervisedOrderIds(int limit) {
        return jdbc.sql("select id from work_order where " + OrderRow.SUPERVISED + " and state not in ('ANSWERED','TRANSFERRED_EMERGENCY','REFERRED',"
                        + "'MERGED','CLOSED') order by updated_at desc limit ?")
                .param(limit).query(Long.class).list();
    }

    private Map<String, Long> counts(String sql, Timestamp since) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql(sql).param(since).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
