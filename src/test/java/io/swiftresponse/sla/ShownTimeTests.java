package io.swiftresponse.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShownTimeTests {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Test
    void writesWhatTheFormatterWouldInTheCitysZone() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        assertThat(ShownTime.of(Instant.parse("2026-10-09T02:05:59Z"), zone)).isEqualTo("2026-10-09 10:05");
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(Instant.parse("1000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-30T00:00:00Z").getEpochSecond()));
            ZoneId z = i % 2 == 0 ? zone : ZoneId.of("America/New_York");
            assertThat(ShownTime.of(t, z)).as(t.toString()).isEqualTo(REFERENCE.format(t.atZone(z)));
        }
    }

    @Test
    void fallsBackToIsoOutsideFourDigitYears() {
        assertThat(ShownTime.of(Instant.parse("+10000-01-01T00:00:00Z"), ZoneId.of("UTC"))).isEqualTo("+10000-01-01T00:00");
    }
}
