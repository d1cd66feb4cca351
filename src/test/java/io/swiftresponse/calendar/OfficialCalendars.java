package io.swiftresponse.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The 2025 and 2026 calendars as published by the State Council, the same data V5__calendar.sql seeds. */
final class OfficialCalendars {

    private OfficialCalendars() {
    }

    static CalendarYear y2025() {
        List<CalendarDay> d = new ArrayList<>();
        off(d, "2025-01-01", "2025-01-01", "元旦");
        work(d, "2025-01-26", "春节");
        off(d, "2025-01-28", "2025-02-04", "春节");
        work(d, "2025-02-08", "春节");
        off(d, "2025-04-04", "2025-04-06", "清明节");
        work(d, "2025-04-27", "劳动节");
        off(d, "2025-05-01", "2025-05-05", "劳动节");
        off(d, "2025-05-31", "2025-06-02", "端午节");
        work(d, "2025-09-28", "国庆节、中秋节");
        off(d, "2025-10-01", "2025-10-08", "国庆节、中秋节");
        work(d, "2025-10-11", "国庆节、中秋节");
        return new CalendarYear(2025, null, "国办发明电〔2024〕12号", "test", Instant.EPOCH, d);
    }

    static CalendarYear y2026() {
        List<CalendarDay> d = new ArrayList<>();
        off(d, "2026-01-01", "2026-01-03", "元旦");
        work(d, "2026-01-04", "元旦");
        work(d, "2026-02-14", "春节");
        off(d, "2026-02-15", "2026-02-23", "春节");
        work(d, "2026-02-28", "春节");
        off(d, "2026-04-04", "2026-04-06", "清明节");
        off(d, "2026-05-01", "2026-05-05", "劳动节");
        work(d, "2026-05-09", "劳动节");
        off(d, "2026-06-19", "2026-06-21", "端午节");
        work(d, "2026-09-20", "国庆节");
        off(d, "2026-09-25", "2026-09-27", "中秋节");
        off(d, "2026-10-01", "2026-10-07", "国庆节");
        work(d, "2026-10-10", "国庆节");
        return new CalendarYear(2026, null, "2025-11-04", "test", Instant.EPOCH, d);
    }

    private static void off(List<CalendarDay> days, String first, String last, String name) {
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            days.add(new CalendarDay(d, DayKind.HOLIDAY, name));
        }
    }

    private static void work(List<CalendarDay> days, String date, String name) {
        days.add(new CalendarDay(LocalDate.parse(date), DayKind.WORKDAY, name));
    }
}
