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
import tools.jackson.databind.JsonNode;

/**
 * Creating requests and reading them back, in XML and JSON: codes as strings, datetimes with offsets, Chinese intact,
 * expected_datetime the order's reply deadline, agency_responsible the handling unit, no personal data.
 */
@IntegrationTest
class Open311RequestsIntegrationTests extends ConformanceFixture {

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
}
