package io.swiftresponse.calendar;

import java.time.Instant;

/**
 * A year in the calendar list. {@code provisional} marks a year with no calendar loaded: its deadlines assume
 * Monday–Friday and are flagged, so someone knows to load the State Council's notice.
 */
public record CalendarYearView(int year, boolean provisional, int holidays, int workdays, WorkingHours workingHours,
        String source, String updatedBy, Instant updatedAt) {

    static CalendarYearView of(CalendarYear y) {
        return new CalendarYearView(y.year(), false, y.count(DayKind.HOLIDAY), y.count(DayKind.WORKDAY), y.workingHours(),
                y.source(), y.updatedBy(), y.updatedAt());
    }

    static CalendarYearView missing(int year) {
        return new CalendarYearView(year, true, 0, 0, null, null, null, null);
    }
}
