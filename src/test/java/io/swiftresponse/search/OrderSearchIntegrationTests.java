package io.swiftresponse.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.search.index.IndexableOrder;
import io.swiftresponse.search.index.OrderIndex;
import io.swiftresponse.search.index.OrderProjection;
import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Order search over HTTP on the real database: orders become findable right after they are recorded or
 * acted on, within the viewer's scope and masking; bad input is a 400 with a hint; the index catches up and
 * rebuilds from the database. Every test tags its orders with its own made-up Latin word, so orders of other
 * tests sharing the database never match.
 */
@IntegrationTest
class OrderSearchIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    OrderProjection projection;
    @Autowired
    OrderIndex index;

    Api api;
    Orders orders;
    String tag;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        orders = new Orders(api);
        Random random = new Random();
        StringBuilder b = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        tag = b.toString();
    }

    long record(String title, String description, String category, String street) {
        Api.Response r = api.post("agent1", "/api/v1/orders", Api.json(Map.of(
                "channel", "PHONE", "requestType", "COMPLAINT", "categoryCode", category,
                "title", title, "description", description + " " + tag,
                "requester", Map.of("name", "欧阳明", "phone", "13812345678"),
                "location", Map.of("address", "某小区3号楼", "streetCode", street))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    Api.Response search(String user, String query) {
        return api.get(user, "/api/v1/orders/search?" + query);
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    List<Long> ids(String user, String query) {
        Api.Response r = search(user, query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().path("items").forEach(i -> ids.add(i.path("order").path("id").asLong()));
        return ids;
    }

    /** Polls until the search answers {@code expected}; returns how long that took. */
    long awaitIds(String user, String query, List<Long> expected) throws InterruptedException {
        long start = System.nanoTime();
        List<Long> got = List.of();
        while (System.nanoTime() - start < 5_000_000_000L) {
            got = ids(user, query);
            if (got.equals(expected)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("search " + query + " as " + user + " still answers " + got + ", expected " + expected);
    }

    @Test
    void anOrderIsFindableWithinASecondOfBeingRecordedAndItsHighlightsMarkTheWords() throws Exception {
        long id = record("暖气不热", "家里暖气只有十五度，老人受不了", "010101", Orders.STREET);
        long ms = awaitIds("agent1", q("暖气 " + tag), List.of(id));
        assertThat(ms).as("time until the order was findable").isLessThan(1_500);
        JsonNode item = search("agent1", q("暖气 " + tag)).json().path("items").get(0);
        assertThat(item.path("highlights").path("title").asString()).isEqualTo("<em>暖气</em>不热");
        assertThat(item.path("score").asDouble()).isPositive();
        assertThat(item.path("order").path("requester").path("phone").asString()).isEqualTo("138****5678");
    }

    @Test
    void repliesAndNotesBecomeSearchableAfterTheAction() throws Exception {
        long id = record("路灯不亮", "小区门口路灯坏了", "010101", Orders.STREET);
        orders.must("dispatcher1", id, "dispatch", Map.of("leadUnitCode", Orders.STREET));
        orders.must("handler-" + Orders.STREET, id, "sign", Map.of());
        orders.must("handler-" + Orders.STREET, id, "contact", Map.of("note", "已电话联系"));
        orders.must("handler-" + Orders.STREET, id, "reply", Map.of("text", "已联系供电公司更换灯泡"));
        awaitIds("agent1", q("灯泡 " + tag), List.of(id));
        JsonNode item = search("agent1", q("灯泡 " + tag)).json().path("items").get(0);
        assertThat(item.path("highlights").path("notes").asString()).contains("<em>灯泡</em>");
        assertThat(item.path("order").path("state").asString()).isEqualTo("REPLIED");
    }

    @Test
    void nobodyFindsARequesterByNameOrPhoneAndAnalystsSeeNoPersonalData() throws Exception {
        long id = record("噪音扰民", "欧阳明反映楼上装修噪音，请回电13812345678", "010101", Orders.STREET);
        awaitIds("analyst1", q("噪音 " + tag), List.of(id));
        for (String user : List.of("analyst1", "agent1", "supervisor1")) {
            assertThat(ids(user, q("13812345678"))).doesNotContain(id);
            assertThat(ids(user, q("欧阳明 " + tag))).isEmpty();
            assertThat(ids(user, q("\"欧阳明\""))).doesNotContain(id);
        }
        JsonNode item = search("analyst1", q("噪音 " + tag)).json().path("items").get(0);
        assertThat(item.path("order").path("requester").path("hidden").asBoolean()).isTrue();
        assertThat(item.path("order").path("requester").path("phone").isNull()).isTrue();
        assertThat(item.path("highlights").path("description").asString()).doesNotContain("13812345678", "欧阳明");
    }

    @Test
    void handlersFindOnlyTheOrdersInTheirDataScope() throws Exception {
        long mine = record("暖气不热", "东华门", "010101", Orders.STREET);
        long other = record("暖气不热", "别的街道", "010101", Orders.OTHER_STREET);
        orders.must("dispatcher1", mine, "dispatch", Map.of("leadUnitCode", Orders.STREET));
        orders.must("dispatcher1", other, "dispatch", Map.of("leadUnitCode", Orders.OTHER_STREET));
        awaitIds("handler-" + Orders.OTHER_STREET, q(tag), List.of(other));
        awaitIds("handler-" + Orders.STREET, q(tag), List.of(mine));
        // the district holds the copy of the order sent directly to its street
        assertThat(ids("handler-" + Orders.DISTRICT, q(tag))).containsExactly(mine);
        assertThat(ids("supervisor1", q(tag) + "&sort=NEWEST")).containsExactly(other, mine);
        assertThat(ids("supervisor1", q(tag) + "&districtCode=" + Orders.DISTRICT)).containsExactly(mine);
        assertThat(ids("supervisor1", q(tag) + "&leadUnitCode=" + Orders.OTHER_STREET)).containsExactly(other);
        assertThat(ids("supervisor1", q(tag) + "&categoryCode=01&state=DISPATCHED")).containsExactlyInAnyOrder(mine, other);
        assertThat(ids("supervisor1", q(tag) + "&categoryCode=02")).isEmpty();
    }

    @Test
    void anEmptyQueryWithFiltersIsTheFilteredList() throws Exception {
        long id = record("暖气不热", "十五度", "010101", Orders.STREET);
        awaitIds("agent1", q(tag), List.of(id));
        Api.Response r = search("agent1", "streetCode=" + Orders.STREET + "&state=RECEIVED&size=200");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("items").get(0).path("order").path("id").asLong()).isEqualTo(id);
        assertThat(r.json().path("items").get(0).path("score").isNull()).isTrue();
    }

    @Test
    void badInputIsA400WithAHintNeverA500() {
        expect400(q("暖".repeat(201)), "at most 200 characters");
        expect400(q("暖气 AND (不热"), "syntax is not valid");
        expect400(q("units:110101001"), "Unknown field");
        expect400(q("/暖.*/"), "Regular expressions");
        expect400(q("，。"), "no searchable words");
        expect400("categoryCode=999999", "no category");
        expect400("unitCode=NOPE", "no unit");
        expect400("streetCode=" + Orders.DISTRICT, "not a STREET");
        expect400("districtCode=" + Orders.STREET, "not a DISTRICT");
        expect400("state=SLEEPING", "");
        expect400("deadlineStatus=LATE", "");
        expect400("page=600&size=20", "first 10000 results");
        expect400("from=2026-11-02T00:00:00%2B08:00&to=2026-11-01T00:00:00%2B08:00", "after 'from'");
        expect400("from=yesterday", "");
    }

    void expect400(String query, String hint) {
        Api.Response r = search("agent1", query);
        assertThat(r.status()).as(query + " → " + r).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("detail")).as(r.toString()).contains(hint);
    }

    @Test
    void theIndexCatchesUpFromTheDatabaseAndRebuildsOnCommand() throws Exception {
        long id = record("暖气不热", "十五度", "010101", Orders.STREET);
        awaitIds("agent1", q(tag), List.of(id));
        // the index loses the order's text (as if an update had been missed) ...
        index.upsert(List.of(new IndexableOrder(id, "x", "x", "x", "", "RECEIVED", "010101", null, List.of(), null,
                Orders.STREET, Orders.DISTRICT, Instant.now(), Instant.EPOCH, null, null)));
        index.refresh();
        assertThat(ids("agent1", q(tag))).isEmpty();
        // ... and catching up from before the change brings it back, as after a restart
        assertThat(projection.catchUp(index.watermark().minusSeconds(300))).isPositive();
        assertThat(ids("agent1", q(tag))).containsExactly(id);

        assertThat(api.post("agent1", "/api/v1/admin/search/orders/reindex", "{}").status()).isEqualTo(403);
        index.upsert(List.of(new IndexableOrder(id, "x", "x", "x", "", "RECEIVED", "010101", null, List.of(), null,
                Orders.STREET, Orders.DISTRICT, Instant.now(), Instant.EPOCH, null, null)));
        Api.Response started = api.post("admin", "/api/v1/admin/search/orders/reindex", "{}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        awaitIds("agent1", q(tag), List.of(id));
        Api.Response status = api.get("admin", "/api/v1/admin/search/orders");
        assertThat(status.json().path("documents").asLong()).isGreaterThanOrEqualTo(1);
    }
}
