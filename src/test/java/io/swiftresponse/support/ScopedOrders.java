package io.swiftresponse.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders whose data scope has all four handler positions: dispatched to street {@link Orders#STREET} as lead
 * unit with {@link #CO_UNIT} as co-unit, so the street's district {@link Orders#DISTRICT} gets the copy and
 * street {@link Orders#OTHER_STREET} is unrelated. Unlike {@link Orders#inState}, every dispatch names the co-unit.
 */
public final class ScopedOrders {

    /** 北京市热力集团, the heating company: co-handles every order made here. */
    public static final String CO_UNIT = "C04";

    private final Orders orders;

    public ScopedOrders(Api api) {
        this.orders = new Orders(api);
    }

    public long record(boolean confidential) {
        return orders.record(confidential);
    }

    /** A new order in the named state; from DISPATCHED on, led by the street with the co-unit. */
    public long inState(String state, boolean confidential) {
        long id = orders.record(confidential);
        String h = Orders.handler(Orders.STREET);
        switch (state) {
            case "RECEIVED" -> { }
            case "AWAITING_DISPATCH" -> must("agent1", id, "submit", Map.of());
            default -> {
                must("dispatcher1", id, "dispatch", Map.of("leadUnitCode", Orders.STREET, "coUnitCodes", List.of(CO_UNIT)));
                orders.advance(id, state, h);
            }
        }
        return id;
    }

    /** A new order in the state, with what the action needs beforehand (a pending extension, a callback). */
    public long readyFor(String action, String state) {
        long id = inState(state, false);
        if ((action.equals("approve-extension") || action.equals("reject-extension")) && state.equals("IN_PROGRESS")) {
            must(Orders.handler(Orders.STREET), id, "request-extension", Map.of("reason", "需协调", "days", 2));
        }
        if (action.equals("resume")) {
            must(Orders.handler(Orders.STREET), id, "pause", Map.of("reason", "等待市民提供材料"));
        }
        if (action.equals("close") && state.equals("AWAITING_CALLBACK")) {
            must("agent1", id, "record-callback", callback());
        }
        return id;
    }

    /** A body complete enough for the action to succeed when the actor and state allow it. */
    public Map<String, Object> bodyFor(String action) {
        Map<String, Object> body = new HashMap<>();
        switch (action) {
            case "answer", "reply" -> body.put("text", "答复内容");
            case "transfer-emergency" -> body.put("target", "120");
            case "refer", "request-return", "reject-return", "reject-reply", "reopen", "rehandle", "reject-extension", "pause" ->
                    body.put("reason", "理由");
            case "merge" -> body.put("primaryOrderId", orders.record());
            case "dispatch" -> {
                body.put("leadUnitCode", Orders.STREET);
                body.put("coUnitCodes", List.of(CO_UNIT));
            }
            case "contact", "supervise" -> body.put("note", "说明");
            case "request-extension" -> {
                body.put("reason", "需协调多个部门");
                body.put("days", 3);
            }
            case "record-callback" -> body.putAll(callback());
            default -> { }
        }
        return body;
    }

    private static Map<String, Object> callback() {
        return Map.of("reached", true, "contacted", true, "solved", "YES", "satisfaction", "SATISFIED");
    }

    private void must(String user, long id, String action, Map<String, ?> body) {
        orders.must(user, id, action, body);
    }
}
