package io.swiftresponse.bench;

import io.swiftresponse.calendar.WorkingCalendar;
import io.swiftresponse.sla.TimeLimitPolicy;
import io.swiftresponse.workorder.DeadlineClock;
import io.swiftresponse.workorder.DeadlinePolicy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

/**
 * The variants {@link DeadlineComputationBenchmark} measures the code under test against: the BASELINE naive calendar
 * walk and basis sentence, and prototypes not in src/main (epoch-day arithmetic, a cheaper basis). Each gives the same
 * answer as the code under test ({@code check()} proves it on every sample before any timing).
 */
class DeadlinePrototypes extends DeadlineComputationFixture {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    DeadlinePrototypes() throws Exception {
    }

    /** The baseline: a plain java.time walk with hash-set lookups, same rules and same result as the calendar. */
    static final class Naive {
        final Set<LocalDate> holidays = new HashSet<>();
        final Set<LocalDate> workdays = new HashSet<>();

        boolean working(LocalDate d) {
            if (workdays.contains(d)) return true;
            if (holidays.contains(d)) return false;
            DayOfWeek w = d.getDayOfWeek();
            return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
        }

        WorkingCalendar.Deadline add(Instant start, int n, ZoneId zone) {
            ZonedDateTime t = start.atZone(zone);
            LocalDate date = t.toLocalDate();
            boolean fromMidnight = !working(date);
            while (!working(date)) date = date.plusDays(1);
            for (int left = n; left > 0; ) {
                date = date.plusDays(1);
                if (working(date)) left--;
            }
            ZonedDateTime at = fromMidnight ? date.atStartOfDay(zone) : ZonedDateTime.of(date, t.toLocalTime(), zone);
            return new WorkingCalendar.Deadline(at.toInstant(), date.getYear() > 2026 || t.getYear() < 2025);
        }
    }

    /** The basis sentence exactly as SlaPolicies.due builds it (working-day clock, official calendar). */
    String basis(int i) {
        TimeLimitPolicy p = byId.get((long) days[i]);
        TimeLimitPolicy.Limit limit = p.limits().get(DeadlineClock.REPLY);
        return DeadlineClock.REPLY + ": " + limit.describe() + " from " + SHOWN.format(starts[i].atZone(ZONE)) + " under "
                + p.describe() + "; on the official working-day calendar";
    }

    /** A cheaper way to the same sentence: fixed parts cached per policy and clock, the time written field by field. */
    final String[][] parts = new String[16][];

    String basisFast(int i) {
        String[] pp = parts[days[i]];
        if (pp == null) {
            TimeLimitPolicy p = byId.get((long) days[i]);
            pp = parts[days[i]] = new String[] {DeadlineClock.REPLY + ": " + p.limits().get(DeadlineClock.REPLY).describe() + " from ",
                    " under " + p.describe() + "; on the official working-day calendar"};
        }
        LocalDateTime t = LocalDateTime.ofInstant(starts[i], ZONE);
        StringBuilder b = new StringBuilder(pp[0].length() + 16 + pp[1].length()).append(pp[0]).append(t.getYear()).append('-');
        two(b, t.getMonthValue()).append('-');
        two(two(two(b, t.getDayOfMonth()).append(' '), t.getHour()).append(':'), t.getMinute());
        return b.append(pp[1]).toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /**
     * Prototype, not in src/main: the same answer from epoch-day integers. Per day since 2024-12-25 (a week of margin) the
     * number of working days before it and, per working-day ordinal, its day; a deadline is two array reads and no
     * LocalDate or ZonedDateTime (Beijing time has had one offset since 1991; checked, else the calendar is asked).
     */
    static final long BASE = LocalDate.of(2024, 12, 25).toEpochDay();
    int[] rank;
    int[] nth;

    WorkingCalendar.Deadline epochDay(Instant start, int n) {
        if (rank == null) {
            rank = new int[3 * 366 + 60];
            nth = new int[rank.length + 1];
            for (int i = 0, r = 0; i < rank.length; i++) {
                rank[i] = r;
                if (calendar.isWorkingDay(LocalDate.ofEpochDay(BASE + i))) nth[r++] = i;
            }
        }
        int offset = ZONE.getRules().getOffset(start).getTotalSeconds();
        long local = start.getEpochSecond() + offset;
        int day = (int) (Math.floorDiv(local, 86_400) - BASE);
        int first = rank[day];
        boolean fromMidnight = nth[first] != day;
        int target = nth[first + n];
        long at = fromMidnight ? (BASE + target) * 86_400 - offset : start.getEpochSecond() + (long) (target - day) * 86_400;
        Instant result = Instant.ofEpochSecond(at, start.getNano());
        if (ZONE.getRules().getOffset(result).getTotalSeconds() != offset) return calendar.addWorkingDays(start, n, ZONE);
        int lastYear = LocalDate.ofEpochDay(BASE + target).getYear();
        return new WorkingCalendar.Deadline(result, lastYear > 2026 || LocalDate.ofEpochDay(BASE + day).getYear() < 2025);
    }

    /** Prototype: SlaPolicies.due (working days) as it is, with basisFast instead of the concatenation and DateTimeFormatter. */
    DeadlinePolicy.Due dueFastBasis(int i) {
        TimeLimitPolicy p = byId.get((long) days[i]);
        TimeLimitPolicy.Limit limit = p.limits().get(DeadlineClock.REPLY);
        WorkingCalendar.Deadline d = calendar.addWorkingDays(starts[i], limit.amount(), ZONE);
        String basis = d.provisional() ? basis(i).replace("; on the official working-day calendar",
                "; PROVISIONAL: it reaches a year with no official calendar, Monday–Friday assumed") : basisFast(i);
        long span = java.time.Duration.between(starts[i], d.at()).toMillis();
        return new DeadlinePolicy.Due(d.at(), starts[i].plusMillis(span * p.warningPercent() / 100),
                d.at().plus(java.time.Duration.ofHours(p.escalationHours())), d.provisional(), basis);
    }
}
