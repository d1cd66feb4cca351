package io.swiftresponse.intake.classifier;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the binary model format.
 *
 * <pre>
 * 8 bytes  magic 0x89 'S' 'R' 'C' 'L' 'S' '\r' '\n'
 * int      format version (big-endian), currently 2 (1 is still read: no calibration points)
 * long     length of the gzip payload in bytes
 * gzip payload:
 *   string   model version            (string = int byte length + UTF-8 bytes)
 *   string   trained-at (ISO-8601)
 *   int      training rows
 *   int K; K × (string label, int training count)      labels in model order
 *   long     seed
 *   map      hyper-parameters          (map = int n + n × (string key, string value))
 *   map      evaluation summary (possibly empty)
 *   string   tokenizer description
 *   int charMin, int charMax, int wordMax, boolean removeStopWords, boolean keepNumbers, float wordWeight
 *   double   softmax temperature
 *   int      P, then P doubles (softmax probability) and P doubles (calibrated)   (format 2 only)
 *   int F; F × long feature fingerprint (ascending); F × float idf
 *   K × float bias; F·K × float weight (feature-major)
 *   int      end marker 0x454E4421
 * int      CRC-32 of all preceding bytes
 * </pre>
 * The length and the CRC-32 are checked before anything is parsed, so a truncated or damaged file is
 * reported as such. Output is deterministic (the gzip header has no timestamp): the same model gives
 * the same bytes on the same Java runtime.
 */
public final class ModelFile {

    static final byte[] MAGIC = {(byte) 0x89, 'S', 'R', 'C', 'L', 'S', '\r', '\n'};
    /** The format version this build writes and reads. */
    public static final int FORMAT_VERSION = 2;
    private static final int END_MARKER = 0x454E4421;
    private static final int HEADER_BYTES = 8 + 4 + 8;
    private static final int MAX_STRING_BYTES = 1 << 20;
    private static final int MAX_LABELS = 10_000;
    private static final int MAX_FEATURES = 20_000_000;

    private ModelFile() {
    }

