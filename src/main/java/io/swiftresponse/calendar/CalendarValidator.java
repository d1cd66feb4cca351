package io.swiftresponse.calendar;

import io.swiftresponse.shared.web.Problem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a submitted year before anything is written, and names the entry at fault. A wrong calendar silently
 * moves every deadline in the city, so anything that cannot be what the State Council published is refused.
 */
final class CalendarValidator {

    static final int MAX_NAME = 40;
    static final int MAX_SOURCE = 500;

    private CalendarValidator() {
    }

    /** The year's days, sorted by date, names stripped; or a {@link Problem} naming the first bad field. */
    static List<CalendarDay> validate(int year, YearInput in) {
        if (year < WorkingDays.FIRST_YEAR || year > WorkingDays.LAST_YEAR) {
            throw Problem.invalidField("year", "must be between " + WorkingDays.FIRST_YEAR + " and " + WorkingDays.LAST_YEAR
                    + ", was " + year);
        }
        Map<LocalDate, YearInput.DayInput> seen = new HashMap<>();
        List<CalendarDay> days = new ArrayList<>();
        for (YearInput.DayInput d : in.days()) {
            days.add(day(year, d, seen));
        }
        workingHours(in.workingHours());
        if (in.source() != null && in.source().strip().length() > MAX_SOURCE) {
            throw Problem.invalidField("source", "must be at most " + MAX_SOURCE + " characters");
        }
        if (in.source() != null && hasControl(in.source())) {
            throw Problem.invalidField("source", "must not contain control characters");
        }
        days.sort(Comparator.comparing(CalendarDay::date));
        return days;
    }

    private static CalendarDay day(int year, YearInput.DayInput d, Map<LocalDate, YearInput.DayInput> seen) {
        String f = d.field();
        if (d.date() == null) {
            throw Problem.invalidField(f + ".date", "required, as YYYY-MM-DD");
        }
        if (d.kind() == null) {
            throw Problem.invalidField(f + ".kind", "required: HOLIDAY or WORKDAY");
        }
        if (d.date().getYear() != year) {
            throw Problem.invalidField(f + ".date", d.date() + " is not in " + year);
        }
        YearInput.DayInput earlier = seen.putIfAbsent(d.date(), d);
        if (earlier != null) {
            throw Problem.invalidField(f + ".date", earlier.kind() != d.kind()
                    ? d.date() + " is both a holiday and a make-up working day (see " + earlier.field() + ")"
                    : d.date() + " is listed twice (see " + earlier.field() + ")");
        }
        DayOfWeek dow = d.date().getDayOfWeek();
        if (d.kind() == DayKind.WORKDAY && WorkingDays.weekday(d.date())) {
            throw Problem.invalidField(f + ".date", d.date() + " is a " + dow.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + ", already a working day: a make-up working day must fall on a Saturday or Sunday");
        }
        String name = d.name() == null || d.name().isBlank() ? null : d.name().strip();
        if (name == null && d.kind() == DayKind.HOLIDAY) {
            throw Problem.invalidField(f + ".name", "a holiday needs the festival's name, e.g. 国庆节");
        }
        if (name != null && name.codePointCount(0, name.length()) > MAX_NAME) {
            throw Problem.invalidField(f + ".name", "must be at most " + MAX_NAME + " characters");
        }
        if (name != null && hasControl(name)) {
            throw Problem.invalidField(f + ".name", "must not contain control characters");
        }
        return new CalendarDay(d.date(), d.kind(), name);
    }

    private static void workingHours(WorkingHours h) {
        if (h == null) {
            return;
        }
        if (h.start() == null) {
            throw Problem.invalidField("workingHours.start", "required when working hours are given, as HH:mm");
        }
        if (h.end() == null) {
            throw Problem.invalidField("workingHours.end", "required when working hours are given, as HH:mm");
        }
        if (!h.start().isBefore(h.end())) {
            throw Problem.invalidField("workingHours.end", "must be after the start (" + h.start() + "), was " + h.end());
        }
    }

    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }
}
