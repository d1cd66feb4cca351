package io.swiftresponse.calendar;

/** What an entry of a year's calendar makes of its date. */
public enum DayKind {
    /** A public holiday (法定节假日): no work, even on a weekday. */
    HOLIDAY,
    /** A make-up working day (调休上班): a Saturday or Sunday worked to bridge a holiday. */
    WORKDAY
}
