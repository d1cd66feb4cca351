package io.swiftresponse.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * Drives orders through the lifecycle over HTTP, so tests can start from any state. The demo city gives
 * street 110101001 (东华门街道, district 110101 东城区) and category 010101 (不供暖, heating company C04).
 */
public final class Orders {

    public static final String STREET = "110101001";
    public static final String DISTRICT = "110101";
    public static final String OTHER_STREET = "110102001";
    public static final String CATEGORY = "010101";

    private final Api api;

    public Orders(Api api) {
        this.api = api;
    }

    public static String newOrderJson(boolean confidential) {
        return Api.json(Map.of(
                "channel", "PHONE",
                "requestType", "COMPLAINT",
                "categoryCode", CATEGORY,
                "title", "暖气不热",
                "description", "家里暖气只有十五度，老人受不了",
                "requester", Map.of("name", "张先生", "phone", "13812345678", "confidential", confidential),
                "location", Map.of("address", "东华门街道某小区3号楼", "streetCode", STREET)));
    }

    public long record() {
        return record(false);
    }

    public long record(boolean confidential) {
        Api.Response r = api.post("agent1", "/api/v1/orders", newOrderJson(confidential));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    /** How many orders the supervisor (who sees them all) lists with a filter such as {@code "&state=CLOSED"} (or ""). */
    public long total(String filter) {
        Api.Response r = api.get("supervisor1", "/api/v1/orders?size=1" + filter);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("total").asLong();
    }

    public Api.Response act(String user, long id, String action, Map<String, ?> body) {
        return api.post(user, "/api/v1/orders/" + id + "/actions/" + action, Api.json(body));
    }

    public void must(String user, long id, String action, Map<String, ?> body) {
        Api.Response r = act(user, id, action, body);
        assertThat(r.status()).as(action + " by " + user + ": " + r).isEqualTo(200);
    }

    public static String handler(String unit) {
        return "handler-" + unit;
    }

    /** A new order brought to the named state along the main path, dispatched to {@link #STREET}. */
    public long inState(String state) {
        long id = record();
        String h = handler(STREET);
        switch (state) {
            case "RECEIVED" -> { }
            case "ANSWERED" -> must("agent1", id, "answer", Map.of("text", "已解答"));
            case "TRANSFERRED_EMERGENCY" -> must("agent1", id, "transfer-emergency", Map.of("target", "119"));
            case "REFERRED" -> must("agent1", id, "refer", Map.of("reason", "请通过仲裁解决"));
            case "MERGED" -> must("agent1", id, "merge", Map.of("primaryOrderId", record()));
            case "AWAITING_DISPATCH" -> must("agent1", id, "submit", Map.of());
            default -> {
                must("dispatcher1", id, "dispatch", Map.of("leadUnitCode", STREET));
                advance(id, state, h);
            }
        }
        return id;
    }

    /** From DISPATCHED on, the steps that bring a dispatched order to {@code state}, acting as handler {@code h}. */
    void advance(long id, String state, String h) {
        if (state.equals("DISPATCHED")) return;
        if (state.equals("RETURN_REQUESTED")) {
            must(h, id, "request-return", Map.of("reason", "不属于本单位"));
            return;
        }
        must(h, id, "sign", Map.of());
        if (state.equals("SIGNED")) return;
        must(h, id, "contact", Map.of("note", "已电话联系"));
        if (state.equals("IN_PROGRESS")) return;
        must(h, id, "reply", Map.of("text", "已处理"));
        if (state.equals("REPLIED")) return;
        must("dispatcher1", id, "approve-reply", Map.of());
        if (state.equals("AWAITING_CALLBACK")) return;
        if (state.equals("REOPENED")) {
            must("agent1", id, "reopen", Map.of("reason", "未解决"));
            return;
        }
        must("agent1", id, "record-callback", Map.of("reached", true, "contacted", true, "solved", "YES",
                "satisfaction", "SATISFIED"));
        must("agent1", id, "close", Map.of());
        if (!state.equals("CLOSED")) throw new IllegalArgumentException("unknown state " + state);
    }
}
