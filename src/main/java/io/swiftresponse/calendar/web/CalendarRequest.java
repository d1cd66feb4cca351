package io.swiftresponse.calendar.web;

import io.swiftresponse.calendar.DayKind;
import io.swiftresponse.calendar.WorkingHours;
import io.swiftresponse.calendar.YearInput;
import io.swiftresponse.shared.web.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** JSON body of {@code PUT /api/v1/calendars/{year}}: the whole year, replacing what is stored. */
record CalendarRequest(List<Day> holidays, List<Day> workdays, WorkingHours workingHours, String source) {

    record Day(LocalDate date, String name) {
    }

    /** Both lists are required (empty is fine), so a client that forgets one does not silently wipe it. */
    YearInput toInput() {
        if (holidays == null) {
            throw Problem.invalidField("holidays", "required: the year's public holidays ([] for none)");
        }
        if (workdays == null) {
            throw Problem.invalidField("workdays", "required: the year's make-up working days ([] for none)");
        }
        List<YearInput.DayInput> days = new ArrayList<>();
        add(days, "holidays", holidays, DayKind.HOLIDAY);
        add(days, "workdays", workdays, DayKind.WORKDAY);
        return new YearInput(days, workingHours, source);
    }

    private static void add(List<YearInput.DayInput> days, String field, List<Day> entries, DayKind kind) {
        for (int i = 0; i < entries.size(); i++) {
            Day d = entries.get(i);
            days.add(new YearInput.DayInput(field + "[" + i + "]", d == null ? null : d.date(), kind, d == null ? null : d.name()));
        }
    }
}
