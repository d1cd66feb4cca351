package io.swiftresponse.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A real server on a random port over a real PostgreSQL: the embedded one (started once per test JVM,
 * in a fresh temporary data folder), or the external server named by SWIFT_DB_URL in CI. All
 * integration tests share this one configuration so Spring's context cache starts the database once.
 * Tests isolate themselves by creating their own orders rather than by cleaning tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "swift.data-dir=${java.io.tmpdir}/swift-test-${random.uuid}",
        "swift.demo.enabled=true",
        // tests run the deadline watch explicitly, at the instants they choose
        "swift.sla.scheduling=false",
        // intake tests retrain the category model when they choose to
        "swift.intake.train-on-start=false",
        "logging.level.io.swiftresponse=WARN"
})
public @interface IntegrationTest {
}
