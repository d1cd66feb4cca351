package io.swiftresponse.evaluation;

import static io.swiftresponse.evaluation.Handled.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Scores from real orders through the API, with hand-computed expectations. Each test uses units no other test
 * touches (the database is shared by every integration test of the run), and waits for the events to apply.
 */
@IntegrationTest
class EvaluationIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Handled handled;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        handled = new Handled(api);
    }

    @Test
    void streetResultsCountForTheStreetAndItsDistrictWithTheDefaultFormulas() {
        String street = "110116001";
        long a = handled.awaitingCallback(street, List.of());
        handled.callback(a, true, "YES", "SATISFIED");
        long b = handled.awaitingCallback(street, List.of());
        handled.callback(b, true, "PARTLY", "BASICALLY_SATISFIED");
        long c = handled.awaitingCallback(street, List.of());
        handled.callback(c, false, "NO", "DISSATISFIED");
        long d = handled.awaitingCallback(street, List.of());
        handled.unreached(d); // an unreached attempt first, then a reached one: only the reached one counts
        handled.callback(d, true, "YES", "BASICALLY_SATISFIED");
        long e = handled.awaitingCallback(street, List.of());
        handled.unreached(e); // never reached: not a valid callback
        handled.orders.must("agent1", a, "close", Map.of());

        await("4 valid callbacks for the street", () -> handled.counted(street, "asLeadUnit") == 4);
        JsonNode s = handled.unit(street).path("entry");
        // valid 4, contacted 3, YES 2, PARTLY 1, satisfied 1, basically 2
        assertThat(s.path("contacted").asLong()).isEqualTo(3);
        assertThat(s.path("solved").asLong()).isEqualTo(2);
        assertThat(s.path("partlySolved").asLong()).isEqualTo(1);
        assertThat(s.path("satisfied").asLong()).isEqualTo(1);
        assertThat(s.path("basicallySatisfied").asLong()).isEqualTo(2);
        assertThat(s.path("responseRate").decimalValue()).isEqualByComparingTo("0.7500");
        assertThat(s.path("resolutionRate").decimalValue()).isEqualByComparingTo("0.6250");
        assertThat(s.path("satisfactionRate").decimalValue()).isEqualByComparingTo("0.7000");
        assertThat(s.path("composite").decimalValue()).isEqualByComparingTo("0.6675");
        assertThat(s.path("grade").asString()).isEqualTo("不合格");
        // every order replied within its 24 h utility limit
        assertThat(s.path("timelinessRate").decimalValue()).isEqualByComparingTo("1.0000");

        JsonNode district = handled.unit("110116");
        assertThat(district.path("countsByAttribution").path("viaItsStreets").path("valid").asLong()).isEqualTo(4);
        assertThat(district.path("countedAttributions").toString()).contains("viaItsStreets");
        assertThat(district.path("entry").path("composite").decimalValue()).isEqualByComparingTo("0.6675");
        assertThat(district.path("explanation").toString()).contains("responseRate = contacted / valid = 3 / 4 = 0.7500");

        JsonNode ranking = api.get("analyst1", "/api/v1/evaluation/rankings?class=STREET&period=" + Handled.thisMonth()).json();
        JsonNode row = find(ranking, street);
        assertThat(row.path("composite").decimalValue()).isEqualByComparingTo("0.6675");
        assertThat(row.path("rank").asInt()).isPositive();
        assertThat(row.path("rankChange").isNull()).isTrue(); // not ranked last month
    }

    @Test
    void aReopenedOrderCountsAgainOnlyWithItsNewRoundsCallback() {
        String street = "110117001";
        long id = handled.awaitingCallback(street, List.of());
        handled.callback(id, true, "NO", "DISSATISFIED");
        await("the unsolved result", () -> handled.counted(street, "asLeadUnit") == 1);
        handled.orders.must("agent1", id, "reopen", Map.of("reason", "未解决，重办"));
        await("the reopened order leaves the scores", () -> handled.counted(street, "asLeadUnit") == 0);
        handled.orders.must("dispatcher1", id, "dispatch", Map.of("leadUnitCode", street));
        handled.handle(id, street);
        handled.callback(id, true, "YES", "SATISFIED");
        await("the new round's result", () -> handled.counted(street, "asLeadUnit") == 1);
        JsonNode s = handled.unit(street).path("entry");
        assertThat(s.path("solved").asLong()).isEqualTo(1);
        assertThat(s.path("composite").decimalValue()).isEqualByComparingTo("1.0000");
        assertThat(s.path("grade").asString()).isEqualTo("优秀");
    }

    @Test
    void coUnitsCountOnlyOnceARuleSetSaysSo() {
        long id = handled.awaitingCallback("D37", List.of("C07"));
        handled.callback(id, true, "YES", "SATISFIED");
        await("the co-unit's counter", () -> handled.counted("C07", "asCoUnit") == 1);
        String month = Handled.thisMonth();
        assertThat(find(api.get("supervisor1", "/api/v1/evaluation/rankings?class=COMPANY&period=" + month).json(), "C07")).isNull();

        String rules = Api.json(Map.ofEntries(
                Map.entry("effectiveFrom", YearMonth.now(Handled.CITY).atDay(1).toString()), Map.entry("partlySolvedWeight", 0.5),
                Map.entry("basicallySatisfiedWeight", 0.9), Map.entry("responseWeight", 0.1), Map.entry("resolutionWeight", 0.5),
                Map.entry("satisfactionWeight", 0.4), Map.entry("countCoUnits", true), Map.entry("streetCountsForDistrict", true),
                Map.entry("gradeBands", List.of(Map.of("grade", "优秀", "min", 0.95), Map.of("grade", "良好", "min", 0.90),
                        Map.of("grade", "合格", "min", 0.80))),
                Map.entry("governanceVolumeTop", 30), Map.entry("governanceScoreBottom", 30), Map.entry("note", "co-units count")));
        Api.Response created = api.post("admin", "/api/v1/evaluation/rules", rules);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode c07 = find(api.get("supervisor1", "/api/v1/evaluation/rankings?class=COMPANY&period=" + month).json(), "C07");
        assertThat(c07.path("valid").asLong()).isEqualTo(1);
        assertThat(c07.path("composite").decimalValue()).isEqualByComparingTo("1.0000");
        // a rule set is never edited: the same effective date again is a conflict; a handler may not add one
        assertThat(api.post("admin", "/api/v1/evaluation/rules", rules).status()).isEqualTo(409);
        assertThat(api.post("handler-D37", "/api/v1/evaluation/rules", "{}").status()).isEqualTo(403);
        assertThat(api.get("agent1", "/api/v1/evaluation/rules").json().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anAcceptedAppealExcludesTheOrderAndARejectedOneDoesNot() {
        String street = "110118001";
        long kept = handled.awaitingCallback(street, List.of());
        handled.callback(kept, false, "NO", "DISSATISFIED");
        long excluded = handled.awaitingCallback(street, List.of());
        handled.callback(excluded, false, "NO", "DISSATISFIED");
        await("two results", () -> handled.counted(street, "asLeadUnit") == 2);
        String h = "handler-" + street;

        assertThat(api.post("handler-110118002", "/api/v1/evaluation/appeals", appeal(kept)).status()).isEqualTo(403);
        assertThat(api.post("agent1", "/api/v1/evaluation/appeals", appeal(kept)).status()).isEqualTo(403);
        Api.Response first = api.post(h, "/api/v1/evaluation/appeals", appeal(kept));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("PENDING");
        assertThat(api.post(h, "/api/v1/evaluation/appeals", appeal(kept)).status()).isEqualTo(409);
        assertThat(api.post(h, "/api/v1/evaluation/appeals/" + first.id() + "/reject", "{\"note\":\"x\"}").status()).isEqualTo(403);
        Api.Response rejected = api.post("supervisor1", "/api/v1/evaluation/appeals/" + first.id() + "/reject",
                "{\"note\":\"录音显示未联系\"}");
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(api.post("supervisor1", "/api/v1/evaluation/appeals/" + first.id() + "/accept", "{\"note\":\"改判\"}").status())
                .isEqualTo(409);

        long second = api.post(h, "/api/v1/evaluation/appeals", appeal(excluded)).id();
        Api.Response accepted = api.post("supervisor1", "/api/v1/evaluation/appeals/" + second + "/accept",
                "{\"note\":\"诉求人恶意差评，证据属实\"}");
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
        // the accepted appeal applies in its own transaction: no waiting
        assertThat(handled.counted(street, "asLeadUnit")).isEqualTo(1);
        assertThat(handled.counted("110118", "viaItsStreets")).isEqualTo(1);
        JsonNode audit = api.get("supervisor1", "/api/v1/evaluation/orders/" + excluded).json();
        assertThat(audit.path("exclusions").get(0).path("kind").asString()).isEqualTo("APPEAL");
        assertThat(audit.path("appeals").get(0).path("decidedBy").asString()).isEqualTo("supervisor1");
        JsonNode mine = api.get(h, "/api/v1/evaluation/appeals").json();
        assertThat(mine.size()).isEqualTo(2);
        assertThat(api.get("handler-110118002", "/api/v1/evaluation/appeals/" + second).status()).isEqualTo(404);
        assertThat(api.get("supervisor1", "/api/v1/evaluation/appeals?status=ACCEPTED").body()).contains("\"id\":" + second);
        assertThat(api.get("supervisor1", "/api/v1/evaluation/appeals?status=maybe").status()).isEqualTo(400);
        assertThat(api.post(h, "/api/v1/evaluation/appeals", "{\"orderId\":" + kept + ",\"reason\":\"\"}").status()).isEqualTo(400);
    }

    @Test
    void anOrderDeclaredInvalidNeverCounts() {
        String street = "110119001";
        long id = handled.awaitingCallback(street, List.of());
        handled.callback(id, true, "YES", "SATISFIED");
        await("the result", () -> handled.counted(street, "asLeadUnit") == 1);
        String body = "{\"reason\":\"重复诉求，无新情况\"}";
        assertThat(api.post("handler-" + street, "/api/v1/evaluation/orders/" + id + "/invalid", body).status()).isEqualTo(403);
        assertThat(api.post("supervisor1", "/api/v1/evaluation/orders/" + id + "/invalid", body).status()).isEqualTo(200);
        assertThat(api.post("supervisor1", "/api/v1/evaluation/orders/" + id + "/invalid", body).status()).isEqualTo(409);
        assertThat(api.post("supervisor1", "/api/v1/evaluation/orders/999999999/invalid", body).status()).isEqualTo(404);
        assertThat(handled.counted(street, "asLeadUnit")).isZero();
        // a later callback does not bring it back
        handled.callback(id, true, "YES", "SATISFIED");
        handled.orders.must("agent1", id, "close", Map.of());
        assertThat(find(api.get("supervisor1", "/api/v1/evaluation/rankings?class=STREET&period=" + Handled.thisMonth()).json(),
                street)).isNull();
    }

    private static String appeal(long orderId) {
        return Api.json(Map.of("orderId", orderId, "reason", "诉求人反映的问题不属实", "evidence", "现场照片与处置记录编号 2026-001"));
    }

    static JsonNode find(JsonNode ranking, String unitCode) {
        for (JsonNode n : ranking) {
            if (n.path("unitCode").asString().equals(unitCode)) return n;
        }
        return null;
    }
}
