package io.swiftresponse.sla;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The deadline watch runs on a schedule unless {@code swift.sla.scheduling=false} (e.g. a read-only replica). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "swift.sla.scheduling", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
