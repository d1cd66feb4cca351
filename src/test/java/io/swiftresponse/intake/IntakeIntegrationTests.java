package io.swiftresponse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.intake.place.Gazetteer;
import io.swiftresponse.intake.place.GazetteerEntry;
import io.swiftresponse.support.Api;
import io.swiftresponse.support.ApiTests;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The intake endpoints over HTTP: keyword fallback, bad input, places, repeats, merge, feedback, retraining. */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeIntegrationTests extends ApiTests {

    static final String SUGGEST = "/api/v1/intake/suggestions";

    @Autowired
    Directory directory;

    @Test
    @Order(1)
    void withoutAModelSuggestionsComeFromCatalogueKeywordsAndSayUnsure() {
        assertThat(api.get("agent1", "/api/v1/intake/model").text("status")).isEqualTo("NO_MODEL");
        JsonNode s = suggest(Map.of("text", "家里暖气不热，温度只有十五度", "location", Map.of("address", "东城区东华门东里社区3号楼"))).json();
        assertThat(s.path("unsure").asBoolean()).isTrue();
        assertThat(s.path("model").path("source").asString()).isEqualTo("keywords");
        JsonNode top = s.path("categories").get(0);
        assertThat(top.path("code").asString()).isEqualTo("010101");
        assertThat(top.path("keywords").toString()).contains("暖气不热");
        // 不供暖 goes to the heating company by the catalogue, whatever the street
        assertThat(top.path("unit").path("code").asString()).isEqualTo("C04");
        assertThat(s.path("place").path("streetCode").asString()).isEqualTo("110101001");
    }

    @Test
    @Order(2)
    void badTextIsA400OrUnsureNeverA500() {
        assertThat(suggest(Map.of("text", "   ")).status()).isEqualTo(400);
        assertThat(suggest(Map.of()).status()).isEqualTo(400);
        Api.Response huge = suggest(Map.of("text", "暖".repeat(2001)));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.text("detail")).contains("2001").contains("2000");
        assertThat(suggest(Map.of("text", "暖气\u0001不热")).status()).isEqualTo(400);
        assertThat(suggest(Map.of("text", "暖气\uFFFD\uFFFD不热")).status()).isEqualTo(400);
        assertThat(api.post("agent1", SUGGEST, "{\"text\": [\"暖气\"]}").status()).isEqualTo(400);
        assertThat(api.post("agent1", SUGGEST, "not json").status()).isEqualTo(400);
        Api.Response mixed = suggest(Map.of("text", "Привет привет привет 暖气"));
        assertThat(mixed.status()).isEqualTo(200);
        assertThat(mixed.json().path("unsure").asBoolean()).isTrue();
        assertThat(mixed.text("unsureReason")).contains("Chinese");
        assertThat(suggest(Map.of("text", "暖气不热", "location", Map.of("lat", 40.0))).status()).isEqualTo(400);
        assertThat(suggest(Map.of("text", "暖气不热", "phone", "<script>")).status()).isEqualTo(400);
        assertThat(api.post("handler-110101001", SUGGEST, Api.json(Map.of("text", "暖气不热"))).status()).isEqualTo(403);
        assertThat(api.post(null, SUGGEST, Api.json(Map.of("text", "暖气不热"))).status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void everyGazetteerPointLiesInsideItsStreetsPolygon() {
        Map<String, String> districts = new LinkedHashMap<>();
        List<GazetteerEntry> entries = Gazetteer.fromResource("/demo/gazetteer.csv", districts).entries();
        assertThat(entries).hasSizeGreaterThan(1300);
        for (GazetteerEntry e : entries) {
            assertThat(directory.locate(e.point())).as(e.name()).map(u -> u.code()).contains(e.streetCode());
        }
    }

    @Test
    @Order(4)
    void placesAnswerResolvedAmbiguousOrUnknown() {
        assertThat(place("address=" + enc("王府井步行街东口")).text("streetCode")).isEqualTo("110101001");
        Api.Response ambiguous = place("address=" + enc("八里庄路10号"));
        assertThat(ambiguous.text("status")).isEqualTo("AMBIGUOUS");
        assertThat(ambiguous.json().path("candidates")).hasSize(2);
        assertThat(place("address=" + enc("火星基地")).text("status")).isEqualTo("UNKNOWN");
        var p = directory.interiorPoint("110108010").orElseThrow();
        assertThat(place("lat=" + p.lat() + "&lng=" + p.lng()).text("streetName")).isEqualTo("中关村街道");
        assertThat(place("lat=1&lng=1").text("status")).isEqualTo("UNKNOWN");
        assertThat(place("lat=abc&lng=1").status()).isEqualTo(400);
        assertThat(place("address=" + enc("x".repeat(201))).status()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void repeatsBySameCallerAndBySamePlaceThenMergeTellsTheProgress() {
        long first = record("13700001111", "路灯不亮", "东华门西里社区5号楼门前的路灯连续三天晚上不亮，走路看不见");
        orders.must("dispatcher1", first, "dispatch", Map.of("leadUnitCode", Orders.STREET));

        JsonNode byPhone = suggest(Map.of("text", "暖气漏水", "phone", "137-0000-1111")).json();
        JsonNode candidate = find(byPhone.path("repeats").path("candidates"), first);
        assertThat(candidate).as(byPhone.toString()).isNotNull();
        assertThat(candidate.path("reasons").toString()).contains("SAME_PHONE");

        JsonNode byPlace = suggest(Map.of("text", "东华门西里社区5号楼门前路灯连续三天晚上都不亮",
                "location", Map.of("address", "东华门西里社区"))).json();
        JsonNode same = find(byPlace.path("repeats").path("candidates"), first);
        assertThat(same).as(byPlace.toString()).isNotNull();
        assertThat(same.path("reasons").toString()).contains("SAME_STREET").contains("SIMILAR_TEXT");
        assertThat(same.path("state").asString()).isEqualTo("DISPATCHED");

        long second = record("13900002222", "路灯不亮", "东华门西里社区5号楼路灯不亮");
        Api.Response merged = api.post("agent1", "/api/v1/intake/merges", Api.json(Map.of("orderId", second, "primaryOrderId", first)));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        String number = api.get("agent1", "/api/v1/orders/" + first).text("number");
        assertThat(merged.json().path("order").path("state").asString()).isEqualTo("MERGED");
        assertThat(merged.text("tellRequester")).contains(number).contains("已派单").contains("东华门街道");
        String history = api.get("agent1", "/api/v1/orders/" + second + "/history").body();
        assertThat(history).contains("\"action\":\"merge\"").contains(number);
        // a merged order is no longer offered as a repeat
        JsonNode after = suggest(Map.of("text", "路灯不亮", "phone", "13900002222")).json();
        assertThat(find(after.path("repeats").path("candidates"), second)).isNull();
        assertThat(api.post("agent1", "/api/v1/intake/merges", Api.json(Map.of("orderId", second))).status()).isEqualTo(400);
    }

    @Test
    @Order(6)
    void feedbackIsStoredOnceAndCountedInTheAccuracyView() {
        String id = suggest(Map.of("text", "家里暖气不热")).text("id");
        Api.Response fb = api.post("agent1", "/api/v1/intake/feedback",
                Api.json(Map.of("suggestionId", id, "categoryCode", "010102", "unitCode", "C04")));
        assertThat(fb.status()).as(fb.toString()).isEqualTo(200);
        assertThat(fb.json().path("categoryAccepted").asBoolean()).isFalse();
        assertThat(fb.json().path("suggestedCategory").asString()).isEqualTo("010101");
        assertThat(api.post("agent1", "/api/v1/intake/feedback", Api.json(Map.of("suggestionId", id, "categoryCode", "010102")))
                .status()).isEqualTo(409);
        String accepted = suggest(Map.of("text", "家里暖气不热")).text("id");
        assertThat(api.post("agent1", "/api/v1/intake/feedback", Api.json(Map.of("suggestionId", accepted, "categoryCode", "010101")))
                .json().path("categoryAccepted").asBoolean()).isTrue();
        assertThat(api.post("agent1", "/api/v1/intake/feedback", Api.json(Map.of("suggestionId", "nope"))).status()).isEqualTo(400);
        assertThat(api.post("agent1", "/api/v1/intake/feedback",
                Api.json(Map.of("suggestionId", "00000000-0000-0000-0000-000000000000", "categoryCode", "010101"))).status())
                .isEqualTo(404);
        assertThat(api.post("agent1", "/api/v1/intake/feedback", Api.json(Map.of("suggestionId", id, "categoryCode", "01")))
                .status()).isEqualTo(400);

        JsonNode report = api.get("supervisor1", "/api/v1/intake/accuracy?weeks=4").json();
        // every week of the period is there, the ones without feedback with total 0; this week last
        assertThat(report.path("weeks").size()).isEqualTo(4);
        assertThat(report.path("weeks").get(0).path("key").asString()).isEqualTo(report.path("from").asString());
        JsonNode week = report.path("weeks").get(report.path("weeks").size() - 1);
        assertThat(week.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(week.path("accepted").asLong()).isGreaterThanOrEqualTo(1);
        long sum = 0;
        for (JsonNode w : report.path("weeks")) sum += w.path("total").asLong();
        assertThat(report.path("overall").path("total").asLong()).isEqualTo(sum);
        assertThat(report.path("categories").toString()).contains("010102").contains("温度不达标");
        assertThat(api.get("agent1", "/api/v1/intake/accuracy").status()).isEqualTo(403);
        assertThat(api.get("supervisor1", "/api/v1/intake/accuracy?weeks=0").status()).isEqualTo(400);
        // the dashboard card shows the same numbers; other roles and other periods get the alert fragment
        Api.Response panel = api.get("supervisor1", "/intake/accuracy/panel?weeks=4");
        assertThat(panel.status()).as(panel.body()).isEqualTo(200);
        assertThat(panel.body()).contains("id=\"acc-categories\"").contains("data-category=\"010102\"").contains("温度不达标")
                .contains("id=\"acc-model\"").contains("id=\"acc-summary\"");
        assertThat(api.get("agent1", "/intake/accuracy/panel").status()).isEqualTo(403);
        Api.Response badPeriod = api.get("supervisor1", "/intake/accuracy/panel?weeks=7");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("weeks: one of [4, 12, 26, 52]");
    }

    @Test
    @Order(7)
    void retrainingOnDemandSwapsInAModelThatLearnedFromTheFeedback() throws InterruptedException {
        assertThat(api.post("agent1", "/api/v1/intake/model/retrain", null).status()).isEqualTo(403);
        Api.Response started = api.post("admin", "/api/v1/intake/model/retrain", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("training").asBoolean()).isTrue();
        Api.Response r = api.get("admin", "/api/v1/intake/model");
        for (int i = 0; i < 600 && (r.json().path("training").asBoolean() || !"READY".equals(r.text("status"))); i++) {
            Thread.sleep(500);
            r = api.get("admin", "/api/v1/intake/model");
        }
        assertThat(r.text("status")).as(r.toString()).isEqualTo("READY");
        assertThat(r.json().path("sources").path("feedback").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(r.json().path("labels").asInt()).isEqualTo(407);
        JsonNode s = suggest(Map.of("text", "小区门口井盖丢了，晚上很危险")).json();
        assertThat(s.path("model").path("source").asString()).isEqualTo("model");
        JsonNode top = s.path("categories").get(0);
        assertThat(top.path("code").asString()).isEqualTo("080302");
        assertThat(top.path("words").toString()).contains("井盖");
        assertThat(top.path("unit").path("code").isNull()).isTrue();
        assertThat(top.path("unit").path("place").asString()).contains("address");
    }

    private long record(String phone, String title, String description) {
        Api.Response r = api.post("agent1", "/api/v1/orders", Api.json(Map.of("channel", "PHONE", "requestType", "COMPLAINT",
                "categoryCode", "080301", "title", title, "description", description,
                "requester", Map.of("name", "李女士", "phone", phone, "confidential", false),
                "location", Map.of("address", "东华门西里社区5号楼", "streetCode", Orders.STREET))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private Api.Response suggest(Map<String, ?> body) {
        return api.post("agent1", SUGGEST, Api.json(body));
    }

    private Api.Response place(String query) {
        return api.get("agent1", "/api/v1/intake/places?" + query);
    }

    private static JsonNode find(JsonNode candidates, long id) {
        for (JsonNode c : candidates) if (c.path("orderId").asLong() == id) return c;
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
