package io.swiftresponse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.Orders;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/** Drives orders to a callback through the real API and reads evaluation figures back (events apply after commit). */
final class Handled {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    final Api api;
    final Orders orders;

    Handled(Api api) {
        this.api = api;
        this.orders = new Orders(api);
    }

    static String thisMonth() {
        return YearMonth.now(CITY).toString();
    }

    /** A new order handled by {@code lead} (with co-units) up to AWAITING_CALLBACK. */
    long awaitingCallback(String lead, List<String> coUnits) {
        long id = orders.record();
        Map<String, Object> dispatch = new LinkedHashMap<>();
        dispatch.put("leadUnitCode", lead);
        if (!coUnits.isEmpty()) dispatch.put("coUnitCodes", coUnits);
        orders.must("dispatcher1", id, "dispatch", dispatch);
        handle(id, lead);
        return id;
    }

    void handle(long id, String lead) {
        String h = Orders.handler(lead);
        orders.must(h, id, "sign", Map.of());
        orders.must(h, id, "contact", Map.of("note", "已电话联系"));
        orders.must(h, id, "reply", Map.of("text", "已处理"));
        orders.must("dispatcher1", id, "approve-reply", Map.of());
    }

    /**
     * Records a reached callback and lets the re-handling policy act: when it sends the order back to its unit (重办:
     * by default for "not solved"), the unit handles it again and the same answers are given again, until the policy
     * closes the order or leaves it awaiting callback. Answers the state the order ends in.
     */
    String callback(long id, boolean contacted, String solved, String satisfaction) {
        while (true) {
            orders.must("agent1", id, "record-callback", Map.of("reached", true, "contacted", contacted, "solved", solved,
                    "satisfaction", satisfaction));
            JsonNode order = api.get("agent1", "/api/v1/orders/" + id).json();
            String state = order.path("state").asString();
            if (!state.equals("DISPATCHED")) return state;
            handle(id, order.path("leadUnitCode").asString());
        }
    }

    void unreached(long id) {
        orders.must("agent1", id, "record-callback", Map.of("reached", false));
    }

    /** A unit's score this month, as the supervisor sees it. */
    JsonNode unit(String code) {
        Api.Response r = api.get("supervisor1", "/api/v1/evaluation/units/" + code + "?period=" + thisMonth());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    long counted(String code, String attribution) {
        return unit(code).path("countsByAttribution").path(attribution).path("valid").asLong();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
