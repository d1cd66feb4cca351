package io.swiftresponse.open311;

import static io.swiftresponse.open311.Conformance.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.open311.Conformance.Fmt;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xmlunit.assertj.XmlAssert;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;
import tools.jackson.databind.JsonNode;

/**
 * Every GeoReport v2 method in XML and JSON, checked against schemas written from the specification, plus what
 * the data must mean: codes as strings, datetimes with offsets, Chinese intact, expected_datetime the order's
 * reply deadline, agency_responsible the handling unit, no personal data. Error cases: Open311ErrorsIntegrationTests.
 */
@IntegrationTest
class Open311ConformanceIntegrationTests {

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
    void setUp() {
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

    @ParameterizedTest
    @EnumSource(Fmt.class)
    void discoveryInBothFormats(Fmt fmt) {
        Open311Client.Reply r = client.get("discovery." + fmt.ext);
        conforms(r, fmt, 200, "discovery");
        assertThat(r.body()).contains("http://wiki.open311.org/GeoReport_v2", "/open311/v2", "text/xml", "application/json");
    }

    @ParameterizedTest
    @EnumSource(Fmt.class)
    void servicesAreOurCategoriesWithGroupAndKeywords(Fmt fmt) {
        Open311Client.Reply r = client.get("services." + fmt.ext);
        conforms(r, fmt, 200, "services");
        if (fmt == Fmt.JSON) {
            JsonNode heating = find(r.json(), "service_code", HEATING);
            assertThat(heating.path("service_code").isString()).isTrue();
            assertThat(heating.path("service_name").asString()).isEqualTo("不供暖");
            assertThat(heating.path("group").asString()).isEqualTo("供暖");
            assertThat(heating.path("keywords").asString()).isEqualTo("不供暖, 暖气不热, 没暖气, 停暖");
            assertThat(heating.path("metadata").asBoolean()).isTrue();
            assertThat(find(r.json(), "service_code", "010102").path("metadata").asBoolean()).isFalse();
            assertThat(r.json().size()).as("every level-3 category of the demo city (categories.csv)").isEqualTo(407);
        } else {
            XmlAssert.assertThat(r.body()).valueByXPath("/services/service[service_code='010101']/group").isEqualTo("供暖");
            XmlAssert.assertThat(r.body()).valueByXPath("/services/service[service_code='010101']/metadata").isEqualTo("true");
        }
    }

    @Test
    void serviceDefinitionXmlIsExactlyTheSpecificationsShape() {
        Open311Client.Reply r = client.get("services/" + HEATING + ".xml");
        conforms(r, Fmt.XML, 200, "service_definition");
        String expected = """
                <?xml version="1.0" encoding="UTF-8"?>
                <service_definition>
                  <service_code>010101</service_code>
                  <attributes>
                    <attribute><variable>true</variable><code>room_temperature</code><datatype>number</datatype>
                      <required>true</required><datatype_description>摄氏度 degrees Celsius</datatype_description>
                      <order>1</order><description>室内温度 Indoor temperature</description><values/></attribute>
                    <attribute><variable>true</variable><code>heating_type</code><datatype>singlevaluelist</datatype>
                      <required>true</required><datatype_description/><order>2</order><description>供暖方式 Heating type</description>
                      <values>
                        <value><key>central</key><name>集中供暖 District heating</name></value>
                        <value><key>boiler</key><name>小区锅炉 Estate boiler</name></value>
                        <value><key>own</key><name>自采暖 Own heating</name></value>
                      </values></attribute>
                    <attribute><variable>true</variable><code>since</code><datatype>datetime</datatype><required>false</required>
                      <datatype_description>ISO 8601, 例 2026-11-29T08:00:00+08:00</datatype_description><order>3</order>
                      <description>开始时间 Cold since</description><values/></attribute>
                  </attributes>
                </service_definition>""";
        Diff diff = DiffBuilder.compare(expected).withTest(r.body()).ignoreWhitespace().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    }

    @Test
    void serviceDefinitionJson() {
        Open311Client.Reply r = client.get("services/" + HEATING + ".json");
        conforms(r, Fmt.JSON, 200, "service_definition");
        JsonNode attrs = r.json().path("attributes");
        assertThat(attrs.size()).isEqualTo(3);
        assertThat(attrs.get(1).path("values").get(0).path("key").asString()).isEqualTo("central");
        assertThat(attrs.get(0).path("order").isInt()).isTrue();
        JsonNode noQuestions = client.get("services/010102.json").json();
        assertThat(noQuestions.path("attributes").isArray()).as("an empty list is still an array").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Fmt.class)
    void createReturnsIdNoticeAndTokenThenTheRequestAndTokenResolve(Fmt fmt) {
        Open311Client.Reply created = client.post("requests." + fmt.ext, heatingForm("暖气片冰凉，室温只有十四度"));
        conforms(created, fmt, 200, "request_created");
        String id = fmt == Fmt.JSON ? created.json().get(0).path("service_request_id").asString()
                : xpath(created.body(), "/service_requests/request/service_request_id");
        String token = fmt == Fmt.JSON ? created.json().get(0).path("token").asString()
                : xpath(created.body(), "/service_requests/request/token");
        String notice = fmt == Fmt.JSON ? created.json().get(0).path("service_notice").asString()
                : xpath(created.body(), "/service_requests/request/service_notice");
        assertThat(notice).contains("预计").contains("前答复");

        Open311Client.Reply one = client.get("requests/" + id + "." + fmt.ext);
        conforms(one, fmt, 200, "requests");
        Open311Client.Reply byToken = client.get("tokens/" + token + "." + fmt.ext);
        conforms(byToken, fmt, 200, "token");
        assertThat(byToken.body()).contains(id);

        // the order entered our intake like any other: recorded on the key's channel, placed in the street
        JsonNode order = client.api().get("supervisor1", "/api/v1/orders/" + id).json();
        assertThat(order.path("channel").asString()).isEqualTo("APP");
        assertThat(order.path("state").asString()).isEqualTo("RECEIVED");
        assertThat(order.path("categoryCode").asString()).isEqualTo(HEATING);
        assertThat(order.path("location").path("streetCode").asString()).isEqualTo(Orders.STREET);
        assertThat(order.path("requester").path("name").asString()).as("kept for the callback, never shown via Open311").isEqualTo(NAME);
        // the hotline reads the app's answers (list answers by name) and the photo link on the order itself
        assertThat(order.path("description").asString()).contains("【应用提交的补充信息】", "室内温度 Indoor temperature：14.5",
                "供暖方式 Heating type：集中供暖 District heating", "照片：https://example.org/photos/1.jpg");
    }

    @Test
    void chineseTextRoundTripsUnchangedAndNoPersonalDataLeaves() {
        String text = "小区门口路灯不亮、井盖松动——请尽快处理！「东华门」𠀀 ümlaut";
        String id = create(text);
        for (Fmt fmt : Fmt.values()) {
            Open311Client.Reply r = client.get("requests/" + id + "." + fmt.ext + "?extensions=true");
            conforms(r, fmt, 200, "requests");
            String description = fmt == Fmt.JSON ? r.json().get(0).path("description").asString()
                    : xpath(r.body(), "/service_requests/request/description");
            assertThat(description).isEqualTo(text);
            assertThat(r.body()).doesNotContain(PHONE).doesNotContain(NAME).doesNotContain("wang@example.org");
        }
    }

    @Test
    void phoneNumbersInTheDescriptionAreMasked() {
        String id = create("请回电 " + PHONE + " 谢谢");
        JsonNode r = client.get("requests/" + id + ".json").json().get(0);
        assertThat(r.path("description").asString()).isEqualTo("请回电 139****5678 谢谢");
    }

    @Test
    void requestFieldsMeanWhatTheSpecificationSays() {
        String id = create("暖气不热");
        JsonNode before = client.get("requests/" + id + ".json").json().get(0);
        assertThat(before.path("status").asString()).isEqualTo("open");
        assertThat(before.path("service_code").asString()).isEqualTo(HEATING);
        assertThat(before.path("service_name").asString()).isEqualTo("不供暖");
        assertThat(before.path("media_url").asString()).isEqualTo("https://example.org/photos/1.jpg");
        assertThat(before.path("address").asString()).isEqualTo("东华门街道某小区3号楼");
        assertThat(before.path("lat").asDouble()).isEqualTo(inStreet.lat());
        assertThat(before.path("long").asDouble()).isEqualTo(inStreet.lng());
        assertThat(before.path("requested_datetime").asString()).endsWith("+08:00");
        assertThat(before.path("status_notes").asString()).isEqualTo("已受理 Request received");

        new Orders(client.api()).must("dispatcher1", Long.parseLong(id), "dispatch", Map.of("leadUnitCode", Orders.STREET));
        JsonNode order = client.api().get("supervisor1", "/api/v1/orders/" + id).json();
        JsonNode after = client.get("requests/" + id + ".json").json().get(0);
        assertThat(after.path("agency_responsible").asString()).isEqualTo("东华门街道");
        assertThat(after.path("status_notes").asString()).isEqualTo("已派单至承办单位 Dispatched to the handling unit");
        assertThat(java.time.OffsetDateTime.parse(after.path("expected_datetime").asString()).toInstant())
                .isEqualTo(java.time.Instant.parse(order.path("deadlines").path("replyBy").asString())
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(java.time.OffsetDateTime.parse(after.path("updated_datetime").asString()).toInstant())
                .isAfter(java.time.OffsetDateTime.parse(before.path("updated_datetime").asString()).toInstant().minusSeconds(1));
    }

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

    @Test
    void multiValueAttributesAndAnotherJurisdiction() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("service_code", "030101");
        form.put("address_string", "东城区某工地");
        form.put("attribute[heard_at]", "2026-11-28T23:30:00+08:00");
        form.put("attribute[noise_kind][]", List.of("machinery", "trucks"));
        Open311Client.Reply r = client.post("requests.xml", form);
        conforms(r, Fmt.XML, 200, "request_created");

        String dongcheng = client.issueKey("东城 app", "WECHAT", "dongcheng.beijing.gov.cn", 100);
        Map<String, Object> inDongcheng = heatingForm("东城区的暖气");
        inDongcheng.put("api_key", dongcheng);
        inDongcheng.put("jurisdiction_id", "dongcheng.beijing.gov.cn");
        String id = client.post("requests.json", inDongcheng).json().get(0).path("service_request_id").asString();
        assertThat(ids(client.get("requests.json?jurisdiction_id=dongcheng.beijing.gov.cn&service_request_id=" + id).json()))
                .containsExactly(id);
        assertThat(client.api().get("supervisor1", "/api/v1/orders/" + id).json().path("channel").asString()).isEqualTo("WECHAT");
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
