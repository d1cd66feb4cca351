package io.swiftresponse.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY … FROM STDIN} (text format) fed from a byte buffer: the generator appends fields and rows, full
 * buffers go straight to the server, so each table's COPY runs in its own backend while the generator builds the next
 * rows. Timestamps are written from seconds since the start of the generated year in the city's zone (+08), without
 * any date-time objects: formatting was the generator's hot spot.
 */
final class CopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final Connection connection;
    private final CopyIn copy;
    private final byte[] buf = new byte[FLUSH_AT + 4096];
    private final byte[][] dayPrefix;
    private int len;
    private long rows;

    /** {@code days[d]} is "yyyy-MM-dd " of day d; FK and other triggers are off for this session (replica role). */
    CopyStream(Connection connection, String table, String columns, byte[][] days) throws SQLException {
        this.connection = connection;
        this.dayPrefix = days;
        try (Statement s = connection.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute("set synchronous_commit = off");
        }
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + columns + ") from stdin");
    }

    CopyStream text(byte[] b) {
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    CopyStream text(String ascii) {
        for (int i = 0; i < ascii.length(); i++) buf[len++] = (byte) ascii.charAt(i);
        return this;
    }

    CopyStream num(long v) {
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** A timestamptz from seconds since the first generated day at 00:00 +08. */
    CopyStream time(long s) {
        text(dayPrefix[(int) (s / 86400)]);
        int sod = (int) (s % 86400);
        two(sod / 3600).put(':').two(sod / 60 % 60).put(':').two(sod % 60);
        buf[len++] = '+';
        buf[len++] = '0';
        buf[len++] = '8';
        return this;
    }

    CopyStream bool(boolean b) {
        return put(b ? 't' : 'f');
    }

    CopyStream nul() {
        buf[len++] = '\\';
        buf[len++] = 'N';
        return this;
    }

    CopyStream tab() {
        return put('\t');
    }

    void end() throws SQLException {
        buf[len++] = '\n';
        rows++;
        if (len >= FLUSH_AT) flush();
    }

    private CopyStream two(int v) {
        buf[len++] = (byte) ('0' + v / 10);
        buf[len++] = (byte) ('0' + v % 10);
        return this;
    }

    private CopyStream put(char c) {
        buf[len++] = (byte) c;
        return this;
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buf, 0, len);
        len = 0;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
            copy.endCopy();
            try (Statement s = connection.createStatement()) {
                s.execute("reset session_replication_role"); // the connection goes back to the pool
            }
        } finally {
            connection.close();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
