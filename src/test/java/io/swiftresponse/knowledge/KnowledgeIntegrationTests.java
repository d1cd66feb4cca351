package io.swiftresponse.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base over HTTP on a real PostgreSQL: review workflow and who may do what, what the public and
 * agents see (drafts, revisions, expired, retired), answering a consultation with an article, flags reaching the
 * owner, bad input, and rebuilding the index. Each test writes its own articles with a unique Latin word.
 */
@IntegrationTest
class KnowledgeIntegrationTests {

    static final String OWNER = "handler-C04";
    @LocalServerPort
    int port;
    @Autowired
    Consultations consultations;
    Api api;
    String word;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        // smartcn keeps a run of Latin letters as one word: a term no demo article has
        word = "kb" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    @Test
    void ownerDraftsHotlineReviewsAndOnlyThePublishedVersionIsLive() {
        long id = create(OWNER, article("供暖测试文章 " + word, "2024-01-01", null)).id();
        assertThat(publicSearch(word)).isEmpty();
        assertThat(api.get(null, "/api/v1/public/knowledge/articles/" + id).status()).isEqualTo(404);
        assertThat(api.post("handler-C01", "/api/v1/knowledge/articles/" + id + "/submit", "{}").status()).isEqualTo(403);
        assertThat(api.post("supervisor1", "/api/v1/knowledge/articles/" + id + "/publish", "{}").status()).isEqualTo(409);
        must(OWNER, id, "submit", Map.of());
        assertThat(api.post(OWNER, "/api/v1/knowledge/articles/" + id + "/publish", "{}").status()).isEqualTo(403);
        Api.Response noReason = api.post("supervisor1", "/api/v1/knowledge/articles/" + id + "/reject", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("field")).isEqualTo("reason");
        assertThat(must("supervisor1", id, "reject", Map.of("reason", "请补充收费标准")).text("status")).isEqualTo("DRAFT");
        must(OWNER, id, "submit", Map.of());
        assertThat(must("supervisor1", id, "publish", Map.of("note", "审核通过")).text("status")).isEqualTo("PUBLISHED");

        // the index follows the publication event after commit, on another thread
        List<JsonNode> found = eventually(() -> publicSearch(word), l -> !l.isEmpty());
        assertThat(found).extracting(h -> h.get("id").asLong()).containsExactly(id);
        assertThat(found.get(0).get("passageHtml").asString()).contains("<mark>" + word + "</mark>");

        // a revision is a draft: the published text stays live until the revision is published
        Map<String, Object> revised = article("供暖测试文章修订版 " + word, "2024-01-01", null);
        assertThat(api.send(OWNER, "PUT", "/api/v1/knowledge/articles/" + id, Api.json(revised), "application/json").status()).isEqualTo(200);
        assertThat(api.get(null, "/api/v1/public/knowledge/articles/" + id).text("title")).isEqualTo("供暖测试文章 " + word);
        must(OWNER, id, "submit", Map.of());
        must("supervisor1", id, "publish", Map.of());
        assertThat(api.get(null, "/api/v1/public/knowledge/articles/" + id).text("title")).isEqualTo("供暖测试文章修订版 " + word);
        assertThat(eventually(() -> publicSearch(word), l -> l.get(0).get("title").asString().contains("修订版"))).hasSize(1);

        Api.Response history = api.get(OWNER, "/api/v1/knowledge/articles/" + id + "/history");
        assertThat(history.json().valueStream().map(v -> v.get("action").asString()).toList())
                .containsExactly("create", "submit", "reject", "submit", "publish", "revise", "submit", "publish");
        assertThat(history.json().get(2).get("note").asString()).isEqualTo("请补充收费标准");
        assertThat(history.json().get(5).get("version").asInt()).isEqualTo(2);
        assertThat(api.get("handler-C01", "/api/v1/knowledge/articles/" + id + "/history").status()).isEqualTo(404);

        must(OWNER, id, "retire", Map.of("reason", "政策废止"));
        assertThat(eventually(() -> publicSearch(word), List::isEmpty)).isEmpty();
        assertThat(api.get("agent1", "/api/v1/knowledge/articles/" + id).status()).isEqualTo(404);
    }

