package io.swiftresponse.intake.classifier;

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
        String text = Csv.format(records);
        assertThat(Csv.parse(text)).isEqualTo(records);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Csv.CsvWriter w = new Csv.CsvWriter(bytes)) {
            for (List<String> r : records) {
                w.writeRecord(r);
            }
        }
        Csv.Table table = Csv.readTable(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(table.header()).containsExactly("id", "text", "label");
        assertThat(table.rows()).isEqualTo(records.subList(1, records.size()));
    }

    @Test
    void quotesOnlyWhenNeeded() {
        assertThat(Csv.quote("abc")).isEqualTo("abc");
        assertThat(Csv.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.quote("x\ny")).isEqualTo("\"x\ny\"");
        assertThat(Csv.quote("")).isEmpty();
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
            Csv.Table t = Csv.readTable(new ByteArrayInputStream(input));
            assertThat(t.header()).containsExactly("留言编号", "留言主题");
            assertThat(t.rows()).containsExactly(List.of("1", "标题，带逗号"), List.of("2", "第二条"));
        }
    }

    @Test
    void keepsTabsAndWhitespaceInsideFieldsAndSkipsBlankLines() throws Exception {
        Csv.Table t = Csv.readTable(new ByteArrayInputStream(
                "a,b\n\t x ,\"y\t\n z\"\n\n1,2".getBytes(StandardCharsets.UTF_8)));
        assertThat(t.rows()).containsExactly(List.of("\t x ", "y\t\n z"), List.of("1", "2"));
    }

    @Test
    void resolvesJoinedColumns() throws Exception {
        Csv.Table t = Csv.readTable(new ByteArrayInputStream(
                "id,留言主题,留言详情\n1,标题,正文\n".getBytes(StandardCharsets.UTF_8)));
        int[] cols = t.resolveColumns("留言主题+留言详情");
        assertThat(cols).containsExactly(1, 2);
        assertThat(Csv.Table.join(t.rows().get(0), cols)).isEqualTo("标题\n正文");
        assertThatThrownBy(() -> t.resolveColumns("留言主题+答复"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'答复'");
    }

    @Test
    void rejectsMalformedInputWithLineNumbers() {
        assertThatThrownBy(() -> Csv.parse("a,b\n1,\"open"))
                .isInstanceOf(Csv.CsvFormatException.class).hasMessageContaining("unterminated").hasMessageContaining("line 2");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,x\"y\n"))
                .isInstanceOf(Csv.CsvFormatException.class).hasMessageContaining("quote inside");
        assertThatThrownBy(() -> Csv.parse("a,b\n\"x\"y,2\n"))
                .isInstanceOf(Csv.CsvFormatException.class).hasMessageContaining("after a closing quote");
        assertThatThrownBy(() -> Csv.readTable(new ByteArrayInputStream("a,b\n1,2,3\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(Csv.CsvFormatException.class).hasMessageContaining("3 fields").hasMessageContaining("line 2");
        assertThatThrownBy(() -> Csv.readTable(new ByteArrayInputStream(new byte[] {'a', '\n', (byte) 0xC3, '\n'})))
                .isInstanceOf(Csv.CsvFormatException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> Csv.readTable(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(Csv.CsvFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void writesFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out.csv");
        try (Csv.CsvWriter w = Csv.writer(f)) {
            w.writeRecord("id", "label", "confidence");
            w.writeRecord("7", "环境保护", "0.9000");
        }
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("id,label,confidence\r\n7,环境保护,0.9000\r\n");
        assertThat(Csv.readTable(f).rows()).containsExactly(List.of("7", "环境保护", "0.9000"));
    }
}
