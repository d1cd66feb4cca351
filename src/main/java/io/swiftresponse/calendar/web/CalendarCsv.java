package io.swiftresponse.calendar.web;

import io.swiftresponse.calendar.DayKind;
import io.swiftresponse.calendar.WorkingHours;
import io.swiftresponse.calendar.YearInput;
import io.swiftresponse.shared.csv.CsvReader;
import io.swiftresponse.shared.web.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A year as CSV with the header {@code date,kind,name}, the form in which holiday lists are usually typed up from
 * the published notice. Errors name the line ({@code line[3].date}; the header is line 1).
 */
final class CalendarCsv {

    private static final List<String> HEADER = List.of("date", "kind", "name");

    private CalendarCsv() {
    }

    static YearInput parse(byte[] body, String source, String workingHours) {
        List<List<String>> rows;
        try {
            rows = CsvReader.read(new StringReader(utf8(body)));
        } catch (IOException e) {
            throw Problem.invalidField("body", "could not be read as CSV");
        }
        if (rows.isEmpty() || !HEADER.equals(rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList())) {
            throw Problem.invalidField("header", "the first line must be exactly: date,kind,name");
        }
        List<YearInput.DayInput> days = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            String field = "line[" + (i + 1) + "]";
            if (row.size() != HEADER.size()) {
                throw Problem.invalidField(field, "has " + row.size() + " columns; expected 3: date,kind,name");
            }
            days.add(new YearInput.DayInput(field, date(field, row.get(0)), kind(field, row.get(1)), row.get(2)));
        }
        return new YearInput(days, hours(workingHours), source);
    }

    /** Strict: a file saved in GBK would otherwise turn every festival name into replacement characters. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.invalidField("body", "must be UTF-8 encoded text");
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalidField(field + ".date", "must be a date as YYYY-MM-DD");
        }
    }

    private static DayKind kind(String field, String value) {
        try {
            return DayKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.invalidField(field + ".kind", "must be HOLIDAY or WORKDAY");
        }
    }

    /** {@code 09:00-18:00}; absent means no working hours. */
    static WorkingHours hours(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.strip().split("-", -1);
        try {
            if (parts.length == 2) {
                return new WorkingHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            }
        } catch (DateTimeParseException e) {
            // reported below with the expected form
        }
        throw Problem.invalidField("workingHours", "must look like 09:00-18:00");
    }
}
