package io.swiftresponse.calendar;

import java.time.LocalDate;

/** One listed day of a calendar; {@code name} is the festival it belongs to (optional for make-up working days). */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
}
