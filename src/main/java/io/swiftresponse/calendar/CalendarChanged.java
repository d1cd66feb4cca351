package io.swiftresponse.calendar;

import java.time.Instant;

/** Published when a year's calendar was replaced, so stored deadlines in that year can be reviewed. */
public record CalendarChanged(int year, String actor, Instant at) {
}
