package io.swiftresponse.workorder.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.ApiTests;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The order-list exports: same filters, scope and masking as the list; CSV quoting and formula protection; xlsx. */
@IntegrationTest
class OrderExportIntegrationTests extends ApiTests {

    @Autowired
    JdbcClient jdbc;

    private long order(String title, String description, String name) {
        Api.Response r = api.post("agent1", "/api/v1/orders", Api.json(Map.of("channel", "PHONE", "requestType", "COMPLAINT",
                "categoryCode", Orders.CATEGORY, "title", title, "description", description,
                "requester", Map.of("name", name, "phone", "13812345678", "confidential", false),
                "location", Map.of("address", "东华门街道某小区3号楼", "streetCode", Orders.STREET))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private String since(long id) {
        return api.get("agent1", "/api/v1/orders/" + id).text("recordedAt");
    }

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * 1,203 orders in a window of 2019 no other test uses, three per second, so page boundaries (every 500 rows) fall
     * inside runs of equal times: each order exactly once, newest first, ties by id descending.
     */
    @Test
    void aLongExportWalksEveryPageByKeyWithoutLosingOrRepeatingOrders() throws Exception {
        jdbc.sql("""
                insert into work_order (number, channel, request_type, category_code, title, description, street_code, district_code,
                    state, lead_unit_code, recorded_by, recorded_at, updated_at)
                select 'X19' || lpad(g::text, 8, '0'), 'PHONE', 'COMPLAINT', ?, '分页', '分页测试', ?, '110101', 'CLOSED', ?, 'test',
                    timestamptz '2019-03-01 08:00:00+08' + (g / 3) * interval '1 second', now()
                from generate_series(1, 1203) g""").params(Orders.CATEGORY, Orders.STREET, Orders.STREET).update();
        HttpResponse<byte[]> r = download("agent1", "/api/v1/orders/export.csv?from=2019-03-01T00:00:00%2B08:00&to=2019-03-02T00:00:00%2B08:00");
        assertThat(r.statusCode()).isEqualTo(200);
        String[] lines = new String(r.body(), StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines).hasSize(1 + 1203);
        java.util.List<Long> ids = java.util.Arrays.stream(lines).skip(1).map(l -> Long.parseLong(l.substring(0, l.indexOf(',')))).toList();
        assertThat(ids).doesNotHaveDuplicates();
        java.util.List<Long> expected = jdbc.sql("""
                select id from work_order where recorded_at >= timestamptz '2019-03-01 00:00:00+08'
                    and recorded_at < timestamptz '2019-03-02 00:00:00+08' order by recorded_at desc, id desc""").query(Long.class).list();
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void csvQuotesLikeRfc4180NeutralisesFormulasAndMasksLikeTheList() throws Exception {
        long id = order("=HYPERLINK(\"http://x\")", "他说：\"暖气, 不热\"\n第二行", "-王五");
        String from = since(id);
        HttpResponse<byte[]> r = download("agent1", "/api/v1/orders/export.csv?from=" + from);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
        byte[] body = r.body();
        assertThat(body[0]).isEqualTo((byte) 0xEF); // UTF-8 byte-order mark EF BB BF
        assertThat(body[1]).isEqualTo((byte) 0xBB);
        assertThat(body[2]).isEqualTo((byte) 0xBF);
        String csv = new String(body, StandardCharsets.UTF_8).substring(1);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("id 编号,number 工单号,");
        assertThat(csv).contains("\r\n" + id + ",");
        // the title's quotes doubled and the formula prefixed; the description quoted for its comma, quotes and newline
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",\"他说：\"\"暖气, 不热\"\"\n第二行\",");
        // a name starting with '-' is neutralised too; the phone is masked as in the list
        assertThat(csv).contains(",'-王五,138****5678,");
        assertThat(csv).doesNotContain("13812345678");
        // records end in CRLF; the description's bare LF stays inside its quoted field: header + one record
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("\n第二行\",RECEIVED,");

        String analyst = new String(download("analyst1", "/api/v1/orders/export.csv?from=" + from).body(), StandardCharsets.UTF_8);
        assertThat(analyst).contains("\r\n" + id + ",").doesNotContain("王五").doesNotContain("138****5678");
    }

    @Test
    void aHandlerExportsOnlyItsUnitsOrdersAndTheWorkbookOpensWithPoi() throws Exception {
        long mine = order("路灯不亮", "小区门口路灯坏了", "李四");
        String from = since(mine);
        orders.must("agent1", mine, "submit", Map.of());
        orders.must("dispatcher1", mine, "dispatch", Map.of("leadUnitCode", Orders.STREET));
        long other = order("噪音扰民", "夜间施工", "赵六");
        orders.must("agent1", other, "submit", Map.of());
        orders.must("dispatcher1", other, "dispatch", Map.of("leadUnitCode", Orders.OTHER_STREET));

        String handler = new String(download(Orders.handler(Orders.STREET), "/api/v1/orders/export.csv?from=" + from).body(),
                StandardCharsets.UTF_8);
        assertThat(handler).contains("\r\n" + mine + ",").doesNotContain("\r\n" + other + ",");

        HttpResponse<byte[]> x = download("supervisor1", "/api/v1/orders/export.xlsx?state=DISPATCHED&from=" + from);
        assertThat(x.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("id 编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(2); // header + the two dispatched orders
            assertThat((long) sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(other); // newest first
            assertThat((long) sheet.getRow(2).getCell(0).getNumericCellValue()).isEqualTo(mine);
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("路灯不亮");
        }
    }

    @Test
    void badFiltersAre400ProblemsNotHalfWrittenFiles() throws Exception {
        HttpResponse<byte[]> bad = download("agent1", "/api/v1/orders/export.csv?state=NOPE");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(download("agent1", "/api/v1/orders/export.xlsx?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z").statusCode())
                .isEqualTo(400);
        assertThat(download("agent1", "/api/v1/orders/export.csv?unitCode=%27%3B--").statusCode()).isEqualTo(400);
    }
}
