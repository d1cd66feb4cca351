package io.swiftresponse.calendar;

import java.time.LocalDate;

/** Whether a date is a working day, and why, in words a supervisor can check against the published notice. */
public record WorkingDayAnswer(LocalDate date, boolean working, boolean provisional, String reason) {
}
