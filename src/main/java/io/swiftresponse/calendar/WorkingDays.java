package io.swiftresponse.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable snapshot of every loaded year, built once per change. Deadlines are computed on every order
 * transition, so a lookup is an array index and a bit test: no map with boxed keys, no database.
 */
final class WorkingDays {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    /** Far more than any time limit; keeps a typo (or a caller's bug) from looping for minutes. */
    static final int MAX_DAYS = 10_000;

    /** Indexed by year - FIRST_YEAR; bit (dayOfYear - 1) set when that date is a working day. Null = not loaded. */
    private final BitSet[] working = new BitSet[LAST_YEAR - FIRST_YEAR + 1];
    private final Map<LocalDate, CalendarDay> listed = new HashMap<>();

    WorkingDays(Collection<CalendarYear> years) {
        for (CalendarYear y : years) {
            BitSet bits = new BitSet(366);
            for (LocalDate d = LocalDate.of(y.year(), 1, 1); d.getYear() == y.year(); d = d.plusDays(1)) {
                bits.set(d.getDayOfYear() - 1, weekday(d));
            }
            for (CalendarDay day : y.days()) {
                bits.set(day.date().getDayOfYear() - 1, day.kind() == DayKind.WORKDAY);
                listed.put(day.date(), day);
            }
            working[y.year() - FIRST_YEAR] = bits;
        }
    }

    boolean hasYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR && working[year - FIRST_YEAR] != null;
    }

    boolean isWorkingDay(LocalDate d) {
        return hasYear(d.getYear()) ? working[d.getYear() - FIRST_YEAR].get(d.getDayOfYear() - 1) : weekday(d);
    }

    WorkingDayAnswer explain(LocalDate d) {
        if (!hasYear(d.getYear())) {
            return new WorkingDayAnswer(d, weekday(d), true,
                    "no calendar for " + d.getYear() + ": Monday–Friday assumed (provisional)");
        }
        CalendarDay day = listed.get(d);
        if (day != null) {
            return day.kind() == DayKind.HOLIDAY
                    ? new WorkingDayAnswer(d, false, false, "holiday " + day.name())
                    : new WorkingDayAnswer(d, true, false, "make-up working day");
        }
        return new WorkingDayAnswer(d, weekday(d), false, weekday(d) ? "weekday" : "weekend");
    }

    /**
     * Same time of day on the N-th following working day; a start on a non-working day counts from 00:00 of the
     * next working day. Provisional when any date looked at lies in a year without a calendar, because the
     * Monday–Friday guess may be wrong there.
     */
    WorkingCalendar.Deadline addWorkingDays(Instant start, int days, ZoneId zone) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 0 and " + MAX_DAYS + ", was " + days);
        }
        ZonedDateTime t = start.atZone(zone);
        LocalDate date = t.toLocalDate();
        boolean provisional = !hasYear(date.getYear());
        boolean fromMidnight = !isWorkingDay(date);
        while (!isWorkingDay(date)) {
            date = date.plusDays(1);
            provisional |= !hasYear(date.getYear());
        }
        for (int left = days; left > 0; ) {
            date = date.plusDays(1);
            provisional |= !hasYear(date.getYear());
            if (isWorkingDay(date)) {
                left--;
            }
        }
        ZonedDateTime at = fromMidnight ? date.atStartOfDay(zone) : ZonedDateTime.of(date, t.toLocalTime(), zone);
        return new WorkingCalendar.Deadline(at.toInstant(), provisional);
    }

    /** Time inside [a, b) that falls on working days, each working day counting whole (00:00 to 00:00). */
    long workingMillisBetween(Instant a, Instant b, ZoneId zone) {
        if (!b.isAfter(a)) {
            return 0;
        }
        LocalDate last = b.atZone(zone).toLocalDate();
        long total = 0;
        for (LocalDate d = a.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                Instant from = later(a, d.atStartOfDay(zone).toInstant());
                Instant to = earlier(b, d.plusDays(1).atStartOfDay(zone).toInstant());
                if (to.isAfter(from)) {
                    total += Duration.between(from, to).toMillis();
                }
            }
        }
        return total;
    }

    static boolean weekday(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    private static Instant later(Instant x, Instant y) {
        return x.isAfter(y) ? x : y;
    }

    private static Instant earlier(Instant x, Instant y) {
        return x.isBefore(y) ? x : y;
    }
}
