package io.swiftresponse.calendar;

import java.time.Instant;
import java.util.List;

/** One accepted replacement of a year's calendar, from the append-only change log. */
public record CalendarChange(long id, int year, String actor, Instant at, Summary summary) {

    /**
     * What changed. A day whose kind or name changed appears in both lists (old entry removed, new one added);
     * {@code workingHours} and {@code source} are null when they stayed the same.
     */
    public record Summary(List<CalendarDay> added, List<CalendarDay> removed, Change<WorkingHours> workingHours,
            Change<String> source) {

        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && workingHours == null && source == null;
        }
    }

    public record Change<T>(T before, T after) {
    }
}
