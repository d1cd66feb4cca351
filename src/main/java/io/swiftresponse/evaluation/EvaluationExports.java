package io.swiftresponse.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Rankings as CSV (UTF-8 with a byte-order mark, so Excel shows Chinese names) and as .xlsx (Apache POI,
 * streaming workbook). The rows are those the user may see; rankings hold no personal data, so nothing is masked.
 */
public final class EvaluationExports {

    record Column(String header, Function<RankingEntry, Object> value) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("rank 排名", RankingEntry::rank), new Column("unitCode 单位编码", RankingEntry::unitCode),
            new Column("unitName 单位", RankingEntry::unitName), new Column("class 类别", e -> e.unitClass().name()),
            new Column("valid 有效回访", RankingEntry::valid), new Column("contacted 已联系", RankingEntry::contacted),
            new Column("solved 已解决", RankingEntry::solved), new Column("partlySolved 部分解决", RankingEntry::partlySolved),
            new Column("satisfied 满意", RankingEntry::satisfied), new Column("basicallySatisfied 基本满意", RankingEntry::basicallySatisfied),
            new Column("responseRate 响应率", RankingEntry::responseRate), new Column("resolutionRate 解决率", RankingEntry::resolutionRate),
            new Column("satisfactionRate 满意率", RankingEntry::satisfactionRate), new Column("timelinessRate 按时反馈率", RankingEntry::timelinessRate),
            new Column("composite 综合得分", RankingEntry::composite), new Column("grade 等级", RankingEntry::grade),
            new Column("rankChange 名次变化", RankingEntry::rankChange),
            new Column("governanceCandidate 治理类候选", RankingEntry::governanceCandidate),
            new Column("corrected 发布后已更正", e -> e.current() != null));

    private EvaluationExports() {
    }

    public static byte[] csv(List<RankingEntry> entries) {
        StringBuilder sb = new StringBuilder("\ufeff");
        sb.append(String.join(",", COLUMNS.stream().map(c -> quote(c.header())).toList())).append("\r\n");
        for (RankingEntry e : entries) {
            sb.append(String.join(",", COLUMNS.stream().map(c -> quote(text(c.value().apply(e)))).toList())).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<RankingEntry> entries, String title) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(title.replaceAll("[\\\\/?*\\[\\]:]", "_"));
            CellStyle rate = wb.createCellStyle();
            rate.setDataFormat(wb.createDataFormat().getFormat("0.0000"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) header.createCell(i).setCellValue(COLUMNS.get(i).header());
            int r = 1;
            for (RankingEntry e : entries) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Object v = COLUMNS.get(i).value().apply(e);
                    Cell cell = row.createCell(i);
                    if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                        cell.setCellStyle(rate);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else if (v != null) {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    /** Quotes every field and neutralises a leading =, + or @ so a spreadsheet never runs a cell as a formula. */
    static String quote(String s) {
        String safe = !s.isEmpty() && "=+@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
