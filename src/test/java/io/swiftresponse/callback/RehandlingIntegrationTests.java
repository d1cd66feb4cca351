package io.swiftresponse.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.ApiTests;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The default re-handling policy (not solved: re-handled by the same unit, at most twice; partly solved and
 * dissatisfied: closed) applied in the callback's transaction, through both endpoints; and the policy's admin API.
 */
@IntegrationTest
class RehandlingIntegrationTests extends ApiTests {

    private static Map<String, Object> answers(String solved, String satisfaction) {
        return Map.of("reached", true, "contacted", true, "solved", solved, "satisfaction", satisfaction);
    }

    private Api.Response callback(long id, Map<String, Object> body) {
        Api.Response r = api.post("agent1", "/api/v1/callbacks/" + id, Api.json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private JsonNode order(long id) {
        return api.get("supervisor1", "/api/v1/orders/" + id).json();
    }

    private static JsonNode clock(JsonNode order, String name) {
        for (JsonNode c : order.path("deadlines").path("clocks")) if (c.path("clock").asString().equals(name)) return c;
        throw new AssertionError("no clock " + name + " in " + order);
    }

    private JsonNode lastHistory(long id) {
        JsonNode h = api.get("supervisor1", "/api/v1/orders/" + id + "/history").json();
        return h.get(h.size() - 1);
    }

    /** The unit handles the re-handled order again, up to the next callback. */
    private void handleAgain(long id) {
        String h = Orders.handler(Orders.STREET);
        orders.must(h, id, "sign", Map.of());
        orders.must(h, id, "contact", Map.of("note", "再次联系"));
        orders.must(h, id, "reply", Map.of("text", "已重新处理"));
        orders.must("dispatcher1", id, "approve-reply", Map.of());
    }

    @Test
    void notSolvedGoesBackToTheSameUnitWithANewReplyDeadline() {
        long id = orders.inState("AWAITING_CALLBACK");
        JsonNode before = order(id);
        Instant replyStartedBefore = Instant.parse(clock(before, "REPLY").path("startedAt").asString());

        Api.Response r = callback(id, answers("NO", "DISSATISFIED"));
        assertThat(r.text("state")).isEqualTo("DISPATCHED");
        assertThat(r.json().path("rehandles").asInt()).isEqualTo(1);
        assertThat(r.json().path("followUp").path("action").asString()).isEqualTo("rehandle");
        assertThat(r.json().path("followUp").path("explanation").asString()).contains("not solved").contains("re-handle 1 of at most 2");
        assertThat(r.json().path("round").path("round").asInt()).isZero();
        assertThat(r.json().path("round").path("reached").asBoolean()).isTrue();

        JsonNode after = order(id);
        assertThat(after.path("state").asString()).isEqualTo("DISPATCHED");
        assertThat(after.path("leadUnitCode").asString()).isEqualTo(Orders.STREET);
        assertThat(after.path("reopenCount").asInt()).isEqualTo(1);
        JsonNode reply = clock(after, "REPLY");
        assertThat(reply.path("metAt").isNull()).isTrue();
        assertThat(Instant.parse(reply.path("startedAt").asString())).isAfter(replyStartedBefore);
        assertThat(Instant.parse(after.path("deadlines").path("replyBy").asString()))
                .isAfter(Instant.parse(before.path("deadlines").path("replyBy").asString()));
        assertThat(clock(after, "CALLBACK").path("metAt").isNull()).isFalse();

        JsonNode h = lastHistory(id);
        assertThat(h.path("action").asString()).isEqualTo("rehandle");
        assertThat(h.path("actor").asString()).isEqualTo("callback-policy");
        assertThat(h.path("fromState").asString()).isEqualTo("AWAITING_CALLBACK");
        assertThat(h.path("toState").asString()).isEqualTo("DISPATCHED");
        assertThat(h.path("details").path("reopenCount").asInt()).isEqualTo(1);
        // straight to the unit: it signs without a dispatcher in between
        orders.must(Orders.handler(Orders.STREET), id, "sign", Map.of());
    }

    @Test
    void reHandledAtMostTwiceThenClosedWithTheResult() {
        long id = orders.inState("AWAITING_CALLBACK");
        callback(id, answers("NO", "SATISFIED"));
        handleAgain(id);
        Api.Response second = callback(id, answers("NO", "SATISFIED"));
        assertThat(second.text("state")).isEqualTo("DISPATCHED");
        assertThat(second.json().path("rehandles").asInt()).isEqualTo(2);
        handleAgain(id);
        Api.Response third = callback(id, answers("NO", "DISSATISFIED"));
        assertThat(third.text("state")).isEqualTo("CLOSED");
        assertThat(third.json().path("rehandles").asInt()).isEqualTo(2);
        assertThat(third.json().path("round").path("round").asInt()).isEqualTo(2);
        assertThat(third.json().path("followUp").path("explanation").asString()).contains("already been re-handled 2 time(s)");
        assertThat(order(id).path("reopenCount").asInt()).isEqualTo(2);
    }

    @Test
    void partlySolvedOrDissatisfiedIsClosedWithTheResultRecorded() {
        long partly = orders.inState("AWAITING_CALLBACK");
        Api.Response r = callback(partly, answers("PARTLY", "BASICALLY_SATISFIED"));
        assertThat(r.text("state")).isEqualTo("CLOSED");
        assertThat(r.json().path("followUp").path("action").asString()).isEqualTo("close");
        assertThat(lastHistory(partly).path("reason").asString()).contains("partly solved");
        assertThat(order(partly).path("lastCallback").path("solved").asString()).isEqualTo("PARTLY");
        assertThat(order(partly).path("reopenCount").asInt()).isZero();

        long dissatisfied = orders.inState("AWAITING_CALLBACK");
        assertThat(callback(dissatisfied, answers("YES", "DISSATISFIED")).text("state")).isEqualTo("CLOSED");
    }

    @Test
    void aSatisfiedAnswerLeavesTheOrderForTheAgentToClose() {
        long id = orders.inState("AWAITING_CALLBACK");
        Api.Response r = callback(id, answers("YES", "BASICALLY_SATISFIED"));
        assertThat(r.text("state")).isEqualTo("AWAITING_CALLBACK");
        assertThat(r.json().path("followUp").isNull()).isTrue();
        orders.must("agent1", id, "close", Map.of());
    }

    @Test
    void theOrderActionEndpointAppliesThePolicyToo() {
        long id = orders.inState("AWAITING_CALLBACK");
        Api.Response r = orders.act("agent1", id, "record-callback", answers("NO", "DISSATISFIED"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("state")).isEqualTo("DISPATCHED");
        assertThat(r.json().path("reopenCount").asInt()).isEqualTo(1);
        assertThat(r.json().path("leadUnitCode").asString()).isEqualTo(Orders.STREET);
    }

    @Test
    void aManualReHandleNeedsAReasonAndGoesToTheSameUnit() {
        long id = orders.inState("AWAITING_CALLBACK");
        assertThat(orders.act("agent1", id, "rehandle", Map.of()).status()).isEqualTo(400);
        orders.must("supervisor1", id, "rehandle", Map.of("reason", "复核发现未彻底解决"));
        JsonNode o = order(id);
        assertThat(o.path("state").asString()).isEqualTo("DISPATCHED");
        assertThat(o.path("leadUnitCode").asString()).isEqualTo(Orders.STREET);
        assertThat(o.path("reopenCount").asInt()).isEqualTo(1);
    }

    @Test
    void policyVersionsAreValidatedKeptAndExplained() {
        LocalDate day = LocalDate.of(2090, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        Map<String, Object> body = new HashMap<>(Map.of("effectiveFrom", day.toString(), "onSolvedNo", "REHANDLE",
                "onSolvedPartly", "REHANDLE", "onDissatisfied", "CLOSE", "maxRehandles", 1, "note", "试行"));
        assertThat(api.post("supervisor1", "/api/v1/callbacks/policies", Api.json(body)).status()).isEqualTo(403);
        Api.Response created = api.post("admin", "/api/v1/callbacks/policies", Api.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("createdBy")).isEqualTo("admin");
        assertThat(api.post("admin", "/api/v1/callbacks/policies", Api.json(body)).text("type")).endsWith("/policy-exists");

        JsonNode explained = api.get("agent1", "/api/v1/callbacks/policies/explain?solved=PARTLY&satisfaction=SATISFIED&on=" + day).json();
        assertThat(explained.path("outcome").asString()).isEqualTo("REHANDLE");
        assertThat(explained.path("policy").path("id").asLong()).isEqualTo(created.id());
        JsonNode today = api.get("agent1", "/api/v1/callbacks/policies/explain?solved=PARTLY&satisfaction=SATISFIED").json();
        assertThat(today.path("outcome").asString()).isEqualTo("CLOSE");
        JsonNode limit = api.get("agent1", "/api/v1/callbacks/policies/explain?solved=NO&satisfaction=SATISFIED&rehandles=1&on=" + day)
                .json();
        assertThat(limit.path("outcome").asString()).isEqualTo("CLOSE");
        assertThat(api.get("agent1", "/api/v1/callbacks/policies").json().toString()).contains(day.toString());

        Map<String, Object> past = new HashMap<>(body);
        past.put("effectiveFrom", "2020-06-01");
        assertThat(api.post("admin", "/api/v1/callbacks/policies", Api.json(past)).text("field")).isEqualTo("effectiveFrom");
        Map<String, Object> tooMany = new HashMap<>(body);
        tooMany.put("effectiveFrom", day.plusDays(1).toString());
        tooMany.put("maxRehandles", 11);
        assertThat(api.post("admin", "/api/v1/callbacks/policies", Api.json(tooMany)).status()).isEqualTo(400);
        Map<String, Object> missing = new HashMap<>(body);
        missing.put("effectiveFrom", day.plusDays(1).toString());
        missing.remove("onDissatisfied");
        assertThat(api.post("admin", "/api/v1/callbacks/policies", Api.json(missing)).status()).isEqualTo(400);
        Map<String, Object> unknown = new HashMap<>(missing);
        unknown.put("onDissatisfied", "IGNORE");
        assertThat(api.post("admin", "/api/v1/callbacks/policies", Api.json(unknown)).status()).isEqualTo(400);
        assertThat(api.get("agent1", "/api/v1/callbacks/policies/explain?solved=NO").status()).isEqualTo(400);
        assertThat(api.get("agent1", "/api/v1/callbacks/policies/explain?solved=NO&satisfaction=SATISFIED&on=%2B99999-01-01").status())
                .isEqualTo(400);
        Map<String, Object> farFuture = new HashMap<>(body);
        farFuture.put("effectiveFrom", "+99999-12-01");
        assertThat(api.post("admin", "/api/v1/callbacks/policies", Api.json(farFuture)).text("field")).isEqualTo("effectiveFrom");
        assertThat(api.get("agent1", "/api/v1/callbacks/policies/explain?solved=NO&satisfaction=SATISFIED&on=1950-01-01").status())
                .isEqualTo(404);
    }
}
