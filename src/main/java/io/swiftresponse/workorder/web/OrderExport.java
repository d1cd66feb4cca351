package io.swiftresponse.workorder.web;

import io.swiftresponse.workorder.OrderView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Formats of the order-list export. Rows are {@link OrderView}s, so they carry exactly the masking of the list
 * (an analyst's rows have no requester name or phone, others a masked phone). Text cells that a spreadsheet would
 * run as a formula (starting with = + - @, tab or carriage return) get a leading apostrophe.
 */
final class OrderExport {

    static final List<String> HEADERS = List.of("id 编号", "number 工单号", "recordedAt 受理时间", "channel 渠道", "requestType 诉求类型",
            "categoryCode 分类", "title 标题", "description 诉求内容", "state 状态", "leadUnitCode 主办单位", "coUnitCodes 协办单位",
            "streetCode 街乡镇", "address 地址", "requesterName 诉求人", "requesterPhone 电话", "deadlineStatus 时限",
            "supervised 督办", "reopenCount 重办次数");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OrderExport() {
    }

    /** A sink for rows: the CSV and the workbook. */
    interface Sink extends AutoCloseable {
        void row(List<Object> cells) throws IOException;

        @Override
        void close() throws IOException;
    }

    static List<Object> cells(OrderView o, ZoneId zone) {
        OrderView.RequesterView r = o.requester();
        OrderView.LocationView l = o.location();
        return Arrays.asList(o.id(), o.number(), o.recordedAt() == null ? null : TIME.format(o.recordedAt().atZone(zone)), o.channel(),
                o.requestType(), o.categoryCode(), o.title(), o.description(), o.state() == null ? null : o.state().name(),
                o.leadUnitCode(), o.coUnitCodes() == null ? null : String.join(";", o.coUnitCodes()),
                l == null ? null : l.streetCode(), l == null ? null : l.address(), r == null ? null : r.name(),
                r == null ? null : r.phone(), o.deadlineStatus() == null ? null : o.deadlineStatus().name(), o.supervised(),
                o.reopenCount());
    }

    /** A cell a spreadsheet shows as text, never evaluates. */
    static String safe(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    /** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
    static String field(Object v) {
        if (v == null) return "";
        String s = v instanceof String text ? safe(text) : v.toString();
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** UTF-8 with a byte-order mark so Excel reads the Chinese; CRLF line ends. */
    static Sink csv(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\ufeff');
        Sink sink = new Sink() {
            @Override
            public void row(List<Object> cells) throws IOException {
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) w.write(',');
                    w.write(field(cells.get(i)));
                }
                w.write("\r\n");
            }

            @Override
            public void close() throws IOException {
                w.flush();
            }
        };
        sink.row(List.copyOf(HEADERS));
        return sink;
    }

    /** A streaming workbook: only a window of rows stays in memory, the rest goes to a temporary file. */
    static Sink xlsx(OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        wb.setCompressTempFiles(true);
        Sheet sheet = wb.createSheet("orders 工单");
        Sink sink = new Sink() {
            int next;

            @Override
            public void row(List<Object> cells) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < cells.size(); i++) {
                    Object v = cells.get(i);
                    if (v instanceof Number n) row.createCell(i).setCellValue(n.doubleValue());
                    else if (v instanceof Boolean b) row.createCell(i).setCellValue(b);
                    else if (v != null) row.createCell(i).setCellValue(safe(v.toString()));
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    wb.write(out);
                } finally {
                    wb.dispose();
                    wb.close();
                }
            }
        };
        sink.row(List.copyOf(HEADERS));
        return sink;
    }
}
