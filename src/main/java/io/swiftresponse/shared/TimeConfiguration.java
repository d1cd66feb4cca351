package io.swiftresponse.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time is a dependency: everything that needs "now" takes this clock, so tests can fix it. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /**
     * The city's clock. {@code swift.clock.offset} (e.g. {@code PT3H}) runs the platform ahead of real time:
     * for training rooms and for tests of what happens after a deadline, never for production.
     */
    @Bean
    Clock clock(@Value("${swift.city.zone:Asia/Shanghai}") String zone, @Value("${swift.clock.offset:PT0S}") Duration offset) {
        Clock system = Clock.system(ZoneId.of(zone));
        return offset.isZero() ? system : Clock.offset(system, offset);
    }
}
