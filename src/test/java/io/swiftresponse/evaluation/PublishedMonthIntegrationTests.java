package io.swiftresponse.evaluation;

import static io.swiftresponse.evaluation.EvaluationIntegrationTests.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Rankings, rank changes, publishing, corrections, scope and exports over months in 2025, whose counters this test
 * writes directly (and removes afterwards): months no order of the test run can reach, so every figure is known.
 */
@IntegrationTest
class PublishedMonthIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        // February: 朝阳 all perfect (1.0, rank 1), 丰台 half (0.5, rank 2)
        counter("2025-02-10", "110105", "L", 10, 10, 10, 0, 10, 0);
        counter("2025-02-11", "110106", "L", 10, 5, 5, 0, 5, 0);
        // March: 朝阳 4 valid, 3 contacted, 2 YES + 1 PARTLY, 1 satisfied + 2 basically → 0.6675; 丰台 2 perfect → 1.0
        counter("2025-03-03", "110105", "L", 3, 2, 1, 1, 1, 1);
        counter("2025-03-20", "110105", "D", 1, 1, 1, 0, 0, 1);
        counter("2025-03-05", "110106", "L", 2, 2, 2, 0, 2, 0);
        // a street of 朝阳 and one of 东城 in March, for scope
        counter("2025-03-07", "110105001", "L", 1, 1, 1, 0, 1, 0);
        counter("2025-03-07", "110101001", "L", 1, 1, 0, 0, 0, 0);
    }

    @AfterEach
    void removeTheWrittenCounters() {
        jdbc.sql("delete from evaluation_counter where day between date '2025-01-01' and date '2025-12-31'").update();
    }

    @Test
    void rankingsRankByCompositeAndShowTheChangeAgainstTheMonthBefore() {
        JsonNode march = api.get("analyst1", "/api/v1/evaluation/rankings?period=2025-03&class=DISTRICT").json();
        assertThat(march.size()).isEqualTo(2);
        assertThat(march.get(0).path("unitCode").asString()).isEqualTo("110106");
        assertThat(march.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(march.get(0).path("rankChange").asInt()).isEqualTo(1);   // 2nd → 1st
        assertThat(march.get(0).path("grade").asString()).isEqualTo("优秀");
        JsonNode chaoyang = march.get(1);
        assertThat(chaoyang.path("valid").asLong()).isEqualTo(4);           // 3 as lead + 1 through its streets
        assertThat(chaoyang.path("composite").decimalValue()).isEqualByComparingTo("0.6675");
        assertThat(chaoyang.path("rankChange").asInt()).isEqualTo(-1);      // 1st → 2nd
        // a range covering both months adds them up: 朝阳 14 valid, 13 contacted, 12 YES, 1 PARTLY, 11 + 2 basically
        JsonNode range = api.get("analyst1", "/api/v1/evaluation/rankings?from=2025-02-01&to=2025-03-31&class=DISTRICT").json();
        JsonNode both = find(range, "110105");
        assertThat(both.path("valid").asLong()).isEqualTo(14);
        // response 13/14, resolution 12.5/14, satisfaction 12.8/14: 0.0928571 + 0.4464286 + 0.3657143 = 0.9050
        assertThat(both.path("composite").decimalValue()).isEqualByComparingTo("0.9050");
    }

    @Test
    void aPublishedMonthKeepsItsFiguresAndShowsLaterCorrections() {
        assertThat(api.post("handler-110105", "/api/v1/evaluation/periods/2025-03/freeze", null).status()).isEqualTo(403);
        assertThat(api.post("supervisor1", "/api/v1/evaluation/periods/2025-3/freeze", null).status()).isEqualTo(400);
        assertThat(api.post("supervisor1", "/api/v1/evaluation/periods/2999-01/freeze", null).status()).isEqualTo(409);
        Api.Response frozen = api.post("supervisor1", "/api/v1/evaluation/periods/2025-03/freeze", null);
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(200);
        assertThat(api.post("supervisor1", "/api/v1/evaluation/periods/2025-03/freeze", null).status()).isEqualTo(409);

        // a late correction: two more valid callbacks for 丰台 in March, neither contacted nor solved nor satisfied
        counter("2025-03-15", "110106", "L", 2, 0, 0, 0, 0, 0);
        JsonNode march = api.get("analyst1", "/api/v1/evaluation/rankings?period=2025-03&class=DISTRICT").json();
        JsonNode fengtai = find(march, "110106");
        assertThat(fengtai.path("published").asBoolean()).isTrue();
        assertThat(fengtai.path("composite").decimalValue()).isEqualByComparingTo("1.0000");  // as published
        assertThat(fengtai.path("rank").asInt()).isEqualTo(1);
        // now 4 valid, 2 contacted, 2 solved, 2 satisfied: 0.05 + 0.25 + 0.2 = 0.5, behind 朝阳's 0.6675
        assertThat(fengtai.path("current").path("composite").decimalValue()).isEqualByComparingTo("0.5000");
        assertThat(fengtai.path("current").path("rank").asInt()).isEqualTo(2);

        JsonNode period = api.get("supervisor1", "/api/v1/evaluation/periods/2025-03").json();
        assertThat(period.path("published").asBoolean()).isTrue();
        assertThat(period.path("publication").path("frozenBy").asString()).isEqualTo("supervisor1");
        assertThat(period.path("corrections").toString()).contains("\"unitCode\":\"110106\"", "\"unitCode\":\"110105\"");
        assertThat(period.path("corrections").size()).isEqualTo(2);
        assertThat(api.get("supervisor1", "/api/v1/evaluation/periods/2025-04").json().path("published").asBoolean()).isFalse();
    }

    @Test
    void handlersSeeTheirOwnUnitAndDistrictsTheirStreets() throws Exception {
        JsonNode street = api.get("handler-110105001", "/api/v1/evaluation/rankings?period=2025-03&class=STREET").json();
        assertThat(street.size()).isEqualTo(1);
        assertThat(street.get(0).path("unitCode").asString()).isEqualTo("110105001");
        JsonNode district = api.get("handler-110105", "/api/v1/evaluation/rankings?period=2025-03&class=STREET").json();
        assertThat(district.size()).isEqualTo(1);
        assertThat(api.get("supervisor1", "/api/v1/evaluation/rankings?period=2025-03&class=STREET").json().size()).isEqualTo(2);
        assertThat(api.get("handler-110105001", "/api/v1/evaluation/units/110101001?period=2025-03").status()).isEqualTo(404);
        assertThat(api.get("handler-110105", "/api/v1/evaluation/units/110105001?period=2025-03").status()).isEqualTo(200);
        String csv = new String(download("handler-110105", "/api/v1/evaluation/rankings.csv?period=2025-03&class=STREET"),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("110105001").doesNotContain("110101001");
    }

    @Test
    void exportsCarryTheSameFigures() throws Exception {
        String csv = new String(download("analyst1", "/api/v1/evaluation/rankings.csv?period=2025-03&class=DISTRICT"),
                StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("\ufeff\"rank 排名\"");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).startsWith("\"2\",\"110105\",\"朝阳区\",\"DISTRICT\",\"4\",\"3\",\"2\",\"1\",\"1\",\"2\",\"0.7500\",\"0.6250\",\"0.7000\"");
        byte[] xlsx = download("analyst1", "/api/v1/evaluation/rankings.xlsx?period=2025-03&class=DISTRICT");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("unitName 单位");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("110105");
            assertThat(sheet.getRow(2).getCell(14).getNumericCellValue()).isEqualTo(0.6675);
        }
    }

    @Test
    void badInputIsA400AndAPeriodWithoutDataAnEmptyList() {
        for (String q : new String[] {"period=2025-13&class=DISTRICT", "period=abc&class=DISTRICT", "period=2025-03&class=TOWN",
            "period=2025-03", "class=DISTRICT", "from=2025-03-01&class=DISTRICT", "from=2025-03-10&to=2025-03-01&class=STREET",
            "period=2025-03&from=2025-03-01&to=2025-03-02&class=STREET", "from=2025-02-30&to=2025-03-01&class=STREET"}) {
            Api.Response r = api.get("analyst1", "/api/v1/evaluation/rankings?" + q);
            assertThat(r.status()).as(q + " " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(api.get("analyst1", "/api/v1/evaluation/rankings.xlsx?" + q).status()).as(q).isEqualTo(400);
        }
        assertThat(api.get("analyst1", "/api/v1/evaluation/rankings?period=2001-01&class=COMPANY").body()).isEqualTo("[]");
        assertThat(api.get("analyst1", "/api/v1/evaluation/units/NOPE?period=2025-03").status()).isEqualTo(404);
        assertThat(api.get(null, "/api/v1/evaluation/rankings?period=2025-03&class=DISTRICT").status()).isEqualTo(401);
        assertThat(api.post("supervisor1", "/api/v1/evaluation/rebuild", null).status()).isEqualTo(403);
    }

    private byte[] download(String user, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private void counter(String day, String unit, String attribution, int valid, int contacted, int solved, int partly,
            int satisfied, int basically) {
        jdbc.sql("""
                insert into evaluation_counter (day, unit_code, attribution, valid, contacted, solved, partly, satisfied, basically,
                    replied, on_time) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)
                on conflict (day, unit_code, attribution) do update set valid = evaluation_counter.valid + excluded.valid,
                    contacted = evaluation_counter.contacted + excluded.contacted, solved = evaluation_counter.solved + excluded.solved,
                    partly = evaluation_counter.partly + excluded.partly, satisfied = evaluation_counter.satisfied + excluded.satisfied,
                    basically = evaluation_counter.basically + excluded.basically""")
                .params(LocalDate.parse(day), unit, attribution, valid, contacted, solved, partly, satisfied, basically).update();
    }
}
