package io.swiftresponse.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.ApiTests;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, action) pair through the real API on a real database: an order is brought to the state,
 * the action is tried by a role allowed to take it with a complete body, and it must succeed exactly when
 * the state machine allows it; a refused action answers 409 (404 for a handler whose unit never received the
 * order) and leaves the order and its history as they were.
 */
@IntegrationTest
class LifecycleIntegrationTests extends ApiTests {

    static Stream<Arguments> pairs() {
        List<Arguments> all = new ArrayList<>();
        for (WorkOrderState s : WorkOrderState.values()) {
            for (OrderAction a : OrderAction.values()) {
                all.add(Arguments.of(s, a));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("pairs")
    void actionSucceedsExactlyWhenTheStateAllowsIt(WorkOrderState state, OrderAction action) {
        long id = orders.inState(state.name());
        if (action == OrderAction.APPROVE_EXTENSION || action == OrderAction.REJECT_EXTENSION) {
            if (state == WorkOrderState.IN_PROGRESS) {
                orders.must(Orders.handler(Orders.STREET), id, "request-extension", Map.of("reason", "需协调", "days", 2));
            }
        }
        if (action == OrderAction.RESUME && Lifecycle.allows(state, OrderAction.PAUSE)) {
            orders.must(Orders.handler(Orders.STREET), id, "pause", Map.of("reason", "等待诉求人提供材料"));
        }
        if (action == OrderAction.CLOSE && state == WorkOrderState.AWAITING_CALLBACK) {
            orders.must("agent1", id, "record-callback", Map.of("reached", true, "contacted", true, "solved", "YES",
                    "satisfaction", "SATISFIED"));
        }
        Api.Response before = api.get("supervisor1", "/api/v1/orders/" + id);
        int historyBefore = api.get("supervisor1", "/api/v1/orders/" + id + "/history").json().size();

        String actor = actorFor(action);
        boolean actorSeesOrder = api.get(actor, "/api/v1/orders/" + id).status() == 200;
        Api.Response r = orders.act(actor, id, action.slug(), completeBody(action));

        if (Lifecycle.allows(state, action)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.text("state")).isEqualTo(Lifecycle.target(state, action).name());
            assertThat(r.json().path("version").asInt()).isEqualTo(before.json().path("version").asInt() + 1);
            int historyAfter = api.get("supervisor1", "/api/v1/orders/" + id + "/history").json().size();
            assertThat(historyAfter).isEqualTo(historyBefore + 1);
        } else {
            // a handler does not even see an order that was never sent to its unit: 404, not 409
            assertThat(r.status()).as(r.toString()).isEqualTo(actorSeesOrder ? 409 : 404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("type")).endsWith(actorSeesOrder ? "/invalid-transition" : "/not-found");
            assertThat(api.get("supervisor1", "/api/v1/orders/" + id).body()).isEqualTo(before.body());
            assertThat(api.get("supervisor1", "/api/v1/orders/" + id + "/history").json().size()).isEqualTo(historyBefore);
        }
    }

    private static String actorFor(OrderAction action) {
        Lifecycle.Rule rule = Lifecycle.rule(action);
        if (rule.roles().contains(io.swiftresponse.identity.Role.HANDLER)) return Orders.handler(Orders.STREET);
        if (rule.roles().contains(io.swiftresponse.identity.Role.SUPERVISOR)) return "supervisor1";
        throw new IllegalStateException("no actor for " + action);
    }

    private Map<String, Object> completeBody(OrderAction action) {
        Map<String, Object> body = new HashMap<>();
        switch (action) {
            case ANSWER, REPLY -> body.put("text", "答复内容");
            case TRANSFER_EMERGENCY -> body.put("target", "120");
            case REFER, REQUEST_RETURN, REJECT_RETURN, REJECT_REPLY, REOPEN, REHANDLE, REJECT_EXTENSION, PAUSE -> body.put("reason", "理由");
            case MERGE -> body.put("primaryOrderId", orders.record());
            case DISPATCH -> body.put("leadUnitCode", Orders.STREET);
            case CONTACT, SUPERVISE -> body.put("note", "说明");
            case REQUEST_EXTENSION -> {
                body.put("reason", "需协调多个部门");
                body.put("days", 3);
            }
            case RECORD_CALLBACK -> {
                // solved: an unhappy answer would also take the re-handling policy's follow-up (a second history entry)
                body.put("reached", true);
                body.put("contacted", true);
                body.put("solved", "YES");
                body.put("satisfaction", "BASICALLY_SATISFIED");
            }
            default -> { }
        }
        return body;
    }
}
