package io.swiftresponse.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.swiftresponse.SwiftResponseApplication;
import io.swiftresponse.support.Api;
import io.swiftresponse.support.Orders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The watch across process lives: after a restart it catches up on what fell due while the platform was
 * down, and two instances on one database mark (and so notify) every breach exactly once.
 */
class DeadlineWatchInstancesIntegrationTests {

    @Test
    void catchesUpAfterARestartAndTwoInstancesEscalateOnce() throws Exception {
        Path dataDir = Files.createTempDirectory("swift-watch");
        long id;
        Instant due;
        try (ConfigurableApplicationContext first = start(dataDir, "PT0S", true)) {
            Api api = new Api(port(first));
            id = new Orders(api).record();
            due = Instant.parse(clock(api, id).path("dueAt").asString());
        }
        // down for three hours: the 2-hour dispatch deadline passed meanwhile
        try (ConfigurableApplicationContext second = start(dataDir, "PT3H", true)) {
            Api api = new Api(port(second));
            JsonNode order = awaitSupervised(api, id);
            assertThat(order.path("deadlineStatus").asString()).isEqualTo("OVERDUE");
            assertThat(history(api, id, "deadline-overdue")).isEqualTo(1);
            assertThat(api.get("supervisor1", "/api/v1/orders?size=200&deadlineStatus=OVERDUE").json().path("items")
                    .valueStream().map(o -> o.path("id").asLong())).contains(id);

            try (ConfigurableApplicationContext other = join(second)) {
                DeadlineWatch a = second.getBean(DeadlineWatch.class);
                DeadlineWatch b = other.getBean(DeadlineWatch.class);
                Instant late = due.plus(Duration.ofHours(13));
                List<CompletableFuture<DeadlineWatch.Result>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    DeadlineWatch w = i % 2 == 0 ? a : b;
                    runs.add(CompletableFuture.supplyAsync(() -> w.scan(late)));
                }
                int escalated = runs.stream().mapToInt(f -> f.join().escalated()).sum();
                // on a shared external database other tests' overdue orders escalate too: count ours
                assertThat(escalated).isPositive();
                assertThat(history(api, id, "supervision-escalated")).isEqualTo(1);
                long notified = api.get("supervisor1", "/api/v1/notifications?limit=500").json().valueStream()
                        .filter(n -> n.path("orderId").asLong() == id && n.path("kind").asString().equals("SUPERVISION_ESCALATED"))
                        .count();
                assertThat(notified).isLessThanOrEqualTo(1);
            }
        }
    }

    private static JsonNode awaitSupervised(Api api, long id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode o = api.get("supervisor1", "/api/v1/orders/" + id).json();
            if (o.path("supervised").asBoolean()) return o;
            Thread.sleep(200);
        }
        throw new AssertionError("the restarted watch did not catch up on order " + id);
    }

    private static long history(Api api, long id, String action) {
        return api.get("supervisor1", "/api/v1/orders/" + id + "/history").json().valueStream()
                .filter(h -> h.path("action").asString().equals(action)).count();
    }

    private static JsonNode clock(Api api, long id) {
        return api.get("supervisor1", "/api/v1/orders/" + id).json().path("deadlines").path("clocks").get(0);
    }

    private static ConfigurableApplicationContext start(Path dataDir, String offset, boolean scheduling) {
        return new SpringApplicationBuilder(SwiftResponseApplication.class).run("--server.port=0", "--swift.data-dir=" + dataDir,
                "--swift.demo.enabled=true", "--swift.clock.offset=" + offset, "--swift.sla.scheduling=" + scheduling,
                "--swift.sla.scan-initial-delay=PT0S", "--logging.level.root=WARN");
    }

    /** A second instance on the first one's database (embedded or external alike). */
    private static ConfigurableApplicationContext join(ConfigurableApplicationContext first) {
        HikariDataSource ds = (HikariDataSource) first.getBean(DataSource.class);
        return new SpringApplicationBuilder(SwiftResponseApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + ds.getJdbcUrl(), "--spring.datasource.username=" + ds.getUsername(),
                "--spring.datasource.password=" + (ds.getPassword() == null ? "" : ds.getPassword()),
                "--swift.demo.enabled=false", "--swift.clock.offset=PT3H", "--swift.sla.scheduling=false",
                "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }
}
