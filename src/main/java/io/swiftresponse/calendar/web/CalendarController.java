package io.swiftresponse.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.calendar.CalendarAdministration;
import io.swiftresponse.calendar.CalendarChange;
import io.swiftresponse.calendar.CalendarYear;
import io.swiftresponse.calendar.CalendarYearView;
import io.swiftresponse.calendar.WorkingCalendar;
import io.swiftresponse.calendar.WorkingDayAnswer;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.shared.web.Problem;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Calendars", description = "Working-day calendars: public holidays and make-up working days per year")
class CalendarController {

    static final String CSV = "text/csv";

    private final WorkingCalendar calendar;
    private final CalendarAdministration administration;
    private final CurrentUsers users;

    CalendarController(WorkingCalendar calendar, CalendarAdministration administration, CurrentUsers users) {
        this.calendar = calendar;
        this.administration = administration;
        this.users = users;
    }

    @GetMapping({"/calendars", "/calendar/years"})
    @Operation(summary = "Loaded years with their counts; this year and next are listed as provisional when missing")
    List<CalendarYearView> years() {
        return calendar.years();
    }

    @GetMapping({"/calendars/{year}", "/calendar/years/{year}"})
    @Operation(summary = "One year's listed days (holidays and make-up working days), working hours and source")
    CalendarYear year(@PathVariable int year) {
        return calendar.year(year).orElseThrow(() -> Problem.notFound("A calendar for " + year));
    }

    @PutMapping(path = {"/calendars/{year}", "/calendar/years/{year}"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a year's calendar (administrators only); every accepted change is logged")
    CalendarYear replace(@PathVariable int year, @RequestBody CalendarRequest body) {
        return administration.replace(year, body.toInput(), users.current());
    }

    @PutMapping(path = {"/calendars/{year}", "/calendar/years/{year}"}, consumes = CSV)
    @Operation(summary = "Replace a year's calendar from CSV with the header date,kind,name (kind HOLIDAY or WORKDAY)")
    CalendarYear replaceCsv(@PathVariable int year, @RequestBody(required = false) byte[] body,
            @Parameter(description = "Where the calendar comes from, e.g. the notice's number") @RequestParam(required = false)
            @Size(max = 500) String source,
            @Parameter(description = "Office hours as 09:00-18:00") @RequestParam(required = false) @Size(max = 20) String workingHours) {
        return administration.replace(year, CalendarCsv.parse(body == null ? new byte[0] : body, source, workingHours),
                users.current());
    }

    @GetMapping({"/calendars/{year}/changes", "/calendar/years/{year}/changes"})
    @Operation(summary = "The append-only log of changes to a year's calendar: who, when, which days were added or removed")
    List<CalendarChange> changes(@PathVariable int year) {
        return administration.changes(year);
    }

    @GetMapping({"/calendars/working-day", "/calendar/working-day"})
    @Operation(summary = "Whether a date is a working day, and why")
    WorkingDayAnswer workingDay(@Parameter(description = "ISO date, e.g. 2026-10-08") @RequestParam
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return calendar.explain(date);
    }
}
