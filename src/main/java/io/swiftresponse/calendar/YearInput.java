package io.swiftresponse.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole year's calendar as submitted, before validation. Each day carries the name of the field it came from
 * ({@code holidays[2]}, {@code line[5]}) so a refusal points at the exact entry, whatever the format.
 */
public record YearInput(List<DayInput> days, WorkingHours workingHours, String source) {

    public YearInput {
        days = days == null ? List.of() : days;
    }

    public record DayInput(String field, LocalDate date, DayKind kind, String name) {
    }
}
