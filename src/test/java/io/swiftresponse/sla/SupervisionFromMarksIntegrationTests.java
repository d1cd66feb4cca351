package io.swiftresponse.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swiftresponse.support.ApiTests;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import io.swiftresponse.workorder.OrderStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Automatic supervision is the watch's OVERDUE mark (V24): an overdue order shows as supervised everywhere (the order,
 * the supervisors' list and count) although the sweep writes no row of work_order, so a unit's action prepared before
 * the clock fired is not refused as stale. Work orders cannot be deleted (what the history's foreign key used to ensure).
 */
@IntegrationTest
class SupervisionFromMarksIntegrationTests extends ApiTests {

    @Autowired
    DeadlineWatch watch;

    @Autowired
    OrderStatistics statistics;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOverdueOrderIsSupervisedWithoutTheSweepWritingIt() {
        long id = orders.inState("SIGNED");
        JsonNode before = order(id);
        int version = before.path("version").asInt();
        long supervisedBefore = statistics.overview(7).supervised();
        assertThat(before.path("supervised").asBoolean()).isFalse();
        assertThat(statistics.supervisedOrderIds(10_000)).doesNotContain(id);

        Instant contactDue = Instant.parse(DeadlineIntegrationTests.clock(before, "CONTACT").path("dueAt").asString());
        watch.scan(contactDue.plus(Duration.ofMinutes(1)));

        JsonNode after = order(id);
        assertThat(after.path("supervised").asBoolean()).isTrue();
        assertThat(after.path("version").asInt()).as("the sweep does not touch the order's row").isEqualTo(version);
        assertThat(jdbc.queryForObject("select supervised from work_order where id = ?", Boolean.class, id)).isFalse();
        assertThat(statistics.supervisedOrderIds(10_000)).contains(id);
        assertThat(statistics.overview(7).supervised()).isGreaterThan(supervisedBefore);
        // the handler's contact, prepared on the version read before the clock fired, is accepted
        orders.must(Orders.handler(Orders.STREET), id, "contact", Map.of("expectedVersion", version, "note", "已电话联系诉求人"));
        assertThat(order(id).path("supervised").asBoolean()).as("still supervised after the unit acted").isTrue();
    }

    @Test
    void aWorkOrderCannotBeDeleted() {
        long id = orders.record();
        assertThatThrownBy(() -> jdbc.update("delete from work_order where id = ?", id))
                .hasMessageContaining("work orders are never deleted (order " + id + ")");
        assertThat(order(id).path("id").asLong()).isEqualTo(id);
    }

    private JsonNode order(long id) {
        return api.get("supervisor1", "/api/v1/orders/" + id).json();
    }
}
