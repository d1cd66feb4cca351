package io.swiftresponse.evaluation;

import static io.swiftresponse.evaluation.Handled.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The counters kept incrementally from events equal the from-scratch SQL over the orders, after a seeded random mix
 * of orders through the real API: several units and classes, co-units, unreached attempts, changed results,
 * reopens with and without a new round, closings, appeals accepted and rejected, orders declared invalid. Then a
 * rebuild gives the very same counters.
 */
@IntegrationTest
class CountersMatchFromScratchIntegrationTests {

    private static final String[] UNITS = {"110101001", "110102001", "110105", "D01", "D05", "C01", "C04", "110108001"};
    private static final String[] SOLVED = {"YES", "PARTLY", "NO"};
    private static final String[] SATISFACTION = {"SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED"};

    @LocalServerPort
    int port;

    @Autowired
    FromScratch fromScratch;

    @Autowired
    JdbcClient jdbc;

    @Test
    void incrementalCountersEqualTheFromScratchComputation() {
        Api api = new Api(port);
        Handled h = new Handled(api);
        Random random = new Random(20261129);
        List<Long> appealable = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            String lead = UNITS[random.nextInt(UNITS.length)];
            List<String> co = new ArrayList<>();
            String other = UNITS[random.nextInt(UNITS.length)];
            if (random.nextInt(3) == 0 && !other.equals(lead)) co.add(other);
            long id = h.awaitingCallback(lead, co);
            if (random.nextInt(8) == 0) continue; // left awaiting its callback
            for (int a = random.nextInt(3); a > 0; a--) h.unreached(id);
            if (random.nextInt(6) == 0) continue; // only unreached attempts
            // the re-handling policy closes some orders at once (by default PARTLY or DISSATISFIED) and sends "not
            // solved" back to the unit until it closes them; the later steps only apply where the state allows them
            String state = callback(h, random, id);
            if (state.equals("AWAITING_CALLBACK") && random.nextInt(4) == 0) {
                state = callback(h, random, id); // a second reached callback replaces the first
            }
            int next = random.nextInt(10);
            if (next < 2) {
                h.orders.must("agent1", id, "reopen", Map.of("reason", "未解决"));
                if (next == 0) {
                    h.orders.must("dispatcher1", id, "dispatch", Map.of("leadUnitCode", lead));
                    h.handle(id, lead);
                    callback(h, random, id);
                }
            } else if (next < 5 && state.equals("AWAITING_CALLBACK")) {
                h.orders.must("agent1", id, "close", Map.of());
            }
            if (next >= 2 && random.nextInt(4) == 0) appealable.add(id);
            if (next >= 2 && random.nextInt(12) == 0) {
                assertThat(api.post("supervisor1", "/api/v1/evaluation/orders/" + id + "/invalid", "{\"reason\":\"无效\"}").status())
                        .isIn(200, 409);
            }
            if (appealable.contains(id)) {
                await("order " + id + " scored", () -> jdbc.sql("select count(*) from evaluation_fact where order_id = ?").param(id)
                        .query(Long.class).single() == 1);
                Api.Response filed = api.post("handler-" + lead, "/api/v1/evaluation/appeals",
                        Api.json(Map.of("orderId", id, "reason", "不属实", "evidence", "现场记录")));
                if (filed.status() == 201) {
                    String decision = random.nextBoolean() ? "accept" : "reject";
                    assertThat(api.post("supervisor1", "/api/v1/evaluation/appeals/" + filed.id() + "/" + decision,
                            "{\"note\":\"已核实\"}").status()).isEqualTo(200);
                }
            }
        }
        await("the counters to catch up with the events", () -> fromScratch.differences() == 0);
        assertThat(jdbc.sql("select count(*) from evaluation_counter").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from evaluation_fact where excluded").query(Long.class).single()).isPositive();
        List<Map<String, Object>> before = counters();

        Api.Response rebuilt = api.post("admin", "/api/v1/evaluation/rebuild", null);
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json().path("results").asLong()).isPositive();
        assertThat(fromScratch.differences()).isZero();
        assertThat(counters()).isEqualTo(before);
    }

    private static String callback(Handled h, Random random, long id) {
        return h.callback(id, random.nextInt(5) > 0, SOLVED[random.nextInt(3)], SATISFACTION[random.nextInt(3)]);
    }

    private List<Map<String, Object>> counters() {
        return jdbc.sql("select * from evaluation_counter order by day, unit_code, attribution").query().listOfRows();
    }
}
