package io.swiftresponse.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the database: an external PostgreSQL when a JDBC URL is configured, otherwise an embedded
 * PostgreSQL 17 whose files live under {@code swift.data-dir} so that data survives a restart.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseMode databaseMode(Environment env) {
        String url = env.getProperty("spring.datasource.url", "");
        return url.isBlank() ? DatabaseMode.EMBEDDED : DatabaseMode.EXTERNAL;
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(DatabaseMode mode, Environment env) throws IOException {
        if (mode == DatabaseMode.EXTERNAL) {
            return EmbeddedPostgresHolder.none();
        }
        Path dir = Path.of(env.getProperty("swift.data-dir", "./data")).toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(dir);
        StalePidFile.removeIfOwnerIsGone(dir);
        int port = env.getProperty("swift.db.embedded-port", Integer.class, 0);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // Spring stops the server after every bean that uses it; zonky's own JVM hook would stop it
                // concurrently and leave the event registry's shutdown waiting 30 s for a connection
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                // zonky starts PostgreSQL with fsync=off (it is made for throw-away test databases); the platform's
                // data must survive a power cut, so durability is switched back on
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("synchronous_commit", env.getProperty("swift.db.embedded-synchronous-commit", "on"));
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL 17 on port {} with data in {}", pg.getPort(), dir);
        return new EmbeddedPostgresHolder(pg);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseMode mode, EmbeddedPostgresHolder embedded, Environment env) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(env.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 16));
        config.setPoolName("swift");
        if (mode == DatabaseMode.EMBEDDED) {
            config.setJdbcUrl(embedded.postgres().getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        } else {
            String url = env.getProperty("spring.datasource.url");
            String user = env.getProperty("spring.datasource.username", "");
            String password = env.getProperty("spring.datasource.password", "");
            log.info("Using external PostgreSQL at {}", url);
            config.setJdbcUrl(url);
            config.setUsername(user.isBlank() ? null : user);
            config.setPassword(password.isBlank() ? null : password);
        }
        return new HikariDataSource(config);
    }
}
