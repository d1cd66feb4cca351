package io.swiftresponse.bench.orders;

import static io.swiftresponse.bench.orders.Json.JSON;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The main path of an order, as in the tests' Orders helper; who acts at each step. */
final class Lifecycle {
    record Step(String slug, String actor, byte[] body) {
    }

    static final List<Step> STEPS = List.of(
            new Step("record", "agent", null),
            new Step("dispatch", "dispatcher", null),
            new Step("sign", "handler", json(Map.of())),
            new Step("contact", "handler", json(Map.of("note", "已电话联系来电人，约定明天上午到现场查看"))),
            new Step("reply", "handler", json(Map.of("text",
                    "经核实，来电人反映的问题属实。我单位已安排工作人员到现场处理，问题已经解决，并已向来电人说明情况，来电人表示认可。"))),
            new Step("approve-reply", "dispatcher", json(Map.of())),
            new Step("record-callback", "agent", json(Map.of("reached", true, "contacted", true, "solved", "YES",
                    "satisfaction", "SATISFIED", "note", "回访来电人，表示问题已解决"))),
            new Step("close", "agent", json(Map.of())));

    static byte[] dispatchBody(String lead, String categoryCode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("leadUnitCode", lead);
        if (categoryCode != null) {
            m.put("categoryCode", categoryCode);
        }
        return json(m);
    }

    private static byte[] json(Object o) {
        return JSON.writeValueAsBytes(o);
    }
}
