package io.swiftresponse.shared.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one RFC 4180 CSV reader of the application (the writer is {@link CsvWriter}): quoted fields with
 * commas, doubled quotes and line breaks; records separated by CRLF, LF or CR; UTF-8 with or without a
 * byte-order mark, invalid UTF-8 rejected. Whitespace around fields is kept (RFC 4180 says it is part of the
 * field). Malformed input is a {@link CsvFormatException} that names the line (see {@link CsvParser}).
 */
public final class CsvReader {

    private CsvReader() {
    }

    /**
     * Reads a whole CSV file whose first record is the header. Every data record must have as many
     * fields as the header; blank lines are ignored.
     */
    public static CsvTable readTable(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readTable(in);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
    }

    /** Reads a CSV table from a UTF-8 stream (BOM optional); see {@link #readTable(Path)}. */
    public static CsvTable readTable(InputStream in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (CsvParser p = new CsvParser(utf8Reader(in))) {
            List<String> rec;
            while ((rec = p.next()) != null) {
                if (!isBlank(rec)) {
                    records.add(rec);
                    lines.add(p.recordStartLine());
                }
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
        return new CsvTable(header, rows);
    }

    /**
     * Rows of a UTF-8 stream as maps keyed by the (stripped) header, so seed files can add columns
     * without breaking readers; blank lines are skipped and missing trailing fields read as empty.
     */
    public static List<Map<String, String>> readWithHeader(InputStream in) throws IOException {
        List<List<String>> rows = read(utf8Reader(in));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> result = new ArrayList<>(rows.size() - 1);
        for (List<String> row : rows.subList(1, rows.size())) {
            if (isBlank(row)) {
                continue;
            }
            Map<String, String> map = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                map.put(header.get(c).strip(), c < row.size() ? row.get(c) : "");
            }
            result.add(map);
        }
        return result;
    }

    /** All records (including the header, if any); a blank line is a record with one empty field. */
    public static List<List<String>> read(Reader reader) throws IOException {
        List<List<String>> records = new ArrayList<>();
        PushbackReader in = new PushbackReader(reader, 1);
        int first;
        try {
            first = in.read();
        } catch (CharacterCodingException e) {
            throw new CsvFormatException("input is not valid UTF-8", 1);
        }
        if (first != -1 && first != '\uFEFF') {
            in.unread(first); // a BOM left by a caller-made reader is not part of the first field
        }
        try (CsvParser p = new CsvParser(in)) {
            List<String> rec;
            while ((rec = p.next()) != null) {
                records.add(rec);
            }
        }
        return records;
    }

    /** Parses CSV text held in a string (a leading BOM is ignored). */
    public static List<List<String>> parse(String text) throws CsvFormatException {
        try {
            return read(new StringReader(text));
        } catch (CsvFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlank(List<String> record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    /** A UTF-8 reader that fails on malformed input and skips a leading byte-order mark. */
    static Reader utf8Reader(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
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
}
