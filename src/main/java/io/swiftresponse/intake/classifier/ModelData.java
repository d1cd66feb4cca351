package io.swiftresponse.intake.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Big-endian primitives of the model format: length-prefixed UTF-8 strings, string maps, bulk float and long arrays. */
final class ModelData {

    private static final int MAX_STRING_BYTES = 1 << 20;

    private ModelData() {
    }

    static void writeFloats(DataOutputStream out, float[] a, ByteBuffer buf) throws IOException {
        for (float x : a) {
            if (buf.remaining() < 4) {
                flush(buf, out);
            }
            buf.putFloat(x);
        }
        flush(buf, out);
    }

    static float[] readFloats(DataInputStream in, int n, byte[] chunk) throws IOException {
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

    static void flush(ByteBuffer buf, DataOutputStream out) throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > MAX_STRING_BYTES) {
            throw new ModelFormatException("implausible string length " + len);
        }
        byte[] b = new byte[len];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static void writeMap(DataOutputStream out, Map<String, String> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
    }

    static Map<String, String> readMap(DataInputStream in) throws IOException {
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
    static void writeLongs(DataOutputStream out, long[] a, ByteBuffer buf) throws IOException {
        for (long x : a) {
            if (buf.remaining() < 8) {
                flush(buf, out);
            }
            buf.putLong(x);
        }
        flush(buf, out);
    }

    static long[] readLongs(DataInputStream in, int n, byte[] chunk) throws IOException {
        long[] a = new long[n];
        int done = 0;
        while (done < n) {
            int take = Math.min(n - done, chunk.length / 8);
            in.readFully(chunk, 0, take * 8);
            ByteBuffer.wrap(chunk, 0, take * 8).asLongBuffer().get(a, done, take);
            done += take;
        }
        return a;
    }

    /** Unsigned LEB128: 7 bits per byte, high bit = more follows. */
    static void writeVarint(DataOutputStream out, int v) throws IOException {
        if (v < 0) {
            throw new IllegalArgumentException("varint must be >= 0");
        }
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    static int readVarint(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (v < 0) {
                    throw new ModelFormatException("varint out of range");
                }
                return v;
            }
        }
        throw new ModelFormatException("varint too long");
    }
}
