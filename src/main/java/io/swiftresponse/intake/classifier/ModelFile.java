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
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the binary model format.
 *
 * <pre>
 * 8 bytes  magic 0x89 'S' 'R' 'C' 'L' 'S' '\r' '\n'
 * int      format version (big-endian), currently 3 (1 and 2 are still read: no calibration points in 1,
 *          no neighbour vote in 1 and 2)
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
 *   boolean  neighbour vote present                                                (format 3 only)
 *     if so: int k; double power; double weight; int maxDf; int N; N × short label index of each training text;
 *            int F (again); int total postings; F × (varint count, count × varint gap between text numbers);
 *            total × float value
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
    public static final int FORMAT_VERSION = 3;
    static final int END_MARKER = 0x454E4421;
    private static final int HEADER_BYTES = 8 + 4 + 8;

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
        ModelPayload.write(model, out);
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
        if (version < 1 || version > FORMAT_VERSION) {
            throw new ModelFormatException(name + " has model format version " + version
                    + "; this build reads versions 1 to " + FORMAT_VERSION + " (retrain or use a matching build)");
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
            TextClassifier model = ModelPayload.read(data, version);
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

}
