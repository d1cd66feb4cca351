package io.swiftresponse;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.Orders;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the whole platform and starts it again on the same data folder (or the same external server):
 * what was recorded is still there, with its history, and the demo city is not seeded twice.
 */
class RestartIntegrationTests {

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("swift-restart");
        long id;
        String number;
        long units;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = new Api(port(first));
            Orders orders = new Orders(api);
            id = orders.inState("SIGNED");
            number = api.get("agent1", "/api/v1/orders/" + id).text("number");
            units = api.get("agent1", "/api/v1/directory/units").json().size();
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = new Api(port(second));
            Api.Response order = api.get("agent1", "/api/v1/orders/" + id);
            assertThat(order.status()).isEqualTo(200);
            assertThat(order.text("number")).isEqualTo(number);
            assertThat(order.text("state")).isEqualTo("SIGNED");
            assertThat(api.get("agent1", "/api/v1/orders/" + id + "/history").json().size()).isEqualTo(3); // record, dispatch, sign
            assertThat(api.get("agent1", "/api/v1/directory/units").json().size()).isEqualTo(units);
            // numbering continues after the restart instead of starting again
            long next = new Orders(api).record();
            assertThat(api.get("agent1", "/api/v1/orders/" + next).text("number")).isGreaterThan(number);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(SwiftResponseApplication.class)
                // command-line arguments outrank application.yml (plain default properties would not)
                .run("--server.port=0", "--swift.data-dir=" + dataDir, "--swift.demo.enabled=true",
                        "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }
}
