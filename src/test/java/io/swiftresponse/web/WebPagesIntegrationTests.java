package io.swiftresponse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web application over real HTTP as a browser sends it: login, pages per role, forms with CSRF, bad input. */
@IntegrationTest
class WebPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void loginPageIsChineseFirstAndSwitchesToEnglishWithACookie() {
        WebSession s = new WebSession(port);
        WebSession.Page zh = s.get("/login");
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.body()).contains("<html lang=\"zh-CN\">").contains("用户名").contains("name=\"_csrf\"");
        assertThat(s.get("/login?lang=en").body()).contains("User name");
        // the choice sticks (cookie) without the parameter
        assertThat(s.get("/login").body()).contains("<html lang=\"en\">").contains("Log in");
    }

    @Test
    void pagesNeedALoginAndEachRoleStartsOnItsOwnScreen() {
        WebSession anonymous = new WebSession(port);
        WebSession.Page p = anonymous.get("/workbench");
        assertThat(p.status()).isEqualTo(302);
        assertThat(p.location()).endsWith("/login");
        assertThat(new WebSession(port).login("agent1").get("/").location()).endsWith("/workbench");
        assertThat(new WebSession(port).login("dispatcher1").get("/").location()).endsWith("/dispatch");
        assertThat(new WebSession(port).login("supervisor1").get("/").location()).endsWith("/dashboard");
        assertThat(new WebSession(port).login(Orders.handler(Orders.STREET)).get("/").location()).endsWith("/inbox");
    }

    @Test
    void browsersGetErrorPagesWhileTheApiKeepsProblemDetails() {
        WebSession s = new WebSession(port).login("agent1");
        WebSession.Page missing = s.get("/orders/999999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.body()).contains("未找到");
        WebSession.Page forbidden = s.get("/inbox");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("无权操作");
        Api.Response api = new Api(port).get("agent1", "/api/v1/orders/999999999");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        WebSession s = new WebSession(port).login("agent1");
        s.csrf = null;
        WebSession.Page p = s.post("/workbench", Map.of("title", "x", "description", "y", "requestType", "HELP"));
        assertThat(p.status()).isEqualTo(403);
    }

    @Test
    void agentRecordsAndSubmitsOnTheWorkbenchAndHtmlInTextIsShownAsText() {
        WebSession s = new WebSession(port).login("agent1");
        s.get("/workbench");
        WebSession.Page p = s.post("/workbench", workbench("<script>alert('x')</script>暖气不热", "submit"));
        assertThat(p.status()).isEqualTo(302);
        long id = idFrom(p.location());
        WebSession.Page order = s.get("/orders/" + id);
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;暖气不热").doesNotContain("<script>alert(");
        assertThat(order.body()).contains("待派单").contains("138****1234");
        // the caller's earlier orders appear for the next call from that number
        assertThat(s.get("/workbench/caller?phone=13800001234").body()).contains(numberOf(order.body()));
    }

    @Test
    void revealingThePhoneNeedsAPurposeAndAnalystsSeeNoRequester() {
        WebSession agent = new WebSession(port).login("agent1");
        agent.get("/workbench");
        long id = idFrom(agent.post("/workbench", workbench("井盖缺失", "submit")).location());
        agent.get("/orders/" + id);
        WebSession.Page blank = agent.post("/orders/" + id + "/reveal", Map.of("purpose", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("请求有误");
        WebSession.Page revealed = agent.post("/orders/" + id + "/reveal", Map.of("purpose", "回电"));
        assertThat(revealed.body()).contains("13800001234");
        WebSession.Page analyst = new WebSession(port).login("analyst1").get("/orders/" + id);
        assertThat(analyst.body()).contains("诉求人信息不向您的角色显示").doesNotContain("138****1234").doesNotContain("张三");
    }

    @Test
    void workbenchRefusesBadInputAndRecordsNothing() {
        WebSession s = new WebSession(port).login("agent1");
        s.get("/workbench");
        Map<String, String> form = workbench("", "answer");
        form.put("phone", "12345");
        WebSession.Page p = s.post("/workbench", form);
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.body()).contains("title").contains("requester.phone").contains("answer");
    }

    @Test
    void answeringOnTheSpotClosesTheConsultation() {
        WebSession s = new WebSession(port).login("agent1");
        s.get("/workbench");
        Map<String, String> form = workbench("办事时间咨询", "answer");
        form.put("requestType", "CONSULTATION");
        form.put("answer", "工作日 9:00-17:00");
        long id = idFrom(s.post("/workbench", form).location());
        assertThat(s.get("/orders/" + id).body()).contains("直接答复").contains("工作日 9:00-17:00");
    }

    @Test
    void dispatcherDispatchesAndHandlerSignsThenRepliesWithAPdfButNotAnExecutable() {
        WebSession agent = new WebSession(port).login("agent1");
        agent.get("/workbench");
        long id = idFrom(agent.post("/workbench", workbench("路灯不亮", "submit")).location());
        WebSession dispatcher = new WebSession(port).login("dispatcher1");
        assertThat(dispatcher.get("/dispatch").body()).contains("/orders/" + id);
        dispatcher.get("/orders/" + id);
        WebSession.Page d = dispatcher.post("/orders/" + id + "/actions/dispatch", Map.of("leadUnitCode", Orders.STREET, "note", ""));
        assertThat(d.location()).endsWith("/orders/" + id);
        assertThat(dispatcher.get("/orders/" + id).body()).contains("已派单");

        WebSession handler = new WebSession(port).login(Orders.handler(Orders.STREET));
        assertThat(handler.get("/inbox").body()).contains("/orders/" + id);
        // the district sees its street's order through the copy
        assertThat(new WebSession(port).login(Orders.handler(Orders.DISTRICT)).get("/inbox").body()).contains("/orders/" + id);
        handler.get("/orders/" + id);
        handler.post("/orders/" + id + "/actions/sign", Map.of("note", ""));
        handler.get("/orders/" + id);
        handler.post("/orders/" + id + "/actions/contact", Map.of("note", "已电话联系"));
        handler.get("/orders/" + id);
        WebSession.Page bad = handler.postMultipart("/orders/" + id + "/actions/reply", Map.of("text", "已修复"), "files",
                "evil.pdf", "MZ\u0090\u0000 not a pdf".getBytes());
        assertThat(bad.status()).isEqualTo(302);
        WebSession.Page afterBad = handler.get("/orders/" + id);
        assertThat(afterBad.body()).contains("not a JPEG, PNG or WebP image or a PDF").contains("办理中");
        WebSession.Page ok = handler.postMultipart("/orders/" + id + "/actions/reply", Map.of("text", "已修复"), "files",
                "report.pdf", "%PDF-1.4\n%minimal\n".getBytes());
        assertThat(ok.status()).isEqualTo(302);
        WebSession.Page replied = handler.get("/orders/" + id);
        assertThat(replied.body()).contains("已反馈").contains("report.pdf");
        Matcher m = Pattern.compile("/orders/" + id + "/attachments/(\\d+)").matcher(replied.body());
        assertThat(m.find()).isTrue();
        assertThat(handler.get(m.group()).status()).isEqualTo(200);
        // a handler of another street is out of scope: neither the order nor its file
        WebSession other = new WebSession(port).login(Orders.handler(Orders.OTHER_STREET));
        assertThat(other.get(m.group()).status()).isEqualTo(404);
    }

    @Test
    void citizenSubmitsWithConsentAndTracksWithTheLastFourDigits() {
        WebSession citizen = new WebSession(port);
        citizen.get("/portal");
        Map<String, String> form = new LinkedHashMap<>(Map.of("requestType", "COMPLAINT", "title", "小区噪音", "description",
                "夜间施工 <img src=x onerror=alert(1)>", "address", "东城区某路 8 号", "phone", "13912345678"));
        WebSession.Page refused = citizen.postMultipart("/portal/requests", form, "photos", "", new byte[0]);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("privacy notice");
        form.put("consent", "true");
        WebSession.Page sent = citizen.postMultipart("/portal/requests", form, "photos", "", new byte[0]);
        Matcher n = Pattern.compile("id=\"order-number\">([^<]+)<").matcher(sent.body());
        assertThat(n.find()).as(sent.body()).isTrue();
        String number = n.group(1);
        WebSession.Page wrong = citizen.get("/portal/track?number=" + number + "&phone4=0000");
        assertThat(wrong.body()).contains("未找到").doesNotContain("tracked-state");
        WebSession.Page right = citizen.get("/portal/track?number=" + number + "&phone4=5678");
        assertThat(right.body()).contains("已受理").doesNotContain("13912345678").doesNotContain("夜间施工");
    }

    private static Map<String, String> workbench(String title, String mode) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("phone", "13800001234");
        f.put("name", "张三");
        f.put("requestType", "HELP");
        f.put("title", title);
        f.put("description", "<b>家里</b>暖气不热");
        f.put("categoryCode", "010101");
        f.put("address", "东城区某街 1 号");
        f.put("streetCode", Orders.STREET);
        f.put("mode", mode);
        return f;
    }

    private static long idFrom(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static String numberOf(String orderPage) {
        Matcher m = Pattern.compile("<title>[^<]*?(\\d{6,})").matcher(orderPage);
        return m.find() ? m.group(1) : "no-number-found";
    }
}
