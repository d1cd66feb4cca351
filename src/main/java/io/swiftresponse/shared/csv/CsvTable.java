package io.swiftresponse.shared.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A CSV file with a header row; every data row has exactly as many fields as the header. */
public final class CsvTable {

    private final List<String> header;
    private final List<List<String>> rows;
    private final Map<String, Integer> index;

    CsvTable(List<String> header, List<List<String>> rows) {
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