    @Test
    void bodiesAreSanitisedAndHandlersWriteOnlyForTheirUnit() {
        Map<String, Object> a = article("安全测试 " + word, "2024-01-01", null);
        a.put("body", "<h2>标题</h2><script>alert(1)</script><p onclick=\"x()\">正文 " + word + "<a href=\"javascript:alert(1)\">链接</a></p>"
                + "<table><tr><td>单元格</td></tr></table>");
        Api.Response created = create(OWNER, a);
        String body = created.text("bodyHtml");
        assertThat(body).contains("<h2>标题</h2>", "<td>单元格</td>").doesNotContain("script", "onclick", "javascript");

        a.put("unitCode", "C01");
        assertThat(api.post(OWNER, "/api/v1/knowledge/articles", Api.json(a)).status()).isEqualTo(403);
        assertThat(api.post("agent1", "/api/v1/knowledge/articles", Api.json(article("x", "2024-01-01", null))).status()).isEqualTo(403);
        Map<String, Object> onlyScript = article("只有脚本", "2024-01-01", null);
        onlyScript.put("body", "<script>alert(1)</script>");
        assertThat(api.post(OWNER, "/api/v1/knowledge/articles", Api.json(onlyScript)).text("field")).isEqualTo("body");
        Map<String, Object> badCategory = article("分类错误", "2024-01-01", null);
        badCategory.put("categoryCodes", List.of("999999"));
        assertThat(api.post(OWNER, "/api/v1/knowledge/articles", Api.json(badCategory)).text("field")).isEqualTo("categoryCodes");
        assertThat(api.post(OWNER, "/api/v1/knowledge/articles", Api.json(article("日期", "2024-05-01", "2024-04-01"))).text("field"))
                .isEqualTo("expiresOn");
        assertThat(api.post(OWNER, "/api/v1/knowledge/articles", "{\"title\":\"x\",\"body\":\"y\",\"effectiveFrom\":\"2024-13-45\"}").status())
                .isEqualTo(400);
    }

    @Test
    void expiredArticlesAreHiddenAndTheirOwnersTold() {
        long id = published(article("过期测试 " + word, "2020-01-01", "2020-12-31"));
        assertThat(publicSearch(word)).isEmpty();
        assertThat(api.get("agent1", "/api/v1/knowledge/articles?q=" + word).json().size()).isZero();
        assertThat(api.get(null, "/api/v1/public/knowledge/articles/" + id).status()).isEqualTo(404);
        assertThat(api.get(OWNER, "/api/v1/knowledge/attention").json().get("expired").valueStream().map(e -> e.get("id").asLong()))
                .contains(id);

        assertThat(consultations.reportExpired()).isGreaterThanOrEqualTo(1);
        assertThat(eventually(() -> inbox(OWNER), l -> l.stream().anyMatch(m -> m.contains("#" + id + "）已于 2020-12-31 到期")))).isNotEmpty();
        assertThat(consultations.reportExpired()).as("each expiry is reported once").isZero();
        assertThat(inbox(OWNER).stream().filter(m -> m.contains("#" + id + "）已于"))).hasSize(1);
    }

    @Test
    void agentAnswersAConsultationWithAnArticleCitedOnTheOrder() {
        long id = published(article("咨询答复测试 " + word, "2024-01-01", null));
        long order = consultation();
        Api.Response answered = api.post("agent1", "/api/v1/knowledge/articles/" + id + "/answer", Api.json(Map.of("orderId", order)));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        JsonNode last = api.get("agent1", "/api/v1/orders/" + order + "/history").json().get(1);
        assertThat(last.get("action").asString()).isEqualTo("answer");
        assertThat(last.get("toState").asString()).isEqualTo("ANSWERED");
        assertThat(last.get("details").get("answer").asString()).contains("知识库 #" + id, "咨询答复测试");
        assertThat(api.get("agent1", "/api/v1/knowledge/articles/" + id).json().get("usageCount").asInt()).isEqualTo(1);

        // a second answer is refused by the order's lifecycle and leaves no use behind
        assertThat(api.post("agent1", "/api/v1/knowledge/articles/" + id + "/answer", Api.json(Map.of("orderId", order))).status())
                .isEqualTo(409);
        assertThat(api.get("agent1", "/api/v1/knowledge/articles/" + id).json().get("usageCount").asInt()).isEqualTo(1);
        assertThat(eventually(() -> publicSearch(word), l -> !l.isEmpty() && l.get(0).get("usageCount").asInt() == 1)).hasSize(1);
    }

    @Test
    void agentsFlagArticlesAndTheOwnerSeesAndResolvesThem() {
        long id = published(article("报告测试 " + word, "2024-01-01", null));
        Api.Response flag = api.post("agent1", "/api/v1/knowledge/articles/" + id + "/flags",
                Api.json(Map.of("reason", "OUTDATED", "note", "收费标准已调整")));
        assertThat(flag.status()).isEqualTo(201);
        assertThat(eventually(() -> inbox(OWNER), l -> l.stream().anyMatch(m -> m.contains("#" + id + "）被 agent1 报告：内容过时")))).isNotEmpty();
        assertThat(api.get(OWNER, "/api/v1/knowledge/attention").json().get("openFlags").valueStream()
                .map(f -> f.get("articleId").asLong())).contains(id);
        assertThat(api.get("handler-C01", "/api/v1/knowledge/attention").json().get("openFlags").valueStream()
                .map(f -> f.get("articleId").asLong())).doesNotContain(id);
        assertThat(api.post("handler-C01", "/api/v1/knowledge/flags/" + flag.id() + "/resolve", "{}").status()).isEqualTo(403);
        assertThat(api.post(OWNER, "/api/v1/knowledge/flags/" + flag.id() + "/resolve", "{}").status()).isEqualTo(204);
        assertThat(api.post(OWNER, "/api/v1/knowledge/flags/" + flag.id() + "/resolve", "{}").status()).isEqualTo(409);
        assertThat(api.post("agent1", "/api/v1/knowledge/articles/" + id + "/flags", Api.json(Map.of("reason", "OTHER"))).text("field"))
                .isEqualTo("note");
    }

