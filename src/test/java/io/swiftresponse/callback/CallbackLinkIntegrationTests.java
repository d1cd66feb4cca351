package io.swiftresponse.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.ApiTests;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Citizens' answer links over real HTTP: issued by an agent, opened and answered by a browser without login. */
@IntegrationTest
class CallbackLinkIntegrationTests extends ApiTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LinkStore store;

    /** A citizen's phone browser: keeps its session cookie, sends the form's CSRF token back. */
    final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf;

        HttpResponse<String> get(String path) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) csrf = m.group(1);
            return r;
        }

        HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf) {
            Map<String, String> all = new LinkedHashMap<>(form);
            if (withCsrf) all.put("_csrf", csrf);
            String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private URI uri(String path) {
            return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder b) {
            try {
                // what a phone's browser accepts: pages, so errors come as the HTML error page too
                return http.send(b.timeout(Duration.ofSeconds(30)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private JsonNode issue(long id) {
        Api.Response r = api.post("agent1", "/api/v1/callbacks/" + id + "/links", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static String path(JsonNode link) {
        return "/portal/callback/" + link.path("token").asString();
    }

    private static Map<String, String> answers(String contacted, String solved, String satisfaction, String comment) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("contacted", contacted);
        m.put("solved", solved);
        m.put("satisfaction", satisfaction);
        m.put("comment", comment);
        return m;
    }

    @Test
    void theRequesterAnswersOnceWithoutLoggingIn() {
        long id = orders.inState("AWAITING_CALLBACK");
        String number = api.get("agent1", "/api/v1/orders/" + id).text("number");
        JsonNode link = issue(id);
        assertThat(link.path("url").asString()).startsWith("http://localhost:" + port + "/portal/callback/" + id + ".0.");
        assertThat(Instant.parse(link.path("expiresAt").asString()))
                .isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(300), Instant.now().plus(Duration.ofDays(7)).plusSeconds(5));

        Browser phone = new Browser();
        HttpResponse<String> page = phone.get(link.path("url").asString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(number).contains("回访").contains("暖气不热").contains("东华门街道")
                .doesNotContain("13812345678").doesNotContain("张先生").doesNotContain("3号楼").doesNotContain("十五度");
        assertThat(phone.csrf).isNotBlank();
        assertThat(phone.get(path(link) + "?lang=en").body()).contains("Has your request been solved?");

        HttpResponse<String> done = phone.post(path(link), answers("true", "YES", "SATISFIED", "<b>谢谢</b><script>alert(1)</script>"), true);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("感谢").contains("&lt;b&gt;谢谢&lt;/b&gt;").doesNotContain("<script>alert(1)");

        JsonNode order = api.get("agent1", "/api/v1/orders/" + id).json();
        assertThat(order.path("lastCallback").path("recordedBy").asString()).isEqualTo("citizen-link");
        assertThat(order.path("lastCallback").path("solved").asString()).isEqualTo("YES");
        assertThat(order.path("lastCallback").path("note").asString()).isEqualTo("<b>谢谢</b><script>alert(1)</script>");
        JsonNode history = api.get("supervisor1", "/api/v1/orders/" + id + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("action").asString()).isEqualTo("record-callback");
        assertThat(last.path("actor").asString()).isEqualTo("citizen-link");
        assertThat(last.path("role").asString()).isEqualTo("REQUESTER");

        // once only: neither the same browser nor another one can answer again
        HttpResponse<String> again = phone.post(path(link), answers("false", "NO", "DISSATISFIED", ""), true);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("已使用");
        assertThat(new Browser().get(path(link)).statusCode()).isEqualTo(409);
        assertThat(api.get("agent1", "/api/v1/orders/" + id).json().path("lastCallback").path("solved").asString()).isEqualTo("YES");
    }

    @Test
    void anUnsolvedAnswerReHandlesTheOrderByTheSameUnit() {
        long id = orders.inState("AWAITING_CALLBACK");
        JsonNode link = issue(id);
        Browser phone = new Browser();
        phone.get(path(link));
        assertThat(phone.post(path(link), answers("false", "NO", "DISSATISFIED", "没人来修"), true).statusCode()).isEqualTo(200);
        JsonNode order = api.get("agent1", "/api/v1/orders/" + id).json();
        assertThat(order.path("state").asString()).isEqualTo("DISPATCHED");
        assertThat(order.path("leadUnitCode").asString()).isEqualTo(Orders.STREET);
        assertThat(order.path("reopenCount").asInt()).isEqualTo(1);
    }

    @Test
    void aLinkOfAnEarlierRoundCannotAnswerTheNextOne() {
        long id = orders.inState("AWAITING_CALLBACK");
        JsonNode link = issue(id);
        orders.must("agent1", id, "rehandle", Map.of("reason", "复核"));
        String h = Orders.handler(Orders.STREET);
        orders.must(h, id, "sign", Map.of());
        orders.must(h, id, "contact", Map.of("note", "再次联系"));
        orders.must(h, id, "reply", Map.of("text", "已处理"));
        orders.must("dispatcher1", id, "approve-reply", Map.of());
        Browser phone = new Browser();
        assertThat(phone.get(path(link)).statusCode()).isEqualTo(409);
        assertThat(issue(id).path("round").asInt()).isEqualTo(1);
    }

    @Test
    void anotherOrderOrATamperedTokenFindsNothing() {
        long id = orders.inState("AWAITING_CALLBACK");
        long other = orders.inState("AWAITING_CALLBACK");
        String token = issue(id).path("token").asString();
        String elsewhere = other + token.substring(token.indexOf('.'));
        Browser phone = new Browser();
        HttpResponse<String> r = phone.get("/portal/callback/" + elsewhere);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("链接无效").doesNotContain(api.get("agent1", "/api/v1/orders/" + other).text("number"));
        String flipped = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(phone.get("/portal/callback/" + flipped).statusCode()).isEqualTo(404);
        assertThat(phone.get("/portal/callback/not-a-token").statusCode()).isEqualTo(404);
        assertThat(phone.get("/portal/callback/" + "9".repeat(500)).statusCode()).isEqualTo(404);
        // without the form's CSRF token the security filter refuses first
        assertThat(phone.post("/portal/callback/" + elsewhere, answers("true", "YES", "SATISFIED", ""), false).statusCode())
                .isEqualTo(403);
        assertThat(api.get("agent1", "/api/v1/orders/" + other).json().path("lastCallback").isNull()).isTrue();
    }

    @Test
    void anExpiredLinkSaysSoWith410() {
        long id = orders.inState("AWAITING_CALLBACK");
        Instant past = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = new LinkSigner(store.key(), Clock.fixed(past.minus(Duration.ofDays(7)), ZoneOffset.UTC))
                .sign(id, 0, past, LinkStore.nonce());
        Browser phone = new Browser();
        HttpResponse<String> r = phone.get("/portal/callback/" + token);
        assertThat(r.statusCode()).isEqualTo(410);
        assertThat(r.body()).contains("链接已过期");
        assertThat(phone.get("/portal/callback/" + token + "?lang=en").body()).contains("This link has expired");
    }

    @Test
    void theFormNeedsItsCsrfTokenAndAllThreeAnswers() {
        long id = orders.inState("AWAITING_CALLBACK");
        JsonNode link = issue(id);
        Browser phone = new Browser();
        phone.get(path(link));
        // refused by the security filter with the 403 page that says the form may have expired; nothing recorded
        HttpResponse<String> refused = phone.post(path(link), answers("true", "YES", "SATISFIED", ""), false);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("表单已过期").doesNotContain("Exception");
        assertThat(api.get("agent1", "/api/v1/orders/" + id).json().path("lastCallback").isNull()).isTrue();
        Map<String, String> incomplete = answers("true", "YES", "SATISFIED", "");
        incomplete.remove("satisfaction");
        HttpResponse<String> r = phone.post(path(link), incomplete, true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("请回答以上三个问题");
        assertThat(phone.post(path(link), answers("maybe", "YES", "SATISFIED", ""), true).statusCode()).isEqualTo(400);
        assertThat(phone.post(path(link), answers("true", "YES", "SATISFIED", "长".repeat(2001)), true).statusCode()).isEqualTo(400);
        assertThat(api.get("agent1", "/api/v1/orders/" + id).json().path("lastCallback").isNull()).isTrue();
        // the link is still good after refused attempts
        assertThat(phone.post(path(link), answers("true", "PARTLY", "BASICALLY_SATISFIED", ""), true).statusCode()).isEqualTo(200);
    }

    @Test
    void linksAreIssuedOnlyForOrdersAwaitingCallbackByHotlineRoles() {
        long inProgress = orders.inState("IN_PROGRESS");
        Api.Response r = api.post("agent1", "/api/v1/callbacks/" + inProgress + "/links", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("type")).endsWith("/not-awaiting-callback");
        assertThat(api.post("agent1", "/api/v1/callbacks/" + Long.MAX_VALUE + "/links", null).status()).isEqualTo(404);
        long id = orders.inState("AWAITING_CALLBACK");
        assertThat(api.post(Orders.handler(Orders.STREET), "/api/v1/callbacks/" + id + "/links", null).status()).isEqualTo(403);
        assertThat(api.post("analyst1", "/api/v1/callbacks/" + id + "/links", null).status()).isEqualTo(403);
        assertThat(api.post(null, "/api/v1/callbacks/" + id + "/links", null).status()).isEqualTo(401);
        long issued = jdbc.sql("select count(*) from callback_link where order_id = ?").param(id).query(Long.class).single();
        assertThat(issued).isZero();
    }
}
