package io.swiftresponse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Orders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.swiftresponse.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The workbench's calls to the intake and knowledge modules, sent as its scripts send them: a browser session with
 * the CSRF header, JSON bodies in the real contract, and the order page that reports the agent's choice afterwards.
 */
@IntegrationTest
class WorkbenchIntakeIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void suggestionsAnswerTheWorkbenchContractAndNeedTheCsrfHeader() {
        WebSession s = new WebSession(port).login("agent1");
        String page = s.get("/workbench").body();
        assertThat(page).contains("id=\"suggestionId\"").contains("id=\"place-status\"").contains("/js/workbench.js");

        JsonNode sugg = json(s.postJson("/api/v1/intake/suggestions", """
                {"text": "暖气不热\\n家里暖气不热，温度只有十五度", "phone": "13800007777",
                 "location": {"address": "东城区东华门东里社区3号楼"}}"""), 200);
        assertThat(sugg.path("id").asString()).hasSize(36);
        JsonNode top = sugg.path("categories").get(0);
        assertThat(top.path("code").asString()).isEqualTo("010101");
        assertThat(top.path("unit").path("code").asString()).isEqualTo("C04");
        assertThat(top.path("unit").path("rule").asString()).isNotBlank();
        assertThat(sugg.path("place").path("streetCode").asString()).isEqualTo("110101001");
        assertThat(sugg.has("unsure")).isTrue();
        assertThat(sugg.path("repeats").has("candidates")).isTrue();

        // the old {title, description} body has no text: refused clearly, not guessed
        assertThat(s.postJson("/api/v1/intake/suggestions", "{\"title\": \"暖气\", \"description\": \"不热\"}").status()).isEqualTo(400);
        WebSession noToken = new WebSession(port).login("agent1");
        noToken.csrf = null;
        assertThat(noToken.postJson("/api/v1/intake/suggestions", "{\"text\": \"暖气不热\"}").status()).isEqualTo(403);
    }

    @Test
    void addressLookupSaysResolvedAmbiguousOrUnknown() {
        WebSession s = new WebSession(port).login("agent1");
        assertThat(json(s.getJson("/api/v1/intake/places?address=" + enc("王府井步行街东口")), 200).path("status").asString())
                .isEqualTo("RESOLVED");
        JsonNode ambiguous = json(s.getJson("/api/v1/intake/places?address=" + enc("八里庄路10号")), 200);
        assertThat(ambiguous.path("status").asString()).isEqualTo("AMBIGUOUS");
        assertThat(ambiguous.path("candidates")).hasSize(2);
        assertThat(json(s.getJson("/api/v1/intake/places?address=" + enc("火星基地")), 200).path("status").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void theRecordedOrderReportsTheSuggestionOnceAndAcceptanceIsCounted() {
        WebSession s = new WebSession(port).login("agent1");
        s.get("/workbench");
        String id = json(s.postJson("/api/v1/intake/suggestions", "{\"text\": \"家里暖气不热，温度只有十五度\"}"), 200).path("id").asString();
        Map<String, String> form = form("暖气不热", "submit", "13800008888");
        form.put("suggestionId", id);
        long order = idFrom(s.post("/workbench", form).location());

        String page = s.get("/orders/" + order).body();
        assertThat(page).contains("data-suggestion-id=\"" + id + "\"").contains("data-mergeable=\"true\"").contains("/js/workbench-after.js");
        assertThat(s.get("/orders/" + order).body()).as("only right after recording").doesNotContain("after-record");

        JsonNode fb = json(s.postJson("/api/v1/intake/feedback", "{\"suggestionId\": \"" + id + "\", \"orderId\": " + order + "}"), 200);
        assertThat(fb.path("chosenCategory").asString()).isEqualTo("010101");
        assertThat(fb.path("categoryAccepted").asBoolean()).isTrue();

        // something that is not a suggestion id is not handed on to the page
        form.put("suggestionId", "\"><script>x</script>");
        long other = idFrom(s.post("/workbench", form).location());
        assertThat(s.get("/orders/" + other).body()).doesNotContain("after-record").doesNotContain("<script>x");
    }

    @Test
    void aRepeatFromTheSameCallerIsMergedAfterRecordingAndTheRequesterIsTold() {
        WebSession s = new WebSession(port).login("agent1");
        s.get("/workbench");
        long first = idFrom(s.post("/workbench", form("井盖缺失", "submit", "13600004444")).location());
        String number = numberOf(s.get("/orders/" + first).body());
        JsonNode sugg = json(s.postJson("/api/v1/intake/suggestions", "{\"text\": \"井盖又丢了\", \"phone\": \"13600004444\"}"), 200);
        boolean found = false;
        for (JsonNode c : sugg.path("repeats").path("candidates")) {
            found |= c.path("orderId").asLong() == first && c.path("reasons").toString().contains("SAME_PHONE");
        }
        assertThat(found).as(sugg.toString()).isTrue();

        long second = idFrom(s.post("/workbench", form("井盖又丢了", "submit", "13600004444")).location());
        JsonNode merged = json(s.postJson("/api/v1/intake/merges", "{\"orderId\": " + second + ", \"primaryOrderId\": " + first + "}"), 200);
        assertThat(merged.path("tellRequester").asString()).contains(number);
        assertThat(s.get("/orders/" + second).body()).contains("已并单");
    }

    @Test
    void knowledgeAssistRendersAndAnswersTheRecordedOrderWithTheArticle() {
        WebSession s = new WebSession(port).login("agent1");
        s.get("/workbench");
        String fragment = s.get("/knowledge/assist?q=" + enc("供暖季什么时候开始")).body();
        Matcher hit = Pattern.compile("id=\"kb-hit-(\\d+)\"").matcher(fragment);
        assertThat(hit.find()).as(fragment).isTrue();
        assertThat(fragment).contains("kb-result-").contains("/knowledge/assist/flag");
        String article = hit.group(1);

        Map<String, String> form = form("供暖季什么时候开始", "record", "13500003333");
        form.put("requestType", "CONSULTATION");
        form.put("answerArticleId", article);
        long order = idFrom(s.post("/workbench", form).location());
        assertThat(s.get("/orders/" + order).body()).contains("data-article-id=\"" + article + "\"");

        WebSession.Page answered = s.post("/knowledge/assist/answer", Map.of("articleId", article, "orderId", String.valueOf(order)));
        assertThat(answered.body()).contains("class=\"ok\"");
        assertThat(s.get("/orders/" + order).body()).contains("直接答复").contains("知识库 #" + article);
    }

    private static Map<String, String> form(String title, String mode, String phone) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("phone", phone);
        f.put("requestType", "HELP");
        f.put("title", title);
        f.put("description", title + "，请尽快处理");
        f.put("categoryCode", "010101");
        f.put("address", "东城区某街 1 号");
        f.put("streetCode", Orders.STREET);
        f.put("mode", mode);
        return f;
    }

    private static JsonNode json(WebSession.Page p, int status) {
        assertThat(p.status()).as(p.body()).isEqualTo(status);
        return JSON.readTree(p.body());
    }

    private static long idFrom(String location) {
        assertThat(location).contains("/orders/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static String numberOf(String orderPage) {
        Matcher m = Pattern.compile("<title>[^<]*?(\\d{6,})").matcher(orderPage);
        return m.find() ? m.group(1) : "no-number-found";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
