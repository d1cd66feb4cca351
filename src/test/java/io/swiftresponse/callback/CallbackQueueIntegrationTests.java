package io.swiftresponse.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.ApiTests;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The callback queue and recording results through {@code /api/v1/callbacks}, over real HTTP and PostgreSQL. */
@IntegrationTest
class CallbackQueueIntegrationTests extends ApiTests {

    @Autowired
    JdbcClient jdbc;

    /** Moves the order's callback deadline, so that the test knows where it must sort (real time runs on). */
    private void callbackDue(long id, String instant) {
        int n = jdbc.sql("update order_deadline set due_at = ?, warn_at = ? where order_id = ? and clock = 'CALLBACK'")
                .params(Timestamp.from(Instant.parse(instant)), Timestamp.from(Instant.parse(instant)), id).update();
        assertThat(n).isEqualTo(1);
    }

    private List<JsonNode> queue(String query) {
        Api.Response r = api.get("agent1", "/api/v1/callbacks/queue?size=200" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    private static JsonNode find(List<JsonNode> items, long id) {
        return items.stream().filter(i -> i.path("orderId").asLong() == id).findFirst().orElse(null);
    }

    private static int position(List<JsonNode> items, long id) {
        for (int i = 0; i < items.size(); i++) if (items.get(i).path("orderId").asLong() == id) return i;
        return -1;
    }

    @Test
    void overdueAndSoonestCallbackDeadlinesComeFirst() {
        long later = orders.inState("AWAITING_CALLBACK");
        long sooner = orders.inState("AWAITING_CALLBACK");
        long fresh = orders.inState("AWAITING_CALLBACK");
        callbackDue(later, "2001-01-02T00:00:00Z");
        callbackDue(sooner, "2001-01-01T00:00:00Z");
        List<JsonNode> all = queue("");
        assertThat(position(all, sooner)).isGreaterThanOrEqualTo(0).isLessThan(position(all, later));
        assertThat(position(all, later)).isLessThan(position(all, fresh));
        JsonNode s = find(all, sooner);
        assertThat(s.path("overdue").asBoolean()).isTrue();
        assertThat(s.path("callbackBy").asString()).isEqualTo("2001-01-01T00:00:00Z");
        assertThat(find(all, fresh).path("overdue").asBoolean()).isFalse();

        List<JsonNode> overdue = queue("&overdue=true");
        assertThat(find(overdue, sooner)).isNotNull();
        assertThat(find(overdue, fresh)).isNull();
        assertThat(overdue).allMatch(i -> i.path("overdue").asBoolean());
    }

    @Test
    void showsTheLeadUnitTheMaskedPhoneAndThisRoundsAttempts() {
        long id = orders.inState("AWAITING_CALLBACK");
        JsonNode item = find(queue(""), id);
        assertThat(item.path("leadUnitCode").asString()).isEqualTo(Orders.STREET);
        assertThat(item.path("districtCode").asString()).isEqualTo(Orders.DISTRICT);
        assertThat(item.path("requesterPhone").asString()).isEqualTo("138****5678");
        assertThat(item.path("attempts").asInt()).isZero();
        assertThat(item.path("status").asString()).isEqualTo("PENDING");
        assertThat(item.path("lastAttempt").isNull()).isTrue();

        for (int i = 1; i <= 2; i++) {
            Api.Response r = api.post("agent1", "/api/v1/callbacks/" + id, Api.json(Map.of("reached", false, "comment", "无人接听" + i)));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("round").path("attempts").asInt()).isEqualTo(i);
            assertThat(r.json().path("round").path("unreachable").asBoolean()).isFalse();
        }
        item = find(queue(""), id);
        assertThat(item.path("attempts").asInt()).isEqualTo(2);
        assertThat(item.path("lastAttempt").path("reached").asBoolean()).isFalse();
        assertThat(item.path("lastAttempt").path("note").asString()).isEqualTo("无人接听2");
        assertThat(item.path("lastAttempt").path("recordedBy").asString()).isEqualTo("agent1");
        assertThat(orders.act("agent1", id, "close", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void theThirdFailedAttemptMarksTheRequesterUnreachableAndAllowsClosing() {
        long id = orders.inState("AWAITING_CALLBACK");
        Api.Response r = null;
        for (int i = 0; i < 3; i++) {
            r = api.post("dispatcher1", "/api/v1/callbacks/" + id, Api.json(Map.of("reached", false)));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        assertThat(r.json().path("round").path("unreachable").asBoolean()).isTrue();
        assertThat(r.json().path("state").asString()).isEqualTo("AWAITING_CALLBACK");
        assertThat(find(queue(""), id).path("status").asString()).isEqualTo("UNREACHABLE");
        JsonNode history = api.get("supervisor1", "/api/v1/orders/" + id + "/history").json();
        long marks = 0;
        for (JsonNode h : history) if (h.path("action").asString().equals("callback-unreachable")) marks++;
        assertThat(marks).isEqualTo(1);
        // a fourth attempt is recorded but does not mark the round again
        api.post("agent1", "/api/v1/callbacks/" + id, Api.json(Map.of("reached", false)));
        history = api.get("supervisor1", "/api/v1/orders/" + id + "/history").json();
        marks = 0;
        for (JsonNode h : history) if (h.path("action").asString().equals("callback-unreachable")) marks++;
        assertThat(marks).isEqualTo(1);
        orders.must("agent1", id, "close", Map.of());
        assertThat(find(queue(""), id)).isNull();
    }

    @Test
    void filtersByLeadUnitAndDistrictAndPages() {
        long id = orders.inState("AWAITING_CALLBACK");
        orders.inState("AWAITING_CALLBACK");
        assertThat(find(queue("&unitCode=" + Orders.STREET), id)).isNotNull();
        assertThat(find(queue("&unitCode=C04"), id)).isNull();
        assertThat(find(queue("&districtCode=" + Orders.DISTRICT), id)).isNotNull();
        assertThat(find(queue("&districtCode=110102"), id)).isNull();
        JsonNode page = api.get("agent1", "/api/v1/callbacks/queue?size=1&page=1").json();
        assertThat(page.path("items").size()).isEqualTo(1);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("page").asInt()).isEqualTo(1);
    }

    @Test
    void onlyHotlineRolesSeeTheQueue() {
        assertThat(api.get("supervisor1", "/api/v1/callbacks/queue").status()).isEqualTo(200);
        assertThat(api.get("dispatcher1", "/api/v1/callbacks/queue").status()).isEqualTo(200);
        assertThat(api.get("analyst1", "/api/v1/callbacks/queue").status()).isEqualTo(403);
        assertThat(api.get(Orders.handler(Orders.STREET), "/api/v1/callbacks/queue").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/v1/callbacks/queue").status()).isEqualTo(401);
    }

    @Test
    void badQueueParametersAnswer400() {
        for (String q : List.of("size=0", "size=201", "page=-1", "overdue=maybe", "unitCode=%3Cscript%3E", "districtCode=a%20b")) {
            Api.Response r = api.get("agent1", "/api/v1/callbacks/queue?" + q);
            assertThat(r.status()).as(q + ": " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void recordingRefusesBadInputWithAProblem() {
        long inProgress = orders.inState("IN_PROGRESS");
        Map<String, Object> good = Map.of("reached", true, "contacted", true, "solved", "YES", "satisfaction", "SATISFIED");
        Api.Response notAwaiting = api.post("agent1", "/api/v1/callbacks/" + inProgress, Api.json(good));
        assertThat(notAwaiting.status()).isEqualTo(409);
        assertThat(notAwaiting.text("type")).endsWith("/invalid-transition");
        assertThat(api.post("agent1", "/api/v1/callbacks/" + Long.MAX_VALUE, Api.json(good)).status()).isEqualTo(404);
        assertThat(api.post("agent1", "/api/v1/callbacks/abc", Api.json(good)).status()).isEqualTo(400);

        long id = orders.inState("AWAITING_CALLBACK");
        Api.Response noReached = api.post("agent1", "/api/v1/callbacks/" + id, Api.json(Map.of("contacted", true)));
        assertThat(noReached.status()).isEqualTo(400);
        Api.Response noSolved = api.post("agent1", "/api/v1/callbacks/" + id,
                Api.json(Map.of("reached", true, "contacted", true, "satisfaction", "SATISFIED")));
        assertThat(noSolved.status()).isEqualTo(400);
        assertThat(noSolved.text("field")).isEqualTo("solved");
        assertThat(api.post("agent1", "/api/v1/callbacks/" + id, Api.json(Map.of("reached", true, "contacted", true,
                "solved", "MAYBE", "satisfaction", "SATISFIED"))).status()).isEqualTo(400);
        assertThat(api.post("agent1", "/api/v1/callbacks/" + id, Api.json(Map.of("reached", false, "comment", "x".repeat(2001))))
                .status()).isEqualTo(400);
        assertThat(api.post("agent1", "/api/v1/callbacks/" + id, "{not json").status()).isEqualTo(400);
        assertThat(api.post(Orders.handler(Orders.STREET), "/api/v1/callbacks/" + id, Api.json(good)).status()).isEqualTo(403);
        assertThat(api.post("analyst1", "/api/v1/callbacks/" + id, Api.json(good)).status()).isEqualTo(403);
        // nothing of the refused attempts was recorded
        assertThat(api.get("agent1", "/api/v1/orders/" + id).json().path("lastCallback").isNull()).isTrue();
        assertThat(api.post("agent1", "/api/v1/callbacks/" + id, Api.json(good)).status()).isEqualTo(200);
    }
}
