package io.swiftresponse.evaluation;

import io.swiftresponse.shared.web.Problem;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A scoring period: a calendar month ({@code 2026-11}) or any date range, both ends included, in the city's zone. */
public record Period(LocalDate from, LocalDate to, YearMonth month) {

    static final int MAX_DAYS = 732;

    public static Period of(YearMonth m) {
        return new Period(m.atDay(1), m.atEndOfMonth(), m);
    }

    /** From request parameters: either {@code period=yyyy-MM} or {@code from=&to=} (yyyy-MM-dd). */
    public static Period parse(String period, String from, String to) {
        if (period != null && (from != null || to != null)) {
            throw Problem.invalidField("period", "give either period=yyyy-MM or from=&to=, not both");
        }
        if (period != null) return of(month(period));
        if (from == null || to == null) {
            throw Problem.invalidField(from == null ? "from" : "to", "give period=yyyy-MM (e.g. 2026-11) or both from= and to= (yyyy-MM-dd)");
        }
        LocalDate f = date(from, "from");
        LocalDate t = date(to, "to");
        if (t.isBefore(f)) throw Problem.invalidField("to", "must not be before from (" + f + ")");
        if (ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) throw Problem.invalidField("to", "a range covers at most " + MAX_DAYS + " days");
        YearMonth m = YearMonth.from(f);
        return new Period(f, t, f.equals(m.atDay(1)) && t.equals(m.atEndOfMonth()) ? m : null);
    }

    public static YearMonth month(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            throw Problem.invalidField("period", "must be a month as yyyy-MM, e.g. 2026-11, not '" + shorten(text) + "'");
        }
        try {
            YearMonth m = YearMonth.parse(text);
            if (m.getYear() < 2000 || m.getYear() > 2999) throw Problem.invalidField("period", "year must be between 2000 and 2999");
            return m;
        } catch (DateTimeParseException e) {
            throw Problem.invalidField("period", "must be a month as yyyy-MM with a month from 01 to 12, not '" + text + "'");
        }
    }

    private static LocalDate date(String text, String field) {
        try {
            if (text.length() != 10) throw new DateTimeParseException("length", text, 0);
            LocalDate d = LocalDate.parse(text);
            if (d.getYear() < 2000 || d.getYear() > 2999) throw Problem.invalidField(field, "year must be between 2000 and 2999");
            return d;
        } catch (DateTimeParseException e) {
            throw Problem.invalidField(field, "must be a date as yyyy-MM-dd, not '" + shorten(text) + "'");
        }
    }

    /** The period just before, of the same kind: the previous month, or a range of the same length ending the day before. */
    public Period previous() {
        if (month != null) return of(month.minusMonths(1));
        long days = ChronoUnit.DAYS.between(from, to);
        return new Period(from.minusDays(days + 1), from.minusDays(1), null);
    }

    public String label() {
        return month != null ? month.toString() : from + ".." + to;
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