    /** Writes a model to a file, atomically (a temporary file in the same folder is renamed). */
    public static void write(TextClassifier model, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(model, out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a model to a stream (the stream is not closed). */
    public static void write(TextClassifier model, OutputStream target) throws IOException {
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream(1 << 20);
        GZIPOutputStream gz = new GZIPOutputStream(payload, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        writePayload(model, out);
        out.flush();
        gz.finish();
        CRC32 crc = new CRC32();
        ByteBuffer head = ByteBuffer.allocate(HEADER_BYTES);
        head.put(MAGIC).putInt(FORMAT_VERSION).putLong(payload.size());
        crc.update(head.array());
        byte[] body = payload.toByteArray();
        crc.update(body);
        target.write(head.array());
        target.write(body);
        target.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        target.flush();
    }

    private static void writePayload(TextClassifier model, DataOutputStream out) throws IOException {
        ModelInfo info = model.info();
        writeString(out, info.modelVersion());
        writeString(out, info.trainedAt());
        out.writeInt(info.trainingRows());
        List<String> labels = model.labels();
        out.writeInt(labels.size());
        for (String l : labels) {
            writeString(out, l);
            out.writeInt(info.labelCounts().getOrDefault(l, 0));
        }
        out.writeLong(info.seed());
        writeMap(out, info.hyperParameters());
        writeMap(out, info.evaluation());
        writeString(out, info.tokenizer());
        FeatureExtractor.Config c = model.extractor().config();
        out.writeInt(c.charMin());
        out.writeInt(c.charMax());
        out.writeInt(c.wordMax());
        out.writeBoolean(c.removeStopWords());
        out.writeBoolean(c.keepNumbers());
        out.writeFloat(c.wordWeight());
        out.writeDouble(model.temperature());
        TopCalibration calibration = model.calibration();
        out.writeInt(calibration.x().length);
        for (double v : calibration.x()) out.writeDouble(v);
        for (double v : calibration.y()) out.writeDouble(v);
        Vocabulary v = model.vocabulary();
        out.writeInt(v.size());
        long[] fps = v.fingerprints();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
        for (long fp : fps) {
            if (buf.remaining() < 8) {
                flush(buf, out);
            }
            buf.putLong(fp);
        }
        flush(buf, out);
        writeFloats(out, v.idfs(), buf);
        writeFloats(out, model.weights().bias(), buf);
        writeFloats(out, model.weights().w(), buf);
        out.writeInt(END_MARKER);
    }

    /** Reads a model file. */
    public static TextClassifier read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "model file not found");
        }
        if (Files.isDirectory(file)) {
            throw new ModelFormatException(file + " is a directory, not a model file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads a model from a stream; {@code name} is used in error messages. */
    public static TextClassifier read(InputStream source, String name) throws IOException {
        byte[] magic = source.readNBytes(MAGIC.length);
        if (magic.length < MAGIC.length || !Arrays.equals(magic, MAGIC)) {
            throw new ModelFormatException(name + " is not a Swift Response classifier model (bad magic header)");
        }
        byte[] rest = source.readAllBytes();
        if (rest.length < 4) {
            throw new ModelFormatException(name + " is truncated (no format version)");
        }
        ByteBuffer head = ByteBuffer.wrap(rest);
        int version = head.getInt();
        if (version != FORMAT_VERSION && version != 1) {
            throw new ModelFormatException(name + " has model format version " + version
                    + "; this build reads versions 1 and " + FORMAT_VERSION + " (retrain or use a matching build)");
        }
        long total = MAGIC.length + (long) rest.length;
        if (rest.length < HEADER_BYTES - MAGIC.length + 4) {
            throw new ModelFormatException(name + " is truncated (" + total + " bytes)");
        }
        long payloadLength = head.getLong();
        long expected = HEADER_BYTES + payloadLength + 4;
        if (payloadLength < 0 || expected != total) {
            throw new ModelFormatException(name + " is truncated or corrupted (" + total + " bytes, the header announces "
                    + (payloadLength < 0 ? "a negative length" : expected + " bytes") + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(MAGIC);
        crc.update(rest, 0, rest.length - 4);
        int stored = ByteBuffer.wrap(rest, rest.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new ModelFormatException(name + " is corrupted (CRC-32 checksum mismatch)");
        }
        int offset = HEADER_BYTES - MAGIC.length;
        try {
            InputStream gz = new GZIPInputStream(new ByteArrayInputStream(rest, offset, (int) payloadLength), 1 << 16);
            DataInputStream data = new DataInputStream(new BufferedInputStream(gz, 1 << 16));
            TextClassifier model = readPayload(data, version);
            if (data.readInt() != END_MARKER) {
                throw new ModelFormatException("end marker missing");
            }
            if (data.read() != -1) {
                throw new ModelFormatException("unexpected data after the end marker");
            }
            return model;
        } catch (ModelFormatException e) {
            throw new ModelFormatException(name + " is corrupted: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new ModelFormatException(name + " is corrupted (unexpected end of data)", e);
        } catch (ZipException e) {
            throw new ModelFormatException(name + " is corrupted (compressed data damaged: " + e.getMessage() + ")", e);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                 | NegativeArraySizeException e) {
            throw new ModelFormatException(name + " is corrupted (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    private static TextClassifier readPayload(DataInputStream in, int version) throws IOException {
        String modelVersion = readString(in);
        String trainedAt = readString(in);
        int rows = in.readInt();
        if (rows < 0) {
            throw new ModelFormatException("negative training row count");
        }
        int k = in.readInt();
        if (k < 2 || k > MAX_LABELS) {
            throw new ModelFormatException("implausible label count " + k);
        }
        List<String> labels = new ArrayList<>(k);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            String l = readString(in);
            labels.add(l);
            counts.put(l, in.readInt());
        }
        if (counts.size() != k) {
            throw new ModelFormatException("duplicate labels");
        }
        long seed = in.readLong();
        Map<String, String> hyper = readMap(in);
        Map<String, String> evaluation = readMap(in);
        String tokenizer = readString(in);
        FeatureExtractor.Config config = new FeatureExtractor.Config(in.readInt(), in.readInt(), in.readInt(),
                in.readBoolean(), in.readBoolean(), in.readFloat());
        double temperature = in.readDouble();
        TopCalibration calibration = TopCalibration.IDENTITY;
        if (version >= 2) {
            int points = in.readInt();
            if (points < 0 || points > 1000) {
                throw new ModelFormatException("implausible calibration point count " + points);
            }
            double[] x = new double[points];
            double[] y = new double[points];
            for (int i = 0; i < points; i++) x[i] = in.readDouble();
            for (int i = 0; i < points; i++) y[i] = in.readDouble();
            calibration = new TopCalibration(x, y);
        }
        int f = in.readInt();
        if (f < 0 || f > MAX_FEATURES) {
            throw new ModelFormatException("implausible feature count " + f);
        }
        if ((long) f * k > Integer.MAX_VALUE - 16) {
            throw new ModelFormatException("weight matrix too large");
        }
        long[] fps = new long[f];
        byte[] chunk = new byte[1 << 16];
        int done = 0;
        while (done < f) {
            int take = Math.min(f - done, chunk.length / 8);
            in.readFully(chunk, 0, take * 8);
            ByteBuffer.wrap(chunk, 0, take * 8).asLongBuffer().get(fps, done, take);
            done += take;
        }
        float[] idf = readFloats(in, f, chunk);
        float[] bias = readFloats(in, k, chunk);
        float[] w = readFloats(in, f * k, chunk);
        ModelInfo info = new ModelInfo(modelVersion, trainedAt, rows, counts, seed, hyper, evaluation, tokenizer);
        return new TextClassifier(labels, new FeatureExtractor(config), new Vocabulary(fps, idf),
                new LinearSolver.Weights(w, bias, k), temperature, calibration, info);
    }

    private static void writeFloats(DataOutputStream out, float[] a, ByteBuffer buf) throws IOException {
        for (float x : a) {
            if (buf.remaining() < 4) {
                flush(buf, out);
            }
            buf.putFloat(x);
        }
        flush(buf, out);
    }

    private static float[] readFloats(DataInputStream in, int n, byte[] chunk) throws IOException {
        float[] a = new float[n];
        int done = 0;
        while (done < n) {
            int take = Math.min(n - done, chunk.length / 4);
            in.readFully(chunk, 0, take * 4);
            ByteBuffer.wrap(chunk, 0, take * 4).asFloatBuffer().get(a, done, take);
            done += take;
        }
        for (float x : a) {
            if (!Float.isFinite(x)) {
                throw new ModelFormatException("non-finite number in the weights");
            }
        }
        return a;
    }

    private static void flush(ByteBuffer buf, DataOutputStream out) throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > MAX_STRING_BYTES) {
            throw new ModelFormatException("implausible string length " + len);
        }
        byte[] b = new byte[len];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void writeMap(DataOutputStream out, Map<String, String> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new ModelFormatException("implausible map size " + n);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(readString(in), readString(in));
        }
        return m;
    }
}
