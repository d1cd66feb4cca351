package io.swiftresponse.shared.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTests {

    @Test
    void roundTripsCommasQuotesAndLineBreaks() throws Exception {
        List<List<String>> records = List.of(
                List.of("id", "text", "label"),
                List.of("1", "普通文本", "城乡建设"),
                List.of("2", "含逗号, 和\"引号\"的文本", "交通运输"),
                List.of("3", "第一行\n第二行\r\n第三行\r第四行", "教育文体"),
                List.of("4", "", " 前后空格 "),
                List.of("5", "\"整段引号\"", "a,b"));
        String text = CsvWriter.format(records);
        assertThat(CsvReader.parse(text)).isEqualTo(records);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter w = new CsvWriter(bytes)) {
            for (List<String> r : records) {
                w.writeRecord(r);
            }
        }
        CsvTable table = CsvReader.readTable(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(table.header()).containsExactly("id", "text", "label");
        assertThat(table.rows()).isEqualTo(records.subList(1, records.size()));
    }

    @Test
    void quotesOnlyWhenNeeded() {
        assertThat(CsvWriter.quote("abc")).isEqualTo("abc");
        assertThat(CsvWriter.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.quote("x\ny")).isEqualTo("\"x\ny\"");
        assertThat(CsvWriter.quote("")).isEmpty();
    }

    @Test
    void readsUtf8WithByteOrderMarkAndCrLf() throws Exception {
        byte[] body = "留言编号,留言主题\r\n1,\"标题，带逗号\"\r\n2,第二条\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        for (byte[] input : List.of(body, withBom)) {
            CsvTable t = CsvReader.readTable(new ByteArrayInputStream(input));
            assertThat(t.header()).containsExactly("留言编号", "留言主题");
            assertThat(t.rows()).containsExactly(List.of("1", "标题，带逗号"), List.of("2", "第二条"));
        }
    }

    @Test
    void keepsTabsAndWhitespaceInsideFieldsAndSkipsBlankLines() throws Exception {
        CsvTable t = CsvReader.readTable(new ByteArrayInputStream(
                "a,b\n\t x ,\"y\t\n z\"\n\n1,2".getBytes(StandardCharsets.UTF_8)));
        assertThat(t.rows()).containsExactly(List.of("\t x ", "y\t\n z"), List.of("1", "2"));
    }

    @Test
    void resolvesJoinedColumns() throws Exception {
        CsvTable t = CsvReader.readTable(new ByteArrayInputStream(
                "id,留言主题,留言详情\n1,标题,正文\n".getBytes(StandardCharsets.UTF_8)));
        int[] cols = t.resolveColumns("留言主题+留言详情");
        assertThat(cols).containsExactly(1, 2);
        assertThat(CsvTable.join(t.rows().get(0), cols)).isEqualTo("标题\n正文");
        assertThatThrownBy(() -> t.resolveColumns("留言主题+答复"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'答复'");
    }

    @Test
    void rejectsMalformedInputWithLineNumbers() {
        assertThatThrownBy(() -> CsvReader.parse("a,b\n1,\"open"))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("unterminated").hasMessageContaining("line 2");
        assertThatThrownBy(() -> CsvReader.parse("a,b\n1,x\"y\n"))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("quote inside");
        assertThatThrownBy(() -> CsvReader.parse("a,b\n\"x\"y,2\n"))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("after a closing quote");
        assertThatThrownBy(() -> CsvReader.readTable(new ByteArrayInputStream("a,b\n1,2,3\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("3 fields").hasMessageContaining("line 2");
        assertThatThrownBy(() -> CsvReader.readTable(new ByteArrayInputStream(new byte[] {'a', '\n', (byte) 0xC3, '\n'})))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> CsvReader.readTable(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void writesFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out.csv");
        try (CsvWriter w = CsvWriter.open(f)) {
            w.writeRecord("id", "label", "confidence");
            w.writeRecord("7", "环境保护", "0.9000");
        }
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("id,label,confidence\r\n7,环境保护,0.9000\r\n");
        assertThat(CsvReader.readTable(f).rows()).containsExactly(List.of("7", "环境保护", "0.9000"));
    }

    @Test
    void readsSeedFilesAsMapsByHeader() throws Exception {
        byte[] seed = "\uFEFFcode, name ,note\r\n110101,\"东城区, 北京\",\"line 1\nline \"\"2\"\"\"\r\n\r\n110102,西城区\r\n"
                .getBytes(StandardCharsets.UTF_8);
        List<java.util.Map<String, String>> rows = CsvReader.readWithHeader(new ByteArrayInputStream(seed));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("code", "110101").containsEntry("name", "东城区, 北京")
                .containsEntry("note", "line 1\nline \"2\"");
        // a short row reads its missing trailing fields as empty, the blank line is skipped
        assertThat(rows.get(1)).containsEntry("code", "110102").containsEntry("name", "西城区").containsEntry("note", "");
    }

    @Test
    void readerWithLeadingBomStillSeesTheQuotedFirstField() throws Exception {
        List<List<String>> rows = CsvReader.read(new java.io.StringReader("\uFEFF\"date\",kind\n2026-01-01,holiday\n"));
        assertThat(rows).containsExactly(List.of("date", "kind"), List.of("2026-01-01", "holiday"));
        assertThatThrownBy(() -> CsvReader.read(new java.io.StringReader("date,kind\n2026-01-01,\"open\n")))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("line 2");
    }
}
