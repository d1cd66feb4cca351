package io.swiftresponse.intake.classifier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFileTests {

    private static TextClassifier model;
    private static byte[] bytes;

    @BeforeAll
    static void train() throws Exception {
        model = new ClassifierTrainer().train(ClassifierFixtures.tinyDataset(),
                ClassifierFixtures.options().withModelVersion("test-1"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(model, out);
        bytes = out.toByteArray();
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/model.bin");
        ModelFile.write(model, f);
        TextClassifier back = ModelFile.read(f);
        assertThat(back.labels()).isEqualTo(model.labels());
        assertThat(back.info()).isEqualTo(model.info());
        assertThat(back.info().modelVersion()).isEqualTo("test-1");
        assertThat(back.featureCount()).isEqualTo(model.featureCount());
        for (LabelledText t : ClassifierFixtures.tinyDataset()) {
            assertThat(back.predict(t.text())).isEqualTo(model.predict(t.text()));
            assertThat(back.scores(t.text())).containsExactly(model.scores(t.text()));
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        ModelFile.write(back, again);
        assertThat(again.toByteArray()).isEqualTo(bytes);
        assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
        try (var s = Files.list(f.getParent())) {
            assertThat(s).containsExactly(f); // no temporary file left behind
        }
    }

    @Test
    void readsAFormatVersion2FileWrittenBeforeTheNeighbourVote() throws Exception {
        // a version-2 file is today's file of a model without a vote, minus the "no vote" flag before the end marker
        TextClassifier linear = new ClassifierTrainer().train(ClassifierFixtures.tinyDataset(),
                ClassifierFixtures.options().withNeighbours(NeighbourVote.OFF));
        ByteArrayOutputStream v3 = new ByteArrayOutputStream();
        ModelFile.write(linear, v3);
        byte[] current = v3.toByteArray();
        byte[] payload = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(current, 20, current.length - 24))
                .readAllBytes();
        assertThat(payload[payload.length - 5]).isZero(); // the flag: no neighbour vote
        ByteArrayOutputStream v2payload = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(v2payload)) {
            gz.write(payload, 0, payload.length - 5);
            gz.write(payload, payload.length - 4, 4);
        }
        byte[] body = v2payload.toByteArray();
        java.nio.ByteBuffer file = java.nio.ByteBuffer.allocate(20 + body.length + 4);
        file.put(ModelFile.MAGIC).putInt(2).putLong(body.length).put(body);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(file.array(), 0, 20 + body.length);
        file.putInt((int) crc.getValue());

        TextClassifier old = ModelFile.read(new ByteArrayInputStream(file.array()), "v2.bin");
        assertThat(old.vote()).isNull();
        for (LabelledText t : ClassifierFixtures.tinyDataset()) {
            assertThat(old.scores(t.text())).containsExactly(linear.scores(t.text()));
        }
    }

    @Test
    void startsWithMagicAndVersion() {
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(ModelFile.MAGIC);
        assertThat(bytes[11]).isEqualTo((byte) ModelFile.FORMAT_VERSION);
        assertThat(bytes[8] | bytes[9] | bytes[10]).isZero();
    }

    @Test
    void foreignFileIsRejectedClearly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "id,text,label\n1,你好,问候\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ModelFile.read(f))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("is not a Swift Response classifier model");
        Path empty = dir.resolve("empty.bin");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> ModelFile.read(empty)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a Swift Response classifier model");
    }

    @Test
    void otherFormatVersionIsRejectedClearly() {
        byte[] b = bytes.clone();
        b[11] = 99;
        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(b), "m.bin"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("m.bin has model format version 99; this build reads versions 1 to 3 (retrain or use a matching build)");
    }

    @Test
    void corruptedFileIsRejectedClearly() {
        for (int pos : new int[] {20, bytes.length / 3, bytes.length / 2, bytes.length - 6}) {
            byte[] b = bytes.clone();
            b[pos] ^= 0x5A;
            assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(b), "m.bin"))
                    .as("byte %d flipped", pos)
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith("m.bin is ")
                    .hasMessageMatching("(?s).*(corrupted|truncated).*");
        }
    }

    @Test
    void truncatedFileIsRejectedClearly() {
        for (int len : new int[] {10, 40, bytes.length / 2, bytes.length - 1}) {
            byte[] b = Arrays.copyOf(bytes, len);
            assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(b), "m.bin"))
                    .as("truncated to %d bytes", len)
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("m.bin is");
        }
    }

    @Test
    void missingFileIsReported(@TempDir Path dir) {
        assertThatThrownBy(() -> ModelFile.read(dir.resolve("nope.bin")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThatThrownBy(() -> ModelFile.read(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("directory");
    }
}
