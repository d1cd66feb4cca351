package io.swiftresponse.open311;

import static io.swiftresponse.open311.Conformance.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.open311.Conformance.Fmt;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xmlunit.assertj.XmlAssert;
import tools.jackson.databind.JsonNode;

/** What a FixMyStreet-style client polls: requests by id list and filters, extensions, and service request updates. */
@IntegrationTest
class Open311QueriesIntegrationTests extends ConformanceFixture {

    @Test
    void fixMyStreetPollsByIdListAndSeesStatusNotesAndUpdatedDatetime() {
        Orders orders = new Orders(client.api());
        String a = create("一号楼不热");
        String b = create("二号楼不热");
        String c = create("三号楼不热");
        long closed = Long.parseLong(c);
        orders.must("dispatcher1", closed, "dispatch", Map.of("leadUnitCode", Orders.STREET));
        String h = Orders.handler(Orders.STREET);
        orders.must(h, closed, "sign", Map.of());
        orders.must(h, closed, "contact", Map.of("note", "已联系"));
        orders.must(h, closed, "reply", Map.of("text", "已协调热力公司，室温恢复到二十度"));
        orders.must("dispatcher1", closed, "approve-reply", Map.of());
        orders.must("agent1", closed, "record-callback", Map.of("reached", true, "contacted", true, "solved", "YES",
                "satisfaction", "SATISFIED"));
        orders.must("agent1", closed, "close", Map.of());

        Open311Client.Reply r = client.get("requests.xml?service_request_id=" + a + "," + b + "," + c + "&status=open");
        conforms(r, Fmt.XML, 200, "requests");
        XmlAssert.assertThat(r.body()).valueByXPath("count(/service_requests/request)").isEqualTo(3);
        XmlAssert.assertThat(r.body()).valueByXPath("/service_requests/request[service_request_id='" + c + "']/status")
                .isEqualTo("closed");
        XmlAssert.assertThat(r.body()).valueByXPath("/service_requests/request[service_request_id='" + c + "']/status_notes")
                .isEqualTo("已协调热力公司，室温恢复到二十度");
        XmlAssert.assertThat(r.body()).valueByXPath("/service_requests/request[service_request_id='" + a + "']/status")
                .isEqualTo("open");
        assertThat(xpath(r.body(), "/service_requests/request[service_request_id='" + a + "']/updated_datetime")).endsWith("+08:00");

        JsonNode json = client.get("requests.json?service_request_id=" + a + ",999999999").json();
        assertThat(json.size()).as("an unknown id is simply absent").isEqualTo(1);
    }

    @Test
    void extensionsAddNotesAndExtendedAttributes() {
        String id = create("暖气不热");
        new Orders(client.api()).must("dispatcher1", Long.parseLong(id), "dispatch", Map.of("leadUnitCode", Orders.STREET));
        for (Fmt fmt : Fmt.values()) {
            Open311Client.Reply r = client.get("requests." + fmt.ext + "?extensions=true&service_request_id=" + id);
            conforms(r, fmt, 200, "requests");
        }
        JsonNode r = client.get("requests.json?extensions=true&service_request_id=" + id).json().get(0);
        assertThat(r.path("extended_attributes").path("channel").asString()).isEqualTo("APP");
        assertThat(r.path("extended_attributes").path("district").asString()).isEqualTo("东城区");
        assertThat(r.path("extended_attributes").path("street").asString()).isEqualTo("东华门街道");
        assertThat(r.path("extended_attributes").path("detailed_status").asString()).isEqualTo("investigating");
        JsonNode notes = r.path("notes");
        assertThat(notes.size()).isEqualTo(2);
        assertThat(notes.get(0).path("type").asString()).isEqualTo("record");
        assertThat(notes.get(1).path("type").asString()).isEqualTo("dispatch");
        assertThat(client.get("requests.json?service_request_id=" + id).json().get(0).has("notes"))
                .as("notes only with extensions=true").isFalse();
    }

    @Test
    void queryFiltersByServiceStatusWindowUpdatedAndPages() {
        String first = create("过滤测试一");
        String second = create("过滤测试二");
        JsonNode byService = client.get("requests.json?service_code=" + HEATING + "&status=open&page_size=1000").json();
        assertThat(ids(byService)).contains(first, second);
        assertThat(ids(client.get("requests.json?service_code=010102").json())).doesNotContain(first);
        assertThat(ids(client.get("requests.json?status=closed").json())).doesNotContain(first, second);

        JsonNode page1 = client.get("requests.json?page_size=1&page=1").json();
        JsonNode page2 = client.get("requests.json?page_size=1&page=2").json();
        assertThat(page1.size()).isEqualTo(1);
        assertThat(page2.size()).isEqualTo(1);
        assertThat(ids(page1)).as("newest first").containsExactly(ids(page2).get(0).equals(first) ? second : ids(page1).get(0));
        assertThat(ids(page1)).doesNotContainAnyElementsOf(ids(page2));

        String at = Open311Client.enc(client.get("requests/" + first + ".json").json().get(0).path("requested_datetime").asString());
        assertThat(ids(client.get("requests.json?start_date=" + at + "&end_date=" + at).json()))
                .as("start_date and end_date are inclusive, to the second").contains(first);
        String past = "2020-01-01T00:00:00%2B08:00";
        assertThat(client.get("requests.json?start_date=" + past + "&end_date=2020-02-01T00:00:00%2B08:00").json().size()).isZero();
        assertThat(ids(client.get("requests.json?updated_after=" + past).json())).contains(first, second);
        assertThat(ids(client.get("requests.json?updated_before=" + past).json())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Fmt.class)
    void fixMyStreetUpdatesListOurLifecycleAndAcceptComments(Fmt fmt) {
        String id = create("更新测试");
        new Orders(client.api()).must("dispatcher1", Long.parseLong(id), "dispatch", Map.of("leadUnitCode", Orders.STREET));
        Open311Client.Reply updates = client.get("servicerequestupdates." + fmt.ext);
        conforms(updates, fmt, 200, "updates");
        if (fmt == Fmt.JSON) {
            List<JsonNode> mine = updates.json().valueStream().filter(u -> u.path("service_request_id").asString().equals(id)).toList();
            assertThat(mine).extracting(u -> u.path("status").asString()).containsExactly("open", "investigating");
            assertThat(mine).extracting(u -> u.path("external_status_code").asString()).containsExactly("RECEIVED", "DISPATCHED");
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("service_request_id", id);
        form.put("status", "OPEN");
        form.put("description", "路口积水还在，请再看看");
        form.put("update_id", "fms-77");
        form.put("updated_datetime", "2026-11-29T10:00:00+08:00");
        Open311Client.Reply posted = client.post("servicerequestupdates." + fmt.ext, form);
        conforms(posted, fmt, 200, "update_posted");
        JsonNode notes = client.get("requests/" + id + ".json?extensions=true").json().get(0).path("notes");
        assertThat(notes.valueStream().filter(n -> n.path("type").asString().equals("comment")))
                .extracting(n -> n.path("description").asString()).containsExactly("路口积水还在，请再看看");
    }
}
