package io.swiftresponse.open311;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.support.Orders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What the conformance tests share: a GeoReport v2 client with its own key, a point inside the test street, and the
 * heating request (a category with questions) they create. Error cases: Open311ErrorsIntegrationTests.
 */
abstract class ConformanceFixture {

    static final String HEATING = "010101";
    static final String PHONE = "13912345678";
    static final String NAME = "王小明";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    Open311Client client;
    String key;
    GeoPoint inStreet;

    @BeforeEach
    void issueKeyAndFindAStreetPoint() {
        client = new Open311Client(port);
        key = client.issueKey("conformance", "APP", null, 10_000);
        inStreet = directory.interiorPoint(Orders.STREET).orElseThrow();
    }

    Map<String, Object> heatingForm(String description) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("service_code", HEATING);
        form.put("lat", inStreet.lat());
        form.put("long", inStreet.lng());
        form.put("address_string", "东华门街道某小区3号楼");
        form.put("description", description);
        form.put("first_name", NAME);
        form.put("phone", PHONE);
        form.put("email", "wang@example.org");
        form.put("media_url", "https://example.org/photos/1.jpg");
        form.put("attribute[room_temperature]", "14.5");
        form.put("attribute[heating_type]", "central");
        return form;
    }

    /** Creates a request and answers its service_request_id. */
    String create(String description) {
        Open311Client.Reply r = client.post("requests.json", heatingForm(description));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get(0).path("service_request_id").asString();
    }

    static List<String> ids(JsonNode array) {
        return array.valueStream().map(n -> n.path("service_request_id").asString()).toList();
    }

    static JsonNode find(JsonNode array, String field, String value) {
        return array.valueStream().filter(n -> n.path(field).asString().equals(value)).findFirst().orElseThrow();
    }

    static String xpath(String xml, String path) {
        return new org.xmlunit.xpath.JAXPXPathEngine().evaluate(path, org.xmlunit.builder.Input.fromString(xml).build());
    }
}
