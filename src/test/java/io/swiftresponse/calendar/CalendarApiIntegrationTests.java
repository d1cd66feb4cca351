package io.swiftresponse.calendar;

import static io.swiftresponse.calendar.CalendarClient.BASE;
import static io.swiftresponse.calendar.CalendarClient.assertRefused;
import static io.swiftresponse.calendar.CalendarClient.body;
import static io.swiftresponse.calendar.CalendarClient.dates;
import static io.swiftresponse.calendar.CalendarClient.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.RawHttp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The calendar API as an administrator and a client use it. The database is shared with every other integration
 * test, so changes go to years nobody else uses (2031, 2032; 2034 is only ever refused) and 2025/2026 are only read.
 * Each run puts a known state first, so the assertions hold on a database kept from an earlier run too.
 */
@IntegrationTest
class CalendarApiIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    CalendarClient calendars;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        calendars = new CalendarClient(api);
    }

    @Test
    void listsTheSeededYearsAndAnswersFromThem() {
        assertThat(calendars.listed(2025).path("holidays").asInt()).isEqualTo(28);
        assertThat(calendars.listed(2025).path("workdays").asInt()).isEqualTo(5);
        assertThat(calendars.listed(2026).path("holidays").asInt()).isEqualTo(33);
        assertThat(calendars.listed(2026).path("workdays").asInt()).isEqualTo(6);
        assertThat(calendars.listed(2026).path("provisional").asBoolean()).isFalse();
        assertThat(calendars.workingDay("2026-10-08")).isEqualTo("true weekday");
        assertThat(calendars.workingDay("2026-10-05")).isEqualTo("false holiday 国庆节");
        assertThat(calendars.workingDay("2026-02-14")).isEqualTo("true make-up working day");
        assertThat(calendars.workingDay("2026-01-04")).isEqualTo("true make-up working day");
        assertThat(calendars.workingDay("2025-01-29")).isEqualTo("false holiday 春节");
        assertThat(calendars.workingDay("2026-11-28")).isEqualTo("false weekend");
        assertThat(calendars.workingDay("2099-01-05")).isEqualTo("true no calendar for 2099: Monday–Friday assumed (provisional)");
        JsonNode y2026 = api.get("agent1", BASE + "/2026").json();
        assertThat(y2026.path("days").size()).isEqualTo(39);
        assertThat(y2026.path("source").asString()).contains("2026");
        JsonNode seeded = api.get("agent1", BASE + "/2026/changes").json().get(0);
        assertThat(seeded.path("actor").asString()).isEqualTo("flyway:V5");
        assertThat(seeded.path("summary").path("added").size()).isEqualTo(39);
    }

    @Test
    void anAdministratorReplacesAYearWithJsonAndTheChangeIsLogged() {
        Map<String, Object> a = body(List.of(day("2031-01-01", "元旦"), day("2031-10-01", "国庆节"), day("2031-10-02", "国庆节"),
                day("2031-10-03", "国庆节")), List.of(day("2031-09-28", "国庆节")), "09:00", "18:00", "test A " + UUID.randomUUID());
        assertThat(calendars.put(2031, a).status()).isEqualTo(200);
        Map<String, Object> b = body(List.of(day("2031-01-01", "元旦"), day("2031-10-01", "国庆节"), day("2031-10-02", "国庆节"),
                day("2031-10-06", "国庆节")), List.of(day("2031-10-11", "国庆节")), "08:30", "17:30", "test B");
        Api.Response r = calendars.put(2031, b);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("workingHours").path("start").asString()).isEqualTo("08:30");
        assertThat(r.json().path("updatedBy").asString()).isEqualTo("admin");

        assertThat(calendars.workingDay("2031-10-03")).isEqualTo("true weekday");
        assertThat(calendars.workingDay("2031-10-06")).isEqualTo("false holiday 国庆节");
        assertThat(calendars.workingDay("2031-10-11")).isEqualTo("true make-up working day");
        assertThat(calendars.workingDay("2031-09-28")).isEqualTo("false weekend");
        JsonNode listed = calendars.listed(2031);
        assertThat(listed.path("holidays").asInt()).isEqualTo(4);
        assertThat(listed.path("provisional").asBoolean()).isFalse();

        JsonNode last = calendars.lastChange(2031);
        assertThat(last.path("actor").asString()).isEqualTo("admin");
        assertThat(dates(last.path("summary").path("added"))).containsExactly("2031-10-06 HOLIDAY", "2031-10-11 WORKDAY");
        assertThat(dates(last.path("summary").path("removed"))).containsExactly("2031-09-28 WORKDAY", "2031-10-03 HOLIDAY");
        assertThat(last.path("summary").path("workingHours").path("before").path("start").asString()).isEqualTo("09:00");
        assertThat(last.path("summary").path("source").path("after").asString()).isEqualTo("test B");

        int entries = calendars.changes(2031).size();
        assertThat(calendars.put(2031, b).status()).as("the same calendar again").isEqualTo(200);
        assertThat(calendars.changes(2031).size()).as("an unchanged PUT logs nothing").isEqualTo(entries);
    }

    @Test
    void anAdministratorReplacesAYearWithCsv() {
        String first = "date,kind,name\n2032-01-01,HOLIDAY,元旦\n2032-01-04,WORKDAY,元旦\n";
        assertThat(calendars.putCsv(2032, first, "?workingHours=09:00-18:00&source=test").status()).isEqualTo(200);
        String second = "date,kind,name\r\n2032-01-01,HOLIDAY,元旦\r\n2032-01-02,HOLIDAY,元旦\r\n\r\n2032-02-07,WORKDAY,\"春节, 调休\"\r\n";
        Api.Response r = calendars.putCsv(2032, second, "?source=" + Api.class.getSimpleName() + "%20%E5%9B%BD%E5%8A%9E");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("workingHours").isNull()).isTrue();
        assertThat(r.json().path("source").asString()).isEqualTo("Api 国办");

        assertThat(calendars.workingDay("2032-01-02")).isEqualTo("false holiday 元旦");
        assertThat(calendars.workingDay("2032-01-04")).isEqualTo("false weekend");
        assertThat(calendars.workingDay("2032-02-07")).isEqualTo("true make-up working day");
        JsonNode last = calendars.lastChange(2032);
        assertThat(last.path("actor").asString()).isEqualTo("admin");
        assertThat(dates(last.path("summary").path("added"))).containsExactly("2032-01-02 HOLIDAY", "2032-02-07 WORKDAY");
        assertThat(last.path("summary").path("added").get(1).path("name").asString()).isEqualTo("春节, 调休");
        assertThat(dates(last.path("summary").path("removed"))).containsExactly("2032-01-04 WORKDAY");
        assertThat(last.path("summary").path("workingHours").path("after").isNull()).isTrue();
    }

    @Test
    void refusesInvalidCalendarsNamingTheFieldAndWritesNothing() {
        String longName = "节".repeat(41);
        Map<Object, String> json = new LinkedHashMap<>();
        json.put(body(List.of(day("2034-01-02", "元旦"), day("2033-12-31", "元旦")), List.of(), null, null, null), "holidays[1].date");
        json.put(body(List.of(day("2034-01-02", "元旦"), day("2034-01-02", "元旦")), List.of(), null, null, null), "holidays[1].date");
        json.put(body(List.of(day("2034-01-07", "元旦")), List.of(day("2034-01-07", "元旦")), null, null, null), "workdays[0].date");
        json.put(body(List.of(), List.of(day("2034-01-02", "元旦")), null, null, null), "workdays[0].date");
        json.put(body(List.of(day("2034-01-02", longName)), List.of(), null, null, null), "holidays[0].name");
        json.put(body(List.of(day("2034-01-02", " ")), List.of(), null, null, null), "holidays[0].name");
        json.put(body(List.of(), List.of(), "18:00", "09:00", null), "workingHours.end");
        json.put(body(List.of(), List.of(), "09:00", null, null), "workingHours.end");
        json.put("{\"workdays\":[]}", "holidays");
        json.put("{\"holidays\":[{\"date\":\"2034-13-01\",\"name\":\"x\"}],\"workdays\":[]}", "holidays[0].date");
        json.put("{\"holidays\":[],\"workdays\":[],\"workingHours\":{\"start\":\"9am\",\"end\":\"18:00\"}}", "workingHours.start");
        json.put("{\"holidays\":[],\"workdays\":[],\"colour\":\"red\"}", "colour");
        json.forEach((b, field) -> assertRefused(calendars.put(2034, b), field));
        assertRefused(calendars.put(1999, body(List.of(), List.of(), null, null, null)), "year");
        assertRefused(calendars.put(2101, body(List.of(), List.of(), null, null, null)), "year");
        assertThat(api.send("admin", "PUT", BASE + "/2034", "{\"holidays\":[", "application/json").status()).isEqualTo(400);

        Map<String, String> csv = new LinkedHashMap<>();
        csv.put("day,kind,name\n2034-01-02,HOLIDAY,元旦\n", "header");
        csv.put("date,kind,name\n2034-01-02,HOLIDAY,元旦\n2034-01-07,REST,元旦\n", "line[3].kind");
        csv.put("date,kind,name\n2034-01-32,HOLIDAY,元旦\n", "line[2].date");
        csv.put("date,kind,name\n2034-01-02,HOLIDAY\n", "line[2]");
        csv.put("date,kind,name\n2034-01-02,WORKDAY,元旦\n", "line[2].date");
        csv.put("", "header");
        csv.forEach((b, field) -> assertRefused(calendars.putCsv(2034, b, ""), field));
        assertRefused(calendars.putCsv(2034, "date,kind,name\n", "?workingHours=9-18"), "workingHours");
        RawHttp raw = new RawHttp(port);
        byte[] gbk = "date,kind,name\n2034-01-02,HOLIDAY,元旦\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertRefused(raw.send(RawHttp.Request.of("gbk", "PUT", BASE + "/2034").auth("admin", Api.PASSWORD).body(gbk, "text/csv")),
                "body");

        assertThat(api.get("admin", BASE + "/2034").status()).isEqualTo(404);
        assertThat(calendars.changes(2034).size()).isZero();
        assertThat(calendars.workingDay("2034-01-02")).startsWith("true no calendar for 2034");
    }

    @Test
    void aRefusedReplacementLeavesTheStoredYearAsItWas() {
        calendars.put(2031, body(List.of(day("2031-01-01", "元旦")), List.of(), null, null, "baseline"));
        String before = api.get("agent1", BASE + "/2031").body();
        int entries = calendars.changes(2031).size();
        assertRefused(calendars.put(2031, body(List.of(day("2031-01-02", "元旦"), day("2031-01-03", "元旦")),
                List.of(day("2031-01-06", "元旦")), null, null, null)), "workdays[0].date");
        assertThat(api.get("agent1", BASE + "/2031").body()).isEqualTo(before);
        assertThat(calendars.changes(2031).size()).isEqualTo(entries);
    }

    @Test
    void onlyAnAdministratorMayChangeACalendar() {
        Map<String, Object> valid = body(List.of(day("2034-01-02", "元旦")), List.of(), null, null, null);
        for (String user : List.of("agent1", "supervisor1")) {
            Api.Response r = api.send(user, "PUT", BASE + "/2034", Api.json(valid), "application/json");
            assertThat(r.status()).as(user + " " + r).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(api.send(user, "PUT", BASE + "/2034", "date,kind,name\n2034-01-02,HOLIDAY,元旦\n", "text/csv").status())
                    .isEqualTo(403);
        }
        assertThat(api.get("agent1", BASE + "/2034").status()).isEqualTo(404);
        assertThat(api.get(null, BASE).status()).isEqualTo(401);
    }

    @Test
    void refusesAnUnreadableDate() {
        Api.Response r = api.get("agent1", BASE + "/working-day?date=8.10.2026");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("field")).isEqualTo("date");
    }
}
