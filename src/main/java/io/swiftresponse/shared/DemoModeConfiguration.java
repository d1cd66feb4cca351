package io.swiftresponse.shared;

import io.swiftresponse.shared.db.DatabaseMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DemoModeConfiguration {

    @Bean
    DemoMode demoMode(Environment env, DatabaseMode databaseMode) {
        String configured = env.getProperty("swift.demo.enabled", "");
        boolean enabled = configured.isBlank() ? databaseMode == DatabaseMode.EMBEDDED : Boolean.parseBoolean(configured);
        return new DemoMode(enabled, env.getProperty("swift.demo.password", "demo"));
    }
}
