package io.swiftresponse.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The official working-day calendar (工作日历), held in memory and swapped whole after each change, so the
 * deadline arithmetic done on every order transition never touches the database. A date in a year with no
 * calendar loaded is treated as Monday–Friday and every answer that relied on it says so ({@code provisional}).
 */
@Service
public class WorkingCalendar {

    /** A computed deadline; {@code provisional} when it assumed Monday–Friday for a year without a calendar. */
    public record Deadline(Instant at, boolean provisional) {
    }

    private final Supplier<List<CalendarYear>> source;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @Autowired
    WorkingCalendar(CalendarRepository repository, Clock clock) {
        this(repository::loadAll, clock);
    }

    /** For tests and tools: a calendar over the given years, without a database. */
    WorkingCalendar(Supplier<List<CalendarYear>> source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate date) {
        return snapshot().days.isWorkingDay(date);
    }

    public boolean hasYear(int year) {
        return snapshot().days.hasYear(year);
    }

    /**
     * Adding N working days to an instant gives the same time of day on the N-th following working day; a start on
     * a non-working day counts from the beginning (00:00) of the next working day.
     *
     * @throws IllegalArgumentException when days is negative or absurdly large
     */
    public Deadline addWorkingDays(Instant start, int days, ZoneId zone) {
        return snapshot().days.addWorkingDays(start, days, zone);
    }

    /** Clock hours, weekends and holidays included (urgent tiers run 7×24); never provisional. */
    public Deadline addHours(Instant start, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative, was " + hours);
        }
        return new Deadline(start.plus(Duration.ofHours(hours)), false);
    }

    /**
     * Working time elapsed from a to b: only working days count, each as a whole 24 h day. Zero when b is not after
     * a. Pairs with {@link #addWorkingDays}: from a start to its N-day deadline this gives N × 24 h, so "80 % of
     * the allowed time" is a plain ratio.
     */
    public long workingMillisBetween(Instant a, Instant b, ZoneId zone) {
        return snapshot().days.workingMillisBetween(a, b, zone);
    }

    public WorkingDayAnswer explain(LocalDate date) {
        return snapshot().days.explain(date);
    }

    /**
     * Every loaded year, plus this year and next year when they are missing (flagged provisional): a missing
     * calendar is exactly what someone needs to see in this list.
     */
    public List<CalendarYearView> years() {
        Map<Integer, CalendarYearView> views = new TreeMap<>();
        snapshot().years.forEach((year, y) -> views.put(year, CalendarYearView.of(y)));
        int thisYear = LocalDate.now(clock).getYear();
        views.putIfAbsent(thisYear, CalendarYearView.missing(thisYear));
        views.putIfAbsent(thisYear + 1, CalendarYearView.missing(thisYear + 1));
        return new ArrayList<>(views.values());
    }

    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(snapshot().years.get(year));
    }

    /** Reads every year again; called after each accepted change. */
    public synchronized void reload() {
        List<CalendarYear> loaded = new ArrayList<>(source.get());
        loaded.sort(Comparator.comparingInt(CalendarYear::year));
        Map<Integer, CalendarYear> byYear = new TreeMap<>();
        loaded.forEach(y -> byYear.put(y.year(), y));
        snapshot = new Snapshot(new WorkingDays(loaded), byYear);
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            reload();
            s = snapshot;
        }
        return s;
    }

    private record Snapshot(WorkingDays days, Map<Integer, CalendarYear> years) {
    }
}
