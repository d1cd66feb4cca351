package io.swiftresponse.calendar;

import java.time.Instant;
import java.util.List;

/** A year's official calendar: only the listed days; every other date follows Monday–Friday. */
public record CalendarYear(int year, WorkingHours workingHours, String source, String updatedBy, Instant updatedAt,
        List<CalendarDay> days) {

    public CalendarYear {
        days = List.copyOf(days);
    }

    int count(DayKind kind) {
        return (int) days.stream().filter(d -> d.kind() == kind).count();
    }
}
