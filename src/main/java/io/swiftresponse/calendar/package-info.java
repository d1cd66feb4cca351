/**
 * Working-day calendars (工作日历): per year, the public holidays and make-up working days (调休) published by the
 * State Council, optional working hours, and who changed them. Answers "is this a working day" and "when is N
 * working days after this instant" from memory, flagging any answer that relies on a year nobody has loaded.
 */
package io.swiftresponse.calendar;
