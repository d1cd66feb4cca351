package io.swiftresponse.shared.db;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Tries the configured external database before any bean is created, so an unreachable server stops
 * start-up with one failure analysis naming the URL instead of a cascade of bean-creation errors.
 * Does nothing with the embedded database.
 */
class DatabaseReachabilityCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String url = env.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            return;
        }
        String user = env.getProperty("spring.datasource.username", "");
        String password = env.getProperty("spring.datasource.password", "");
        Properties props = new Properties();
        if (!user.isBlank()) props.setProperty("user", user);
        if (!password.isBlank()) props.setProperty("password", password);
        DriverManager.setLoginTimeout(10);
        try (var ignored = DriverManager.getConnection(url, props)) {
            // reachable
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(url, e.getMessage());
        }
    }

    @Override
    public int getOrder() {
        // after the configuration files and environment variables have been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
