package io.swiftresponse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.ApiTests;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dispatch console's inline decisions as htmx sends them: the row comes back as a confirmation, or with the
 * problem in the user's language and the refusal's status, and then nothing has changed.
 */
@IntegrationTest
class DispatchConsoleIntegrationTests extends ApiTests {

    @Test
    void dispatchFromTheRowWithCoUnitAndDistrictCopy() {
        long id = orders.inState("AWAITING_DISPATCH");
        WebSession d = new WebSession(port).login("dispatcher1");
        String console = d.get("/dispatch").body();
        // the row carries its own form, prefilled with the catalogue's lead unit (heating: the heating company C04)
        assertThat(console).contains("id=\"row-" + id + "\"").contains("/dispatch/orders/" + id + "/dispatch")
                .contains("北京市热力集团 (C04)").contains("<datalist id=\"units\">");
        WebSession.Page p = d.htmxPost("/dispatch/orders/" + id + "/dispatch", Map.of("expectedVersion", version(id),
                "leadUnit", "东华门街道 (" + Orders.STREET + ")", "coUnits", "D01, 北京市热力集团", "note", ""));
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        assertThat(p.body()).contains("class=\"done\"").contains("已派往 东华门街道 (110101001)")
                .contains("协办：北京市教育委员会 (D01)、北京市热力集团 (C04)").contains("抄送：东城区 (110101)")
                .contains("hx-swap-oob=\"true\"");
        JsonNode order = order(id);
        assertThat(order.get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(order.get("leadUnitCode").asString()).isEqualTo(Orders.STREET);
        assertThat(order.get("coUnitCodes").toString()).isEqualTo("[\"D01\",\"C04\"]");
        assertThat(order.get("copyUnitCode").asString()).isEqualTo(Orders.DISTRICT);
        // the console no longer offers it for dispatch
        assertThat(d.get("/dispatch").body()).doesNotContain("/dispatch/orders/" + id + "/dispatch");
    }

    @Test
    void rejectingAReturnNeedsAReasonInTheUsersLanguageAndChangesNothingWithoutOne() {
        long id = orders.inState("RETURN_REQUESTED");
        WebSession d = new WebSession(port).login("dispatcher1");
        assertThat(d.get("/dispatch").body()).contains("/dispatch/orders/" + id + "/return").contains("退单理由：不属于本单位");
        String v = version(id);
        WebSession.Page refused = d.htmxPost("/dispatch/orders/" + id + "/return", Map.of("expectedVersion", v, "decision", "reject", "reason", " "));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("X-Swift-Inline")).isEqualTo("row");
        assertThat(refused.body()).contains("驳回退单须填写审核意见").contains("id=\"row-" + id + "\"").contains("role=\"alert\"");
        assertThat(order(id).get("state").asString()).isEqualTo("RETURN_REQUESTED");
        d.get("/dispatch?lang=en");
        WebSession.Page english = d.htmxPost("/dispatch/orders/" + id + "/return", Map.of("expectedVersion", v, "decision", "reject"));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("Rejecting a return needs a decision note");
        WebSession.Page rejected = d.htmxPost("/dispatch/orders/" + id + "/return",
                Map.of("expectedVersion", v, "decision", "reject", "reason", "属于本街道职责 <b>请办理</b>"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body()).contains("Return rejected").contains("110101001");
        assertThat(order(id).get("state").asString()).isEqualTo("SIGNED");
        assertThat(d.get("/orders/" + id).body()).contains("属于本街道职责 &lt;b&gt;请办理&lt;/b&gt;");
    }

    @Test
    void approvingAReturnPutsItBackInTheQueueOrReDispatchesIt() {
        long back = orders.inState("RETURN_REQUESTED");
        WebSession d = new WebSession(port).login("dispatcher1");
        d.get("/dispatch");
        WebSession.Page p = d.htmxPost("/dispatch/orders/" + back + "/return", Map.of("expectedVersion", version(back), "decision", "approve"));
        assertThat(p.body()).contains("回到待派单");
        assertThat(order(back).get("state").asString()).isEqualTo("AWAITING_DISPATCH");
        long moved = orders.inState("RETURN_REQUESTED");
        WebSession.Page same = d.htmxPost("/dispatch/orders/" + moved + "/return",
                Map.of("expectedVersion", version(moved), "decision", "approve", "leadUnit", Orders.STREET));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).contains("改派单位不能是申请退单的单位");
        WebSession.Page redispatched = d.htmxPost("/dispatch/orders/" + moved + "/return",
                Map.of("expectedVersion", version(moved), "decision", "approve", "leadUnit", Orders.OTHER_STREET));
        assertThat(redispatched.body()).contains("已改派至");
        assertThat(order(moved).get("leadUnitCode").asString()).isEqualTo(Orders.OTHER_STREET);
        assertThat(order(moved).get("state").asString()).isEqualTo("DISPATCHED");
    }

