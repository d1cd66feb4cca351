package io.swiftresponse.intake.classifier;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small RFC 4180 CSV reader and writer.
 *
 * <p>Reading: fields are separated by commas, records by CRLF, LF or CR; a field may be enclosed in
 * double quotes, in which case it may contain commas, line breaks and doubled quotes ({@code ""}).
 * Input is UTF-8, with or without a byte-order mark; invalid UTF-8 is an error. Whitespace around
 * fields is kept as it is (RFC 4180 says spaces are part of a field). A quote inside an unquoted
 * field, text after a closing quote or an unterminated quoted field is a {@link CsvFormatException}
 * that names the line.
 *
 * <p>Writing: UTF-8 without BOM, CRLF record separators (as RFC 4180 prescribes); a field is quoted
 * when it contains a comma, a quote, CR or LF, or leading/trailing whitespace.
 */
public final class Csv {

    private Csv() {
    }

    /** Thrown for input that is not well-formed CSV. */
    public static final class CsvFormatException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        public CsvFormatException(String message, long line) {
            super(message + " (line " + line + ")");
            this.line = line;
        }

        /** 1-based physical line number where the problem was found. */
        public long line() {
            return line;
        }
    }

    /** A CSV file with a header row. */
    public static final class Table {
        private final List<String> header;
        private final List<List<String>> rows;
        private final Map<String, Integer> index;

        Table(List<String> header, List<List<String>> rows) {
            this.header = List.copyOf(header);
            this.rows = Collections.unmodifiableList(rows);
            Map<String, Integer> idx = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                idx.putIfAbsent(header.get(i).strip(), i);
            }
            this.index = idx;
        }

        public List<String> header() {
            return header;
        }

        /** Data rows (header excluded); every row has exactly {@code header().size()} fields. */
        public List<List<String>> rows() {
            return rows;
        }

        public int size() {
            return rows.size();
        }

        /** Index of a column by its (stripped) name, or -1. */
        public int columnIndex(String name) {
            Integer i = index.get(name.strip());
            return i == null ? -1 : i;
        }

        /**
         * Resolves a column specification: a column name, or several names joined with {@code +}
         * (for example {@code 留言主题+留言详情}). A name that exists as a whole wins over splitting.
         *
         * @throws IllegalArgumentException naming the missing column(s) and the available ones
         */
        public int[] resolveColumns(String spec) {
            Objects.requireNonNull(spec, "column");
            int whole = columnIndex(spec);
            if (whole >= 0) {
                return new int[] {whole};
            }
            String[] parts = spec.split("\\+", -1);
            int[] result = new int[parts.length];
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                result[i] = parts[i].isBlank() ? -1 : columnIndex(parts[i]);
                if (result[i] < 0) {
                    missing.add("'" + parts[i] + "'");
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("column " + String.join(", ", missing)
                        + " not found; the header has " + header);
            }
            return result;
        }

        /** The values of the given columns of a row, joined by a line break (empty values skipped). */
        public static String join(List<String> row, int[] columns) {
            if (columns.length == 1) {
                return row.get(columns[0]);
            }
            StringBuilder sb = new StringBuilder();
            for (int c : columns) {
                String v = row.get(c);
                if (v.isEmpty()) {
                    continue;
                }
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(v);
            }
            return sb.toString();
        }
    }

    /**
     * Reads a whole CSV file whose first record is the header. Every data record must have as many
     * fields as the header; blank lines are ignored.
     */
    public static Table readTable(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readTable(in);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
    }

    /** Reads a CSV table from a UTF-8 stream (BOM optional); see {@link #readTable(Path)}. */
    public static Table readTable(InputStream in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (Parser p = new Parser(utf8Reader(in))) {
            List<String> rec;
            while ((rec = p.next()) != null) {
                if (rec.size() == 1 && rec.get(0).isEmpty()) {
                    continue; // blank line
                }
                records.add(rec);
                lines.add(p.recordStartLine);
            }
        }
        if (records.isEmpty()) {
            throw new CsvFormatException("empty CSV: no header row", 1);
        }
        List<String> header = records.get(0);
        List<List<String>> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() != header.size()) {
                throw new CsvFormatException("record has " + r.size() + " fields but the header has "
                        + header.size(), lines.get(i));
            }
            rows.add(r);
        }
        return new Table(header, rows);
    }

    /** Reads all records (including the header, if any) from a reader. */
    public static List<List<String>> readAll(Reader reader) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (Parser p = new Parser(reader)) {
            List<String> rec;
            while ((rec = p.next()) != null) {
                records.add(rec);
            }
        }
        return records;
    }

    /** Parses CSV text held in a string. */
    public static List<List<String>> parse(String text) throws CsvFormatException {
        try {
            return readAll(new java.io.StringReader(stripBom(text)));
        } catch (CsvFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /** A UTF-8 reader that fails on malformed input and skips a leading byte-order mark. */
    static Reader utf8Reader(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, decoder), 1 << 16);
        r.mark(1);
        int first;
        try {
            first = r.read();
        } catch (CharacterCodingException e) {
            throw new CsvFormatException("input is not valid UTF-8", 1);
        }
        if (first != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    /** Streaming record parser. */
    static final class Parser implements AutoCloseable {
        private final Reader in;
        private int pushback = -2;
        private long line = 1;
        long recordStartLine = 1;

        Parser(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (pushback != -2) {
                int c = pushback;
                pushback = -2;
                return c;
            }
            try {
                return in.read();
            } catch (CharacterCodingException e) {
                throw new CsvFormatException("input is not valid UTF-8", line);
            }
        }

        /** Next record, or null at end of input. */
        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            recordStartLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (c == '"' && field.length() == 0 && !quoted) {
                    quoted = true;
                    long startLine = line;
                    while (true) {
                        c = read();
                        if (c == -1) {
                            throw new CsvFormatException("unterminated quoted field", startLine);
                        }
                        if (c == '"') {
                            c = read();
                            if (c == '"') {
                                field.append('"');
                                continue;
                            }
                            break; // closing quote; c is the character after it
                        }
                        field.append((char) c);
                        if (c == '\n') {
                            line++;
                        } else if (c == '\r') {
                            int d = read();
                            pushback = d;
                            if (d != '\n') {
                                line++;
                            }
                        }
                    }
                    if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                        throw new CsvFormatException("unexpected character '" + (char) c
                                + "' after a closing quote", line);
                    }
                }
                if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    quoted = false;
                    c = read();
                    continue;
                }
                if (c == '\n' || c == '\r' || c == -1) {
                    if (c == '\r') {
                        int d = read();
                        if (d != '\n') {
                            pushback = d;
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                }
                if (c == '"') {
                    throw new CsvFormatException("quote inside an unquoted field", line);
                }
                field.append((char) c);
                c = read();
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Writes RFC 4180 records to a UTF-8 stream (no BOM, CRLF line ends). */
    public static final class CsvWriter implements AutoCloseable {
        private final Writer out;

        public CsvWriter(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        public CsvWriter(Writer out) {
            this.out = out;
        }

        public void writeRecord(List<String> fields) throws IOException {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(fields.get(i)));
            }
            out.write("\r\n");
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
    }

    /** Opens a writer on a file (created or truncated). */
    public static CsvWriter writer(Path file) throws IOException {
        return new CsvWriter(Files.newOutputStream(file));
    }

    /** Formats records as CSV text. */
    public static String format(List<List<String>> records) {
        StringBuilder sb = new StringBuilder();
        for (List<String> r : records) {
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(quote(r.get(i)));
            }
            sb.append("\r\n");
        }
        return sb.toString();
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
