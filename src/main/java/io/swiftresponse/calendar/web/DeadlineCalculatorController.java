package io.swiftresponse.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.calendar.WorkingCalendar;
import io.swiftresponse.calendar.WorkingDayAnswer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deadline arithmetic on the official calendar, with the non-working days it skipped named. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendars")
class DeadlineCalculatorController {

    enum Unit { WORKING_DAYS, HOURS }

    private final WorkingCalendar calendar;
    private final java.time.ZoneId city;

    DeadlineCalculatorController(WorkingCalendar calendar, java.time.Clock clock) {
        this.calendar = calendar;
        this.city = clock.getZone();
    }

    @GetMapping("/deadline")
    @Operation(summary = "start + amount working days (or clock hours): same time of day on the N-th following working day; "
            + "working days are those of the city's time zone; the answer keeps the offset of the start")
    Answer deadline(@RequestParam OffsetDateTime start, @RequestParam @Min(0) @Max(3650) int amount,
            @RequestParam(defaultValue = "WORKING_DAYS") Unit unit) {
        ZoneOffset offset = start.getOffset();
        WorkingCalendar.Deadline d = unit == Unit.HOURS
                ? calendar.addHours(start.toInstant(), amount)
                : calendar.addWorkingDays(start.toInstant(), amount, city);
        String explanation = unit == Unit.HOURS ? amount + " clock hours (7×24): non-working days count"
                : amount + " working days" + skipped(start.atZoneSameInstant(city).toLocalDate(),
                        d.at().atZone(city).toLocalDate()) + " (working days of " + city + ")";
        if (d.provisional()) {
            explanation += "; PROVISIONAL: reaches a year with no official calendar, Monday–Friday assumed";
        }
        return new Answer(d.at().atOffset(offset), d.provisional(), explanation);
    }

    private String skipped(LocalDate from, LocalDate to) {
        List<String> notes = new ArrayList<>();
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            WorkingDayAnswer a = calendar.explain(day);
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            if (!a.working() || weekend) {
                notes.add(day + " " + (a.working() ? "worked (" + a.reason() + ")" : "skipped (" + a.reason() + ")"));
            }
        }
        return notes.isEmpty() ? "" : "; " + String.join(", ", notes);
    }

    record Answer(OffsetDateTime deadline, boolean provisional, String explanation) {
    }

}
