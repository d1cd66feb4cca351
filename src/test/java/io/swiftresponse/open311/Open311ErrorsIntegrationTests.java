package io.swiftresponse.open311;

import static io.swiftresponse.open311.Conformance.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.open311.Conformance.Fmt;
import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.RawHttp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error the specification names, in both formats: 403 for the key, 404 for an unknown service, request,
 * token or jurisdiction, 400 for everything else (including garbage the container itself refuses), 429 for the
 * rate limit; always an {@code errors} document in the requested format, never a 500.
 */
@IntegrationTest
class Open311ErrorsIntegrationTests {

    @LocalServerPort
    int port;

    Open311Client client;
    String key;

    @BeforeEach
    void setUp() {
        client = new Open311Client(port);
        key = client.issueKey("errors", "OPEN311", null, 10_000);
    }

    Map<String, Object> valid() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("service_code", "010102");
        form.put("address_string", "东城区东华门大街1号");
        form.put("description", "温度不够");
        return form;
    }

    Map<String, Object> valid(String field, Object value) {
        Map<String, Object> form = valid();
        if (value == null) form.remove(field);
        else form.put(field, value);
        return form;
    }

    static Stream<Arguments> postCases() {
        return Stream.of(
                Arguments.of("no api_key", "api_key", null, 403, "api_key is required"),
                Arguments.of("bad api_key", "api_key", "not-a-key", 403, "Invalid api_key"),
                Arguments.of("unknown service", "service_code", "999999", 404, "Unknown service_code"),
                Arguments.of("no service_code", "service_code", null, 400, "service_code is required"),
                Arguments.of("unknown jurisdiction", "jurisdiction_id", "gotham.gov", 404, "Unknown jurisdiction_id"),
                Arguments.of("key of another jurisdiction", "jurisdiction_id", "dongcheng.beijing.gov.cn", 403, "not valid for jurisdiction"),
                Arguments.of("no location", "address_string", null, 400, "A location is required"),
                Arguments.of("lat out of range", "lat", "91", 400, "lat must be"),
                Arguments.of("lat not a number", "lat", "north", 400, "lat must be"),
                Arguments.of("HTML in description", "description", "<script>alert(1)</script>", 400, "without HTML"),
                Arguments.of("description too long", "description", "长".repeat(4001), 400, "longer than 4000"),
                Arguments.of("media_url not http", "media_url", "javascript:alert(1)", 400, "media_url"),
                Arguments.of("unknown attribute", "attribute[colour]", "red", 400, "attribute[colour] is not an attribute"),
                Arguments.of("malformed attribute name", "attribute[a][b][c]", "x", 400, "attribute[CODE]"));
    }

    @ParameterizedTest(name = "{0} ({5})")
    @MethodSource("postCasesInBothFormats")
    void postRequestsErrors(String label, String field, Object value, int status, String mentions, Fmt fmt) {
        Open311Client.Reply r = client.post("requests." + fmt.ext, valid(field, value));
        conforms(r, fmt, status, "errors");
        assertThat(r.body()).contains(mentions);
    }

    static Stream<Arguments> postCasesInBothFormats() {
        return postCases().flatMap(a -> Stream.of(Fmt.values()).map(f -> {
            Object[] args = a.get();
            return Arguments.of(args[0], args[1], args[2], args[3], args[4], f);
        }));
    }

    @ParameterizedTest
    @EnumSource(Fmt.class)
    void requiredAttributesAreNamedAndListValuesChecked(Fmt fmt) {
        Map<String, Object> heating = valid("service_code", "010101");
        Open311Client.Reply missing = client.post("requests." + fmt.ext, heating);
        conforms(missing, fmt, 400, "errors");
        assertThat(missing.body()).contains("attribute[room_temperature] is required");
        heating.put("attribute[room_temperature]", "cold");
        heating.put("attribute[heating_type]", "central");
        Open311Client.Reply notANumber = client.post("requests." + fmt.ext, heating);
        conforms(notANumber, fmt, 400, "errors");
        assertThat(notANumber.body()).contains("attribute[room_temperature] must be a number");
        heating.put("attribute[room_temperature]", "15");
        heating.put("attribute[heating_type]", "solar");
        Open311Client.Reply notAKey = client.post("requests." + fmt.ext, heating);
        conforms(notAKey, fmt, 400, "errors");
        assertThat(notAKey.body()).contains("attribute[heating_type] must be one of the keys [boiler, central, own]");
    }

    @ParameterizedTest
    @EnumSource(Fmt.class)
    void revokedKeyIsRefused(Fmt fmt) {
        String revoked = client.issueKey("to revoke", "APP", null, null);
        long id = client.api().get("admin", "/api/v1/open311/keys").json().valueStream()
                .filter(k -> k.path("label").asString().equals("to revoke") && k.path("revokedAt").isNull())
                .mapToLong(k -> k.path("id").asLong()).max().orElseThrow();
        assertThat(client.api().post("admin", "/api/v1/open311/keys/" + id + "/revoke", "{}").status()).isEqualTo(200);
        Open311Client.Reply r = client.post("requests." + fmt.ext, valid("api_key", revoked));
        conforms(r, fmt, 403, "errors");
    }

    static Stream<Arguments> getCases() {
        return Stream.of(
                Arguments.of("services/999999", "", 404),
                Arguments.of("requests/999999999", "", 404),
                Arguments.of("requests/abc", "", 404),
                Arguments.of("tokens/no-such-token", "", 404),
                Arguments.of("services", "?jurisdiction_id=gotham.gov", 404),
                Arguments.of("requests", "?jurisdiction_id=gotham.gov", 404),
                Arguments.of("nonsense", "", 404),
                Arguments.of("requests", "?api_key=wrong", 403),
                Arguments.of("requests", "?service_code=999999", 404),
                Arguments.of("requests", "?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-06-01T00:00:00%2B08:00", 400),
                Arguments.of("requests", "?start_date=2026-06-01T00:00:00%2B08:00&end_date=2026-01-01T00:00:00%2B08:00", 400),
                Arguments.of("requests", "?start_date=yesterday", 400),
                Arguments.of("requests", "?status=pending", 400),
                Arguments.of("requests", "?page=0", 400),
                Arguments.of("requests", "?page_size=1001", 400),
                Arguments.of("requests", "?service_request_id=1,abc", 400),
                Arguments.of("requests", "?service_request_id=" + "1,".repeat(1001), 400),
                Arguments.of("requests", "?updated_after=2026-06-01T00:00:00%2B08:00&updated_before=2026-01-01T00:00:00%2B08:00", 400),
                Arguments.of("servicerequestupdates", "?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-06-01T00:00:00%2B08:00", 400),
                Arguments.of("requests", "?start_date=%ff%fe", 400),
                // a huge parameter within Tomcat's 8 KiB request line (a longer line is refused before any routing)
                Arguments.of("requests", "?start_date=" + "9".repeat(7_000), 400),
                Arguments.of("services/" + "9".repeat(7_000), "", 404));
    }

    @ParameterizedTest(name = "{0}{1} ({3})")
    @MethodSource("getCasesInBothFormats")
    void getErrors(String path, String query, int status, Fmt fmt) {
        conforms(client.get(path + "." + fmt.ext + query), fmt, status, "errors");
    }

    static Stream<Arguments> getCasesInBothFormats() {
        return getCases().flatMap(a -> Stream.of(Fmt.values()).map(f -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], f)));
    }

    @Test
    void unknownFormatExtensionIsA400InXml() {
        for (String path : new String[] {"services.html", "services", "requests.csv", "services/010101.yaml", "requests/1.txt"}) {
            conforms(client.get(path), Fmt.XML, 400, "errors");
        }
    }

    @ParameterizedTest
    @EnumSource(Fmt.class)
    void garbageIsA400NeverA500(Fmt fmt) {
        // a body over the 1 MiB limit, a form that is not UTF-8, a wrong method, too many parameters
        conforms(client.postRaw("requests." + fmt.ext, "description=" + "a".repeat(1_100_000)), fmt, 400, "errors");
        conforms(client.postRaw("requests." + fmt.ext, "api_key=" + key + "&description=%ff%fe%fd&service_code=010102"),
                fmt, 400, "errors");
        conforms(client.postRaw("services." + fmt.ext, "api_key=" + key), fmt, 404, "errors");
        conforms(client.postRaw("requests." + fmt.ext, "a=1&".repeat(20_000)), fmt, 400, "errors");
        Api.Response delete = client.api().send(null, "DELETE", Open311Client.V2 + "services." + fmt.ext, null, null);
        assertThat(delete.status()).isEqualTo(400);
        if (fmt == Fmt.JSON) Conformance.json(delete.body(), "errors");
        else Conformance.xml(delete.body(), "errors");
        RawHttp raw = new RawHttp(port);
        Api.Response badPath = raw.sendRaw("GET", Open311Client.V2 + "requests/%ff%fe." + fmt.ext, null);
        assertThat(badPath.status()).as(badPath.toString()).isEqualTo(400);
        if (fmt == Fmt.JSON) Conformance.json(badPath.body(), "errors");
        else Conformance.xml(badPath.body(), "errors");
    }

    @ParameterizedTest
    @EnumSource(Fmt.class)
    void rateLimitAnswers429WithRetryAfter(Fmt fmt) {
        String slow = client.issueKey("slow client", "APP", null, 2);
        assertThat(client.get("services." + fmt.ext + "?api_key=" + slow).status()).isEqualTo(200);
        assertThat(client.get("services." + fmt.ext + "?api_key=" + slow).status()).isEqualTo(200);
        Open311Client.Reply limited = client.get("services." + fmt.ext + "?api_key=" + slow);
        conforms(limited, fmt, 429, "errors");
        assertThat(Long.parseLong(limited.retryAfter())).isBetween(1L, 30L);
    }
}