    @Test
    void badQueriesAreFourHundredsWithAHint() {
        for (String q : List.of("\"暖气", "(暖气 不热", "AND", "暖气 OR", "NOT", "+", "!!", "暖气 && ||")) {
            Api.Response r = api.get(null, "/api/v1/public/knowledge/articles?q=" + enc(q));
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("type")).endsWith("bad-query");
            assertThat(r.json().get("hint")).isNotNull();
        }
        Api.Response tooLong = api.get("agent1", "/api/v1/knowledge/articles?q=" + enc("暖".repeat(201)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("type")).endsWith("query-too-long");
        // characters of the query syntax callers do not use are plain words, not errors
        for (String q : List.of("1/2", "C:盘", "*", "暖气?", "[暖气]", "{x}", "~", "^", "\\")) {
            assertThat(api.get(null, "/api/v1/public/knowledge/articles?q=" + enc(q)).status()).as(q).isEqualTo(200);
        }
        assertThat(api.get(null, "/api/v1/public/knowledge/articles?category=abc").text("field")).isEqualTo("category");
        assertThat(api.get(null, "/api/v1/public/knowledge/articles?limit=0").text("field")).isEqualTo("limit");
        assertThat(api.get(null, "/api/v1/public/knowledge/articles/abc").status()).isEqualTo(400);
        assertThat(api.get(null, "/portal/knowledge?q=" + enc("\"暖气")).status()).isEqualTo(400);
    }

    @Test
    void publicSurfacesNeedNoLoginAndInternalOnesDo() {
        assertThat(api.get(null, "/api/v1/public/knowledge/articles?q=" + enc("暖气不热")).json().get(0).get("title").asString())
                .isEqualTo("暖气不热（室温不达标）如何投诉");
        assertThat(api.get(null, "/api/v1/knowledge/articles?q=" + enc("暖气")).status()).isEqualTo(401);
        Api.Response page = api.send(null, "GET", "/portal/knowledge?q=" + enc("居住证"), null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("居住证办理条件与材料", "<mark>");
        assertThat(api.send(null, "GET", "/portal/knowledge?lang=en", null, null).body()).contains("Public knowledge base");
        Api.Response fragment = api.send("agent1", "GET", "/knowledge/assist?orderId=1&q=" + enc("公积金怎么取"), null, null);
        assertThat(fragment.contentType()).startsWith("text/html");
        assertThat(fragment.body()).contains("住房公积金提取条件与办理", "<mark>", "/knowledge/assist/answer", "_csrf");
    }

    @Test
    void onlyAdminsRebuildTheIndexAndItMatchesTheDatabase() {
        long id = published(article("重建测试 " + word, "2024-01-01", null));
        assertThat(api.post("supervisor1", "/api/v1/knowledge/index/rebuild", "{}").status()).isEqualTo(403);
        Api.Response rebuilt = api.post("admin", "/api/v1/knowledge/index/rebuild", "{}");
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.json().get("indexed").asInt()).isGreaterThan(100);
        assertThat(publicSearch(word)).extracting(h -> h.get("id").asLong()).containsExactly(id);
    }

    /** Polls for up to ten seconds until the condition holds, then returns the last value (asserted by the caller). */
    private static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        T value = read.get();
        for (int i = 0; i < 100 && !done.test(value); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.get();
        }
        return value;
    }

    private long published(Map<String, Object> article) {
        long id = create(OWNER, article).id();
        must(OWNER, id, "submit", Map.of());
        must("supervisor1", id, "publish", Map.of());
        return id;
    }

    private Api.Response create(String user, Map<String, Object> article) {
        Api.Response r = api.post(user, "/api/v1/knowledge/articles", Api.json(article));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private Api.Response must(String user, long id, String step, Map<String, ?> body) {
        Api.Response r = api.post(user, "/api/v1/knowledge/articles/" + id + "/" + step, Api.json(body));
        assertThat(r.status()).as(step + " " + r).isEqualTo(200);
        return r;
    }

    private Map<String, Object> article(String title, String from, String to) {
        Map<String, Object> a = new HashMap<>();
        a.put("title", title);
        a.put("body", "<h3>" + title + "</h3><p>本文说明 " + word + " 的办理流程。</p><ul><li>第一步</li></ul>");
        a.put("categoryCodes", List.of("0103"));
        a.put("keywords", "测试");
        a.put("synonyms", "");
        a.put("effectiveFrom", from);
        if (to != null) a.put("expiresOn", to);
        return a;
    }

    private long consultation() {
        Api.Response r = api.post("agent1", "/api/v1/orders", Api.json(Map.of("channel", "PHONE", "requestType", "CONSULTATION",
                "title", "供暖咨询", "description", "问供暖费标准", "requester", Map.of("name", "王女士", "phone", "13900001111"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private List<JsonNode> publicSearch(String q) {
        Api.Response r = api.get(null, "/api/v1/public/knowledge/articles?q=" + enc(q));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().valueStream().toList();
    }

    private List<String> inbox(String user) {
        return api.get(user, "/api/v1/notifications?limit=200").json().valueStream().map(n -> n.get("message").asString()).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
