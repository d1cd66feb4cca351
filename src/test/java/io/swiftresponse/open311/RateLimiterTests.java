package io.swiftresponse.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-29T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void burstUpToTheRateThenOneCallPerSixtiethOfAMinute() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(clock);
        for (int i = 0; i < 6; i++) assertThat(limiter.acquire(1, 6)).as("call " + i).isZero();
        assertThat(limiter.acquire(1, 6)).as("6 per minute: one token every 10 s").isEqualTo(10);
        assertThat(limiter.acquire(2, 6)).as("another key has its own bucket").isZero();
        clock.now = clock.now.plusSeconds(4);
        assertThat(limiter.acquire(1, 6)).isEqualTo(6);
        clock.now = clock.now.plusSeconds(6);
        assertThat(limiter.acquire(1, 6)).isZero();
        assertThat(limiter.acquire(1, 6)).isEqualTo(10);
    }
}
