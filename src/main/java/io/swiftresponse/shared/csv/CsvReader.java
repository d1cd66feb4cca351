package io.swiftresponse.shared.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal RFC 4180 reader (quoted fields with commas, doubled quotes and line breaks; optional BOM).
 * Rows come back as maps keyed by the header, so seed files can add columns without breaking readers.
 */
public final class CsvReader {

    private CsvReader() {
    }

    public static List<Map<String, String>> readWithHeader(InputStream in) throws IOException {
        List<List<String>> rows = read(new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> result = new ArrayList<>(rows.size() - 1);
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            Map<String, String> map = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                map.put(header.get(c).trim(), c < row.size() ? row.get(c) : "");
            }
            result.add(map);
        }
        return result;
    }

    public static List<List<String>> read(Reader reader) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean first = true;
        int ch;
        while ((ch = reader.read()) != -1) {
            if (first) {
                first = false;
                if (ch == '\uFEFF') continue;
            }
            char c = (char) ch;
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) break;
                        reader.reset();
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') reader.reset();
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
