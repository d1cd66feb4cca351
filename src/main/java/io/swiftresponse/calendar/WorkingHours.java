package io.swiftresponse.calendar;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalTime;

/** Office hours of a working day, e.g. 09:00–18:00. Stored and shown; deadlines still count whole days. */
public record WorkingHours(@JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end) {
}
