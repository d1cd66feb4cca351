package io.swiftresponse.evaluation;

import static io.swiftresponse.evaluation.Handled.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based rebuild, cut into chunks of two order ids on three connections, recomputes lost counters with every
 * rule applied: an order declared invalid and an accepted appeal do not count, a rejected appeal does, and a street's
 * orders also count for its district. The units (房山区 and two of its streets) are used by no other test, so the
 * expected counts are exact.
 */
@IntegrationTest
class ChunkedRebuildIntegrationTests {

    private static final String STREET_A = "110111001";
    private static final String STREET_B = "110111002";
    private static final String DISTRICT = "110111";

    @LocalServerPort
    int port;

    @Autowired
    FromScratch fromScratch;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRebuildInChunksAppliesExclusionsAppealsAndTheDistrictAttribution() {
        Api api = new Api(port);
        Handled h = new Handled(api);
        long counted = h.awaitingCallback(STREET_A, List.of());
        h.callback(counted, true, "YES", "SATISFIED");
        long invalid = h.awaitingCallback(STREET_A, List.of());
        h.callback(invalid, true, "YES", "SATISFIED");
        long appealedAccepted = h.awaitingCallback(STREET_B, List.of());
        h.callback(appealedAccepted, true, "PARTLY", "DISSATISFIED");
        long appealedRejected = h.awaitingCallback(STREET_B, List.of());
        h.callback(appealedRejected, false, "PARTLY", "BASICALLY_SATISFIED");
        for (long id : List.of(counted, invalid, appealedAccepted, appealedRejected)) {
            await("order " + id + " scored", () -> jdbc.sql("select count(*) from evaluation_fact where order_id = ?").param(id)
                    .query(Long.class).single() == 1);
        }
        assertThat(api.post("supervisor1", "/api/v1/evaluation/orders/" + invalid + "/invalid", "{\"reason\":\"重复诉求\"}").status())
                .isEqualTo(200);
        decideAppeal(api, appealedAccepted, "accept");
        decideAppeal(api, appealedRejected, "reject");
        await("the counters to catch up with the events", () -> fromScratch.differences() == 0);
        assertFigures(h);

        // counters and results lost: the rebuild alone must bring back the same figures
        jdbc.sql("delete from evaluation_counter").update();
        jdbc.sql("delete from evaluation_fact").update();
        FromScratch.RebuildReport report = fromScratch.rebuild(2, 3);

        assertThat(report.results()).isGreaterThanOrEqualTo(4);
        assertThat(fromScratch.differences()).isZero();
        assertThat(jdbc.sql("select order_id from evaluation_fact where excluded and order_id in (?, ?, ?, ?) order by order_id")
                .params(counted, invalid, appealedAccepted, appealedRejected).query(Long.class).list())
                .containsExactly(invalid, appealedAccepted);
        assertFigures(h);
        // the swapped-in table keeps its name, key and index: the incremental path goes on from the rebuilt state
        assertThat(jdbc.sql("select count(*) from pg_indexes where tablename = 'evaluation_fact' and indexname in"
                + " ('evaluation_fact_pkey', 'evaluation_fact_lead_idx')").query(Long.class).single()).isEqualTo(2);
        long later = h.awaitingCallback(STREET_A, List.of());
        h.callback(later, true, "YES", "SATISFIED");
        await("the new callback counted", () -> h.counted(STREET_A, "asLeadUnit") == 2);
        assertThat(fromScratch.differences()).isZero();
    }

    private static void decideAppeal(Api api, long orderId, String decision) {
        Api.Response filed = api.post("handler-" + STREET_B, "/api/v1/evaluation/appeals",
                Api.json(Map.of("orderId", orderId, "reason", "回访结果不属实", "evidence", "现场照片")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(api.post("supervisor1", "/api/v1/evaluation/appeals/" + filed.id() + "/" + decision, "{\"note\":\"已核实\"}").status())
                .isEqualTo(200);
    }

    /** Hand-computed: street A keeps one of its two orders, street B one of two (partly solved, not contacted), the district both. */
    private static void assertFigures(Handled h) {
        assertThat(h.counted(STREET_A, "asLeadUnit")).isEqualTo(1);
        assertThat(h.counted(STREET_B, "asLeadUnit")).isEqualTo(1);
        assertThat(h.unit(STREET_B).path("countsByAttribution").path("asLeadUnit").path("partly").asLong()).isEqualTo(1);
        assertThat(h.unit(STREET_B).path("countsByAttribution").path("asLeadUnit").path("contacted").asLong()).isZero();
        assertThat(h.counted(DISTRICT, "viaItsStreets")).isEqualTo(2);
        assertThat(h.counted(DISTRICT, "asLeadUnit")).isZero();
    }
}
