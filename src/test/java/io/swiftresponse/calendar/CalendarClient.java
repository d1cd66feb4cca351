package io.swiftresponse.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The calendar API as the tests call it: the administrator writes, an agent reads. */
final class CalendarClient {

    static final String BASE = "/api/v1/calendars";

    private final Api api;

    CalendarClient(Api api) {
        this.api = api;
    }

    Api.Response put(int year, Object body) {
        return api.send("admin", "PUT", BASE + "/" + year, body instanceof String s ? s : Api.json(body), "application/json");
    }

    Api.Response putCsv(int year, String csv, String query) {
        return api.send("admin", "PUT", BASE + "/" + year + query, csv, "text/csv; charset=UTF-8");
    }

    /** "true weekday", "false holiday 国庆节": the answer for a date in one comparable string. */
    String workingDay(String date) {
        JsonNode a = api.get("agent1", BASE + "/working-day?date=" + date).json();
        assertThat(a.path("date").asString()).isEqualTo(date);
        return a.path("working").asBoolean() + " " + a.path("reason").asString();
    }

    JsonNode changes(int year) {
        return api.get("agent1", BASE + "/" + year + "/changes").json();
    }

    JsonNode lastChange(int year) {
        JsonNode changes = changes(year);
        return changes.get(changes.size() - 1);
    }

    JsonNode listed(int year) {
        for (JsonNode y : api.get("agent1", BASE).json()) {
            if (y.path("year").asInt() == year) return y;
        }
        throw new AssertionError(year + " is not listed");
    }

    static void assertRefused(Api.Response r, String field) {
        assertThat(r.status()).as(field + " -> " + r).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("field")).as(r.toString()).isEqualTo(field);
    }

    /** "2031-10-06 HOLIDAY" for each day of a change summary's list. */
    static List<String> dates(JsonNode days) {
        return days.valueStream().map(d -> d.path("date").asString() + " " + d.path("kind").asString()).toList();
    }

    static Map<String, String> day(String date, String name) {
        return Map.of("date", date, "name", name);
    }

    static Map<String, Object> body(List<Map<String, String>> holidays, List<Map<String, String>> workdays, String start,
            String end, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("holidays", holidays);
        m.put("workdays", workdays);
        if (start != null || end != null) {
            Map<String, String> hours = new LinkedHashMap<>();
            hours.put("start", start);
            hours.put("end", end);
            m.put("workingHours", hours);
        }
        m.put("source", source);
        return m;
    }
}
