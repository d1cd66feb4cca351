package io.swiftresponse.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PortalRateLimiterTests {

    private Instant now = Instant.parse("2026-11-29T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void allowsTheLimitPerClientAndWindowThenRefusesUntilTheWindowMoves() {
        PortalRateLimiter limiter = new PortalRateLimiter(clock, Duration.ofMinutes(10), 2, 30);
        assertThat(limiter.allow("submit", "10.0.0.1")).isTrue();
        assertThat(limiter.allow("submit", "10.0.0.1")).isTrue();
        assertThat(limiter.allow("submit", "10.0.0.1")).isFalse();
        // another client and another kind have their own counts
        assertThat(limiter.allow("submit", "10.0.0.2")).isTrue();
        assertThat(limiter.allow("track", "10.0.0.1")).isTrue();
        now = now.plus(Duration.ofMinutes(10));
        assertThat(limiter.allow("submit", "10.0.0.1")).isTrue();
    }
}
