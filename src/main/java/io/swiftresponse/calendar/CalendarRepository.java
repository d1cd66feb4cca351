package io.swiftresponse.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for calendars and their change log. Read whole (a year is a few dozen rows), written whole. */
@Repository
class CalendarRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CalendarYear> loadAll() {
        return load(WorkingDays.FIRST_YEAR, WorkingDays.LAST_YEAR);
    }

    Optional<CalendarYear> load(int year) {
        return load(year, year).stream().findFirst();
    }

    /**
     * Serialises changes to calendars: two administrators replacing a year at once would otherwise each compute
     * their log entry against the state before the other's change. Readers are not blocked.
     */
    void lockForChange() {
        jdbc.sql("lock table calendar_year in share row exclusive mode").update();
    }

    void replace(int year, List<CalendarDay> days, WorkingHours hours, String source, String actor, Instant at) {
        jdbc.sql("""
                insert into calendar_year (year, work_start, work_end, source, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (year) do update set work_start = excluded.work_start, work_end = excluded.work_end,
                    source = excluded.source, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(year, hours == null ? null : hours.start(), hours == null ? null : hours.end(),
                        source, actor, Timestamp.from(at))
                .update();
        jdbc.sql("delete from calendar_day where year = ?").param(year).update();
        for (CalendarDay d : days) {
            jdbc.sql("insert into calendar_day (date, year, kind, name) values (?, ?, ?, ?)")
                    .params(d.date(), year, d.kind().name(), d.name())
                    .update();
        }
    }

    void appendChange(int year, String actor, Instant at, CalendarChange.Summary summary) {
        jdbc.sql("insert into calendar_change (year, actor, at, summary) values (?, ?, ?, ?::jsonb)")
                .params(year, actor, Timestamp.from(at), JSON.writeValueAsString(summary))
                .update();
    }

    List<CalendarChange> changes(int year) {
        return jdbc.sql("select id, year, actor, at, summary::text from calendar_change where year = ? order by id")
                .param(year)
                .query((rs, i) -> new CalendarChange(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        JSON.readValue(rs.getString(5), CalendarChange.Summary.class)))
                .list();
    }

    private List<CalendarYear> load(int from, int to) {
        Map<Integer, List<CalendarDay>> days = new LinkedHashMap<>();
        jdbc.sql("select year, date, kind, name from calendar_day where year between ? and ? order by date")
                .params(from, to)
                .query(rs -> {
                    days.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new CalendarDay(
                            rs.getObject(2, LocalDate.class), DayKind.valueOf(rs.getString(3)), rs.getString(4)));
                });
        return jdbc.sql("""
                select year, work_start, work_end, source, updated_by, updated_at from calendar_year
                where year between ? and ? order by year""")
                .params(from, to)
                .query((rs, i) -> year(rs, days.getOrDefault(rs.getInt(1), List.of())))
                .list();
    }

    private static CalendarYear year(ResultSet rs, List<CalendarDay> days) throws SQLException {
        LocalTime start = rs.getObject(2, LocalTime.class);
        LocalTime end = rs.getObject(3, LocalTime.class);
        WorkingHours hours = start == null || end == null ? null : new WorkingHours(start, end);
        return new CalendarYear(rs.getInt(1), hours, rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), days);
    }
}
