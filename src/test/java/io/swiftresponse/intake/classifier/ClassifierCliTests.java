package io.swiftresponse.intake.classifier;

import io.swiftresponse.shared.csv.CsvReader;
import io.swiftresponse.shared.csv.CsvTable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierCliTests {

    @TempDir
    static Path dir;
    static Path trainCsv;
    static Path model;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ClassifierCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void trainModel() throws Exception {
        trainCsv = dir.resolve("train.csv");
        Files.writeString(trainCsv, ClassifierFixtures.tinyCsv(), StandardCharsets.UTF_8);
        model = dir.resolve("model.bin");
        Run r = run("train", "--input", trainCsv.toString(), "--text-column", "text", "--label-column", "label",
                "--model", model.toString(), "--seed", "42", "--min-df", "1", "--calibration-folds", "2",
                "--trained-at", "2024-01-01T00:00:00Z");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trained on 24 rows");
        assertThat(model).exists();
    }

    @Test
    void trainIsDeterministic() throws Exception {
        Path again = dir.resolve("again.bin");
        Run r = run("train", "--input", trainCsv.toString(), "--model", again.toString(), "--min-df", "1",
                "--calibration-folds", "2", "--trained-at", "2024-01-01T00:00:00Z");
        assertThat(r.code()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(model));
    }

    @Test
    void predictWritesIdLabelConfidence() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "id,text\r\nA-1,\"地铁站门口每天早上堵车，公交车也进不来\"\r\n"
                + "A-2,\"工厂排放废气，\"\"异味\"\"刺鼻\nsecond line\"\r\nA-3,\r\n", StandardCharsets.UTF_8);
        Path outFile = dir.resolve("out.csv");
        Run r = run("predict", "--model", model.toString(), "--input", in.toString(), "--output", outFile.toString());
        assertThat(r.code()).as(r.err()).isZero();
        CsvTable t = CsvReader.readTable(outFile);
        assertThat(t.header()).containsExactly("id", "label", "confidence");
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0).subList(0, 2)).containsExactly("A-1", "交通运输");
        assertThat(t.rows().get(1).subList(0, 2)).containsExactly("A-2", "环境保护");
        // an empty text is labelled with the most frequent label at its training share, and the run says which rows
        assertThat(r.out()).contains("1 row has no word the model knows").contains("ids A-3");
        for (List<String> row : t.rows()) {
            assertThat(Double.parseDouble(row.get(2))).isBetween(0.0, 1.0);
        }
    }

    @Test
    void evaluatePrintsMetricsAndAcceptsJoinedColumns() throws Exception {
        Path raw = dir.resolve("raw.csv");
        Files.writeString(raw, "\uFEFF留言编号,留言主题,留言详情,一级分类\n"
                + "1,地铁站堵车,\"公交车每天早上进不来，\n请处理\",交通运输\n"
                + "2,学校收费,幼儿园老师要求家长交学费,教育文体\n"
                + "3,工厂废气,\"排放废气，异味刺鼻\",环境保护\n", StandardCharsets.UTF_8);
        Run r = run("evaluate", "--model", model.toString(), "--input", raw.toString(),
                "--text-column", "留言主题+留言详情", "--label-column", "一级分类");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("accuracy   1.0000").contains("macro-F1   1.0000").contains("confusion matrix")
                .contains("precision");
    }

    @Test
    void infoAndCrossValidate() {
        Run info = run("info", "--model", model.toString());
        assertThat(info.code()).isZero();
        assertThat(info.out()).contains("labels").contains("2024-01-01T00:00:00Z");
        Run cv = run("cross-validate", "--input", trainCsv.toString(), "--folds", "3", "--min-df", "1");
        assertThat(cv.code()).as(cv.err()).isZero();
        assertThat(cv.out()).contains("macro-F1 mean");
    }

    @Test
    void overlapFindsRawVersionsOfSegmentedRows() throws Exception {
        Path seg = dir.resolve("seg.csv");
        Files.writeString(seg, "id,text,label\n1,地铁站 门口 早上 堵车 公交车 进不来,交通运输\n"
                + "2,幼儿园 老师 要求 家长 学费,教育文体\n", StandardCharsets.UTF_8);
        Path sample = dir.resolve("sample.csv");
        Files.writeString(sample, "留言主题,留言详情,一级分类\n地铁站门口,每天早上都堵车，公交车也进不来！,交通运输\n"
                + "噪音扰民,工厂夜里噪音很大,环境保护\n", StandardCharsets.UTF_8);
        Path rest = dir.resolve("rest.csv");
        Path unseen = dir.resolve("unseen.csv");
        Path both = dir.resolve("both.csv");
        Run r = run("overlap", "--train", seg.toString(), "--sample", sample.toString(),
                "--sample-text-column", "留言主题+留言详情", "--output-train", rest.toString(),
                "--output-unseen", unseen.toString(), "--output-overlap", both.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 (50.0 %) also occur").contains("agreement").contains("1/1");
        assertThat(CsvReader.readTable(rest).rows()).extracting(row -> row.get(0)).containsExactly("2");
        assertThat(CsvReader.readTable(unseen).rows()).extracting(row -> row.get(0)).containsExactly("噪音扰民");
        assertThat(CsvReader.readTable(both).rows()).extracting(row -> row.get(0)).containsExactly("1");
    }

    @Test
    void badInputGivesExitCode2AndOneLineWithoutStackTrace() throws Exception {
        Path noLabel = dir.resolve("nolabel.csv");
        Files.writeString(noLabel, "id,text,label\n1,地铁堵车,交通运输\n2,学校收费,\n", StandardCharsets.UTF_8);
        Path malformed = dir.resolve("bad.csv");
        Files.writeString(malformed, "id,text,label\n1,\"unterminated,交通运输\n", StandardCharsets.UTF_8);
        Path corrupt = dir.resolve("corrupt.bin");
        byte[] b = Files.readAllBytes(model);
        b[b.length / 2] ^= 0x33;
        Files.write(corrupt, b);
        String m = model.toString();
        String t = trainCsv.toString();
        String o = dir.resolve("x.bin").toString();
        String[][] cases = {
            {},
            {"fly"},
            {"train", "--input", dir.resolve("missing.csv").toString(), "--model", o},
            {"train", "--input", t, "--model", o, "--text-column", "body"},
            {"train", "--input", t, "--model", o, "--label-column", "category"},
            {"train", "--input", noLabel.toString(), "--model", o},
            {"train", "--input", malformed.toString(), "--model", o},
            {"train", "--input", t, "--model", o, "--colour", "red"},
            {"train", "--input", t, "--model", o, "--seed"},
            {"train", "--input", t, "--model", o, "--seed", "forty-two"},
            {"train", "--input", t, "--model", o, "--algorithm", "forest"},
            {"train", "--input", t, "--model", o, "--neighbours", "0"},
            {"train", "--input", t, "--model", o, "--neighbours", "10,,30"},
            {"train", "--input", t, "--model", o, "--neighbour-weights", "lots"},
            {"train", "--input", t, "--model", o, "--neighbour-powers", "100"},
            {"train", "--input", t, "--model", o, "--neighbours", "off", "--neighbour-max-df", "50"},
            {"train", "--input", t, "--model", o, "--neighbours", "10,30", "--calibration-folds", "0"},
            {"train", "--input", t},
            {"train", "--input", t, "--model", dir.resolve("no/such/dir/m.bin").toString()},
            {"predict", "--model", corrupt.toString(), "--input", t, "--output", dir.resolve("p.csv").toString()},
            {"predict", "--model", t, "--input", t, "--output", dir.resolve("p.csv").toString()},
            {"predict", "--model", m, "--input", t, "--output", dir.resolve("p.csv").toString(), "--id-column", "nr"},
            {"evaluate", "--model", m, "--input", t, "--text-column", "留言主题+留言详情"},
            {"evaluate", "--model", m, "--input", noLabel.toString()},
            {"cross-validate", "--input", t, "--folds", "1"},
            {"overlap", "--train", t, "--sample", t},
        };
        for (String[] args : cases) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + " -> " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("classifier: error: ");
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
        assertThat(run("train", "--input", noLabel.toString(), "--model", o).err()).contains("data row 2 has an empty label");
        assertThat(run("train", "--input", t, "--model", o, "--colour", "red").err()).contains("unknown option --colour");
        assertThat(run("train", "--input", t, "--model", o, "--algorithm", "forest").err())
                .contains("--algorithm must be svm, nbsvm or logistic");
        assertThat(run("train", "--input", t, "--model", o, "--text-column", "body").err()).contains("'body' not found");
        assertThat(run("train", "--input", t, "--model", o, "--neighbours", "0").err()).contains("k must be 1..100");
        assertThat(run("train", "--input", t, "--model", o, "--neighbours", "10,30", "--calibration-folds", "0").err())
                .contains("chosen on the calibration folds");
        assertThat(run("train", "--input", malformed.toString(), "--model", o).err()).contains("malformed CSV");
        assertThat(run("predict", "--model", corrupt.toString(), "--input", t, "--output", dir.resolve("p.csv").toString())
                .err()).contains("corrupted");
        assertThat(run("predict", "--model", t, "--input", t, "--output", dir.resolve("p.csv").toString())
                .err()).contains("not a Swift Response classifier model");
    }
}
