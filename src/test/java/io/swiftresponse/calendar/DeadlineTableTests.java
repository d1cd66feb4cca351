package io.swiftresponse.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Deadline cases across the 2026 Spring Festival (make-up Saturdays Feb 14 and Feb 28), National Day
 * (make-up days Sep 20 and Oct 10), the 2025 calendar, year boundaries and years without a calendar,
 * through {@code GET /api/v1/calendar/deadline}.
 */
@IntegrationTest
class DeadlineTableTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // the example: Oct 1-7 off, Oct 10 is a make-up working Saturday
            "2026-09-30T10:00:00+08:00, 3, 2026-10-10T10:00:00+08:00, false",
            "2026-09-30T15:00:00+08:00, 1, 2026-10-08T15:00:00+08:00, false",
            // Sunday Sep 20 is a make-up working day, so a start on it counts as a working day
            "2026-09-19T09:00:00+08:00, 1, 2026-09-21T00:00:00+08:00, false",
            "2026-09-20T09:00:00+08:00, 1, 2026-09-21T09:00:00+08:00, false",
            // Spring Festival Feb 15-23 off; Feb 14 (Sat) works
            "2026-02-13T10:00:00+08:00, 1, 2026-02-14T10:00:00+08:00, false",
            "2026-02-13T10:00:00+08:00, 2, 2026-02-24T10:00:00+08:00, false",
            "2026-02-26T10:00:00+08:00, 2, 2026-02-28T10:00:00+08:00, false",
            // 2025 Spring Festival Jan 28 - Feb 4 off, Jan 26 (Sun) and Feb 8 (Sat) work
            "2025-01-24T10:00:00+08:00, 2, 2025-01-27T10:00:00+08:00, false",
            "2025-01-27T10:00:00+08:00, 1, 2025-02-05T10:00:00+08:00, false",
            // year boundary: New Year 2026 Jan 1-3 off, Sunday Jan 4 works
            "2025-12-31T16:00:00+08:00, 1, 2026-01-04T16:00:00+08:00, false",
            // no calendar for 2027: Monday-Friday assumed, flagged
            "2026-12-31T10:00:00+08:00, 1, 2027-01-01T10:00:00+08:00, true",
            // a start on a non-working day counts from the start of the next working day
            "2026-11-28T10:00:00+08:00, 1, 2026-12-01T00:00:00+08:00, false",
            // an instant given in UTC is placed on Beijing's calendar: 2026-09-30 02:00Z is 10:00 in Beijing
            "2026-09-30T02:00:00Z, 3, 2026-10-10T02:00:00Z, false"
    })
    void addsWorkingDaysOnTheOfficialCalendar(String start, int days, String expected, boolean provisional) {
        JsonNode r = api.get("agent1", "/api/v1/calendar/deadline?start=" + URLEncoder.encode(start, StandardCharsets.UTF_8)
                + "&amount=" + days + "&unit=WORKING_DAYS").json();
        assertThat(r.path("deadline").asString()).isEqualTo(expected);
        assertThat(r.path("provisional").asBoolean()).isEqualTo(provisional);
        assertThat(r.path("explanation").asString()).contains(days + " working days");
    }

    @ParameterizedTest(name = "bad {0}")
    @CsvSource(delimiter = '|', value = {
            "start=yesterday&amount=1|start",
            "start=2026-09-30T10:00:00%2B08:00&amount=-1|amount",
            "start=2026-09-30T10:00:00%2B08:00&amount=1&unit=WEEKS|unit",
            "amount=1|start"
    })
    void refusesBadInputNamingTheParameter(String query, String field) {
        Api.Response r = api.get("agent1", "/api/v1/calendar/deadline?" + query);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains(field);
    }

    @org.junit.jupiter.api.Test
    void explainsTheSkippedHolidays() {
        JsonNode r = api.get("agent1", "/api/v1/calendar/deadline?start=2026-09-30T10:00:00%2B08:00&amount=3").json();
        assertThat(r.path("explanation").asString()).contains("2026-10-01 skipped", "2026-10-10 worked");
    }
}
