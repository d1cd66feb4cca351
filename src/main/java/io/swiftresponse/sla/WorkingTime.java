package io.swiftresponse.sla;

import io.swiftresponse.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Moving an instant forward by an amount of working time (whole working days of 24 h each). */
final class WorkingTime {


    private WorkingTime() {
    }

    static Instant advance(WorkingCalendar calendar, Instant from, long workingMillis, ZoneId zone) {
        ZonedDateTime t = from.atZone(zone);
        long left = workingMillis;
        while (left > 0) {
            if (!calendar.isWorkingDay(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay(zone);
                continue;
            }
            ZonedDateTime endOfDay = t.toLocalDate().plusDays(1).atStartOfDay(zone);
            long available = java.time.Duration.between(t, endOfDay).toMillis();
            if (left <= available) {
                return t.plusNanos(left * 1_000_000).toInstant();
            }
            left -= available;
            t = endOfDay;
        }
        return t.toInstant();
    }

}