    @Test
    void aStaleRowIsRefusedWith409AndShowsWhatHappened() {
        long id = orders.inState("AWAITING_DISPATCH");
        String seen = version(id);
        WebSession first = new WebSession(port).login("dispatcher1");
        WebSession second = new WebSession(port).login("supervisor1");
        first.get("/dispatch");
        second.get("/dispatch");
        // someone marks it for supervision: same state, new version
        orders.must("supervisor1", id, "supervise", Map.of("note", "重点关注"));
        WebSession.Page stale = second.htmxPost("/dispatch/orders/" + id + "/dispatch", Map.of("expectedVersion", seen, "leadUnit", Orders.STREET));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("该工单刚被他人修改").contains("name=\"expectedVersion\" value=\"" + version(id) + "\"");
        assertThat(order(id).get("state").asString()).isEqualTo("AWAITING_DISPATCH");
        // the first dispatcher dispatches; the second, one step behind, is told and changes nothing
        String now = version(id);
        assertThat(first.htmxPost("/dispatch/orders/" + id + "/dispatch", Map.of("expectedVersion", now, "leadUnit", Orders.STREET)).status())
                .isEqualTo(200);
        WebSession.Page late = second.htmxPost("/dispatch/orders/" + id + "/dispatch", Map.of("expectedVersion", now, "leadUnit", "D01"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("已被他人处理（当前状态：已派单）").doesNotContain("/dispatch/orders/" + id + "/dispatch\"");
        assertThat(order(id).get("leadUnitCode").asString()).isEqualTo(Orders.STREET);
    }

    @Test
    void outOfRoleOrBadInputIsRefusedAndChangesNothing() {
        long id = orders.inState("AWAITING_DISPATCH");
        String v = version(id);
        WebSession agent = new WebSession(port).login("agent1");
        agent.get("/workbench");
        assertThat(agent.htmxPost("/dispatch/orders/" + id + "/dispatch", Map.of("expectedVersion", v, "leadUnit", Orders.STREET)).status())
                .isEqualTo(403);
        WebSession handler = new WebSession(port).login(Orders.handler(Orders.STREET));
        handler.get("/inbox");
        assertThat(handler.htmxPost("/dispatch/orders/" + id + "/dispatch", Map.of("expectedVersion", v, "leadUnit", Orders.STREET)).status())
                .isEqualTo(403);
        WebSession d = new WebSession(port).login("dispatcher1");
        d.get("/dispatch");
        WebSession.Page unknown = d.htmxPost("/dispatch/orders/" + id + "/dispatch", Map.of("expectedVersion", v, "leadUnit", "不存在的单位"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("主办单位无效");
        WebSession.Page badVersion = d.htmxPost("/dispatch/orders/" + id + "/dispatch", Map.of("expectedVersion", "x", "leadUnit", Orders.STREET));
        assertThat(badVersion.status()).isEqualTo(400);
        assertThat(badVersion.body()).contains("填写有误：工单版本");
        // without the CSRF token the post never reaches the console
        d.csrf = null;
        assertThat(d.htmxPost("/dispatch/orders/" + id + "/dispatch", Map.of("expectedVersion", v, "leadUnit", Orders.STREET)).status())
                .isEqualTo(403);
        assertThat(order(id).get("state").asString()).isEqualTo("AWAITING_DISPATCH");
        assertThat(version(id)).isEqualTo(v);
    }

    @Test
    void withoutHtmxTheFormPostsAndTheConsoleShowsTheMessage() {
        long id = orders.inState("AWAITING_DISPATCH");
        WebSession d = new WebSession(port).login("dispatcher1");
        d.get("/dispatch");
        WebSession.Page p = d.post("/dispatch/orders/" + id + "/dispatch", Map.of("expectedVersion", version(id), "leadUnit", Orders.STREET));
        assertThat(p.status()).isEqualTo(302);
        assertThat(p.location()).endsWith("/dispatch");
        assertThat(d.get("/dispatch").body()).contains("已派往 东华门街道");
    }

    private JsonNode order(long id) {
        return api.get("dispatcher1", "/api/v1/orders/" + id).json();
    }

    private String version(long id) {
        return order(id).get("version").asString();
    }
}
