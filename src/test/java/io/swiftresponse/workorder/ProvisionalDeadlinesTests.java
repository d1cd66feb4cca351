package io.swiftresponse.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.taxonomy.Tier;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ProvisionalDeadlinesTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), BEIJING).toInstant();
    }

    @Test
    void workingDaysKeepTheTimeOfDayAndSkipWeekends() {
        // Thursday 2026-11-26 15:00 + 2 working days = Monday 2026-11-30 15:00
        assertThat(ProvisionalDeadlines.addWorkingDays(at("2026-11-26T15:00"), 2, BEIJING)).isEqualTo(at("2026-11-30T15:00"));
    }

    @Test
    void aStartOnAWeekendCountsFromTheNextWorkingDayMorning() {
        // Saturday 2026-11-28 10:00 + 1 working day = Tuesday 2026-12-01 00:00
        assertThat(ProvisionalDeadlines.addWorkingDays(at("2026-11-28T10:00"), 1, BEIJING)).isEqualTo(at("2026-12-01T00:00"));
    }

    @Test
    void clockHourTiersRunAroundTheClock() {
        Tier utility = new Tier("UTILITY", "水电气热", 2, 24, null);
        assertThat(ProvisionalDeadlines.replyDue(at("2026-11-28T10:00"), utility, BEIJING)).isEqualTo(at("2026-11-29T10:00"));
        assertThat(ProvisionalDeadlines.dispatchDue(at("2026-11-28T10:00"), utility)).isEqualTo(at("2026-11-28T12:00"));
    }

    @Test
    void theBasisSaysTheDeadlineIsProvisional() {
        assertThat(ProvisionalDeadlines.basis(new Tier("GENERAL", "一般", 24, null, 7))).contains("7 working days", "provisional");
    }
}
