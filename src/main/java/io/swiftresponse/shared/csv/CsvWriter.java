package io.swiftresponse.shared.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes RFC 4180 records: UTF-8 without BOM, CRLF record separators (as RFC 4180 prescribes); a field is
 * quoted when it contains a comma, a quote, CR or LF, or leading/trailing whitespace (which a reader
 * might otherwise strip).
 */
public final class CsvWriter implements AutoCloseable {

    private final Writer out;

    public CsvWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** Opens a writer on a file (created or truncated). */
    public static CsvWriter open(Path file) throws IOException {
        return new CsvWriter(Files.newOutputStream(file));
    }

    public void writeRecord(List<String> fields) throws IOException {
        out.write(line(fields));
    }

    public void writeRecord(String... fields) throws IOException {
        writeRecord(List.of(fields));
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Formats records as CSV text. */
    public static String format(List<List<String>> records) {
        StringBuilder sb = new StringBuilder();
        for (List<String> r : records) {
            sb.append(line(r));
        }
        return sb.toString();
    }

    private static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i)));
        }
        return sb.append("\r\n").toString();
    }

    /** Quotes a field if needed. A null field is written as empty. */
    public static String quote(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        boolean needs = Character.isWhitespace(field.charAt(0))
                || Character.isWhitespace(field.charAt(field.length() - 1));
        for (int i = 0; i < field.length() && !needs; i++) {
            char ch = field.charAt(i);
            needs = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!needs) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
