package io.swiftresponse.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.ApiTests;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The order API as a client uses it: recording, reading, listing, validation, concurrency and history. */
@IntegrationTest
class OrderApiIntegrationTests extends ApiTests {

    @Test
    void recordsAnOrderWithAReadableNumberAndLocation() {
        Api.Response r = api.post("agent1", "/api/v1/orders", Orders.newOrderJson(false));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.location()).isEqualTo("/api/v1/orders/" + r.id());
        JsonNode o = r.json();
        assertThat(o.path("number").asString()).matches("\\d{8}\\d{5}");
        assertThat(o.path("state").asString()).isEqualTo("RECEIVED");
        assertThat(o.path("version").asInt()).isZero();
        assertThat(o.path("location").path("districtCode").asString()).isEqualTo(Orders.DISTRICT);
        assertThat(o.path("requester").path("phone").asString()).isEqualTo("138****5678");
        assertThat(o.path("deadlines").path("clocks").get(0).path("clock").asString()).isEqualTo("DISPATCH");
        assertThat(o.path("deadlines").path("clocks").get(0).path("light").asString()).isEqualTo("GREEN");
        assertThat(api.get("agent1", "/api/v1/orders/" + r.id()).body()).isEqualTo(r.body());
    }

    @Test
    void placesAPointInItsStreet() {
        JsonNode streets = api.get("agent1", "/api/v1/directory/units?type=STREET&parentCode=110105").json();
        String street = streets.get(5).path("code").asString();
        JsonNode placement = api.get("agent1", "/api/v1/directory/units?type=STREET").json();
        assertThat(placement.size()).isEqualTo(343);
        Map<String, Object> body = new HashMap<>(Map.of("channel", "WEB", "requestType", "HELP", "title", "路灯不亮",
                "description", "小区门口路灯坏了一周"));
        double[] point = pointIn(street);
        body.put("location", Map.of("address", "某路口", "lat", point[0], "lng", point[1]));
        Api.Response r = api.post("agent1", "/api/v1/orders", Api.json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("location").path("streetCode").asString()).isEqualTo(street);
        assertThat(r.json().path("location").path("districtCode").asString()).isEqualTo("110105");
    }

    private double[] pointIn(String street) {
        JsonNode center = api.get("agent1", "/api/v1/directory/units/" + street).json().path("interiorPoint");
        return new double[] {center.path("lat").asDouble(), center.path("lng").asDouble()};
    }

    @Test
    void refusesInvalidFieldsNamingTheFieldAndWritesNothing() {
        long before = orders.total("");
        Map<String, String> cases = Map.of(
                "{\"channel\":\"PHONE\",\"requestType\":\"COMPLAINT\",\"title\":\"\",\"description\":\"d\"}", "title",
                "{\"channel\":\"FAX\",\"requestType\":\"COMPLAINT\",\"title\":\"t\",\"description\":\"d\"}", "channel",
                "{\"channel\":\"PHONE\",\"requestType\":\"NOPE\",\"title\":\"t\",\"description\":\"d\"}", "requestType",
                "{\"channel\":\"PHONE\",\"requestType\":\"COMPLAINT\",\"categoryCode\":\"01\",\"title\":\"t\",\"description\":\"d\"}", "categoryCode",
                "{\"channel\":\"PHONE\",\"requestType\":\"COMPLAINT\",\"title\":\"t\",\"description\":\"d\",\"requester\":{\"phone\":\"12345\"}}", "requester.phone",
                "{\"channel\":\"PHONE\",\"requestType\":\"COMPLAINT\",\"title\":\"t\",\"description\":\"d\",\"location\":{\"lat\":91,\"lng\":116}}", "location.lat",
                "{\"channel\":\"PHONE\",\"requestType\":\"COMPLAINT\",\"title\":\"t\",\"description\":\"d\",\"location\":{\"streetCode\":\"999\"}}", "location.streetCode",
                "{\"channel\":\"PHONE\",\"requestType\":\"COMPLAINT\",\"title\":\"t\",\"description\":\"d\",\"colour\":\"red\"}", "colour");
        cases.forEach((json, field) -> {
            Api.Response r = api.post("agent1", "/api/v1/orders", json);
            assertThat(r.status()).as(json + " -> " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("field")).as(r.toString()).isEqualTo(field);
        });
        assertThat(api.post("agent1", "/api/v1/orders", "{\"channel\":").status()).isEqualTo(400);
        assertThat(orders.total("")).isEqualTo(before);
    }

    @Test
    void actionsNameTheirMissingField() {
        long id = orders.inState("DISPATCHED");
        Api.Response r = orders.act(Orders.handler(Orders.STREET), id, "request-return", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("field")).isEqualTo("reason");
        Api.Response merge = orders.act("agent1", orders.record(), "merge", Map.of());
        assertThat(merge.text("field")).isEqualTo("primaryOrderId");
        Api.Response unknown = orders.act("agent1", id, "explode", Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("field")).isEqualTo("action");
    }

    @Test
    void staleExpectedVersionIsAConflictAndChangesNothing() {
        long id = orders.record();
        Api.Response stale = orders.act("agent1", id, "submit", Map.of("expectedVersion", 7));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("type")).endsWith("/stale-version");
        assertThat(api.get("agent1", "/api/v1/orders/" + id).text("state")).isEqualTo("RECEIVED");
        assertThat(orders.act("agent1", id, "submit", Map.of("expectedVersion", 0)).status()).isEqualTo(200);
    }

    @Test
    void dispatchToAStreetCopiesItsDistrictAndSetsAReplyDeadline() {
        long id = orders.record();
        orders.must("dispatcher1", id, "dispatch", Map.of("leadUnitCode", Orders.STREET, "coUnitCodes", List.of("C04")));
        JsonNode o = api.get("dispatcher1", "/api/v1/orders/" + id).json();
        assertThat(o.path("copyUnitCode").asString()).isEqualTo(Orders.DISTRICT);
        assertThat(o.path("coUnitCodes").get(0).asString()).isEqualTo("C04");
        assertThat(clock(o, "REPLY").path("dueAt").isNull()).isFalse();
        assertThat(clock(o, "DISPATCH").path("status").asString()).isEqualTo("MET");
        assertThat(api.get(Orders.handler(Orders.DISTRICT), "/api/v1/orders/" + id).status()).isEqualTo(200);
        assertThat(api.get(Orders.handler("C04"), "/api/v1/orders/" + id).status()).isEqualTo(200);
        assertThat(api.get(Orders.handler(Orders.OTHER_STREET), "/api/v1/orders/" + id).status()).isEqualTo(404);
    }

    @Test
    void approvedReturnWithANewUnitRedispatches() {
        long id = orders.inState("RETURN_REQUESTED");
        Api.Response same = orders.act("dispatcher1", id, "approve-return", Map.of("leadUnitCode", Orders.STREET));
        assertThat(same.status()).isEqualTo(400);
        orders.must("dispatcher1", id, "approve-return", Map.of("leadUnitCode", "C04", "reason", "属热力公司"));
        JsonNode o = api.get("dispatcher1", "/api/v1/orders/" + id).json();
        assertThat(o.path("state").asString()).isEqualTo("DISPATCHED");
        assertThat(o.path("leadUnitCode").asString()).isEqualTo("C04");
        assertThat(o.path("copyUnitCode").isNull()).isTrue();
        assertThat(api.get(Orders.handler(Orders.STREET), "/api/v1/orders/" + id).status()).isEqualTo(404);
    }

    @Test
    void closesOnlyAfterACallbackOfTheCurrentRound() {
        long id = orders.inState("AWAITING_CALLBACK");
        assertThat(orders.act("agent1", id, "close", Map.of()).text("type")).endsWith("/callback-required");
        orders.must("agent1", id, "record-callback", Map.of("reached", true, "contacted", true, "solved", "YES",
                "satisfaction", "SATISFIED"));
        orders.must("agent1", id, "reopen", Map.of("reason", "督办复核：问题反复出现"));
        orders.must("dispatcher1", id, "dispatch", Map.of("leadUnitCode", Orders.STREET));
        String h = Orders.handler(Orders.STREET);
        orders.must(h, id, "sign", Map.of());
        orders.must(h, id, "contact", Map.of("note", "再次联系"));
        orders.must(h, id, "reply", Map.of("text", "已修复"));
        orders.must("dispatcher1", id, "approve-reply", Map.of());
        // the callback of the first round does not close the second
        assertThat(orders.act("agent1", id, "close", Map.of()).status()).isEqualTo(409);
        for (int i = 0; i < 3; i++) {
            orders.must("agent1", id, "record-callback", Map.of("reached", false));
        }
        orders.must("agent1", id, "close", Map.of());
        assertThat(api.get("agent1", "/api/v1/orders/" + id).json().path("reopenCount").asInt()).isEqualTo(1);
    }

    @Test
    void extensionMovesTheReplyDeadlineAndIsRecorded() {
        long id = orders.inState("IN_PROGRESS");
        String before = clock(api.get("dispatcher1", "/api/v1/orders/" + id).json(), "REPLY").path("dueAt").asString();
        orders.must(Orders.handler(Orders.STREET), id, "request-extension", Map.of("reason", "需协调", "days", 5));
        assertThat(orders.act(Orders.handler(Orders.STREET), id, "request-extension", Map.of("reason", "再延", "days", 1))
                .text("type")).endsWith("/extension-pending");
        orders.must("dispatcher1", id, "approve-extension", Map.of());
        String after = clock(api.get("dispatcher1", "/api/v1/orders/" + id).json(), "REPLY").path("dueAt").asString();
        // five working days: at least a week later on the calendar
        assertThat(java.time.Instant.parse(after)).isAfterOrEqualTo(java.time.Instant.parse(before).plus(java.time.Duration.ofDays(7)));
        JsonNode history = api.get("dispatcher1", "/api/v1/orders/" + id + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("action").asString()).isEqualTo("approve-extension");
        assertThat(last.path("details").path("replyDueBefore").asString()).isEqualTo(before);
        assertThat(last.path("actor").asString()).isEqualTo("dispatcher1");
    }

    @Test
    void listsFilterByStateUnitAndCategory() {
        long id = orders.inState("SIGNED");
        JsonNode page = api.get("supervisor1", "/api/v1/orders?state=SIGNED&unitCode=" + Orders.STREET
                + "&categoryCode=01&size=200").json();
        assertThat(page.path("items").findValues("id").stream().map(JsonNode::asLong)).contains(id);
        page.path("items").forEach(o -> assertThat(o.path("state").asString()).isEqualTo("SIGNED"));
        assertThat(api.get("supervisor1", "/api/v1/orders?state=BOGUS").status()).isEqualTo(400);
        assertThat(api.get("supervisor1", "/api/v1/orders?size=0").status()).isEqualTo(400);
    }

    static JsonNode clock(JsonNode order, String clock) {
        for (JsonNode d : order.path("deadlines").path("clocks")) {
            if (d.path("clock").asString().equals(clock)) return d;
        }
        throw new AssertionError("no " + clock + " clock in " + order);
    }
}
