package io.swiftresponse.directory;

import io.swiftresponse.shared.DemoMode;
import io.swiftresponse.shared.DemoSeed;
import io.swiftresponse.shared.csv.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo city (Beijing's 16 districts, 343 streets/townships, departments, companies) when demo
 * mode is on and the unit table is empty. Street boundaries are synthetic rectangles: each district owns
 * one cell of a 4×4 grid laid out roughly as the real map, and its streets tile that cell exactly, so
 * every point inside a district falls in exactly one street.
 */
@Component
class DirectoryDemoSeeder implements DemoSeed {

    /** District grid positions (row 0 = north), roughly matching Beijing's geography. */
    private static final Map<String, int[]> GRID = Map.ofEntries(
            Map.entry("110119", new int[] {0, 0}), Map.entry("110116", new int[] {0, 1}),
            Map.entry("110118", new int[] {0, 2}), Map.entry("110117", new int[] {0, 3}),
            Map.entry("110109", new int[] {1, 0}), Map.entry("110114", new int[] {1, 1}),
            Map.entry("110108", new int[] {1, 2}), Map.entry("110113", new int[] {1, 3}),
            Map.entry("110107", new int[] {2, 0}), Map.entry("110102", new int[] {2, 1}),
            Map.entry("110101", new int[] {2, 2}), Map.entry("110105", new int[] {2, 3}),
            Map.entry("110111", new int[] {3, 0}), Map.entry("110106", new int[] {3, 1}),
            Map.entry("110115", new int[] {3, 2}), Map.entry("110112", new int[] {3, 3}));

    static final double WEST = 115.90;
    static final double NORTH = 40.90;
    static final double CELL_LNG = 0.30;
    static final double CELL_LAT = 0.25;

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Directory directory;

    DirectoryDemoSeeder(DemoMode demo, JdbcClient jdbc, TransactionTemplate tx, Directory directory) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void seed() throws IOException {
        if (!demo.enabled() || jdbc.sql("select count(*) from unit").query(Long.class).single() > 0) {
            return;
        }
        List<Map<String, String>> rows;
        try (InputStream in = getClass().getResourceAsStream("/demo/units.csv")) {
            if (in == null) throw new IllegalStateException("demo/units.csv is missing from the classpath");
            rows = CsvReader.readWithHeader(in);
        }
        Map<String, String> boundaries = boundaries(rows);
        tx.executeWithoutResult(status -> {
            // parents first: the CSV lists the city, then districts, then streets and the rest
            for (Map<String, String> r : rows) {
                String parent = r.get("parent_code");
                jdbc.sql("insert into unit (code, name, type, parent_code, boundary) values (?, ?, ?, ?, ?)")
                        .params(r.get("code"), r.get("name"), r.get("type"), parent == null || parent.isBlank() ? null : parent,
                                boundaries.get(r.get("code")))
                        .update();
            }
        });
        directory.reload();
    }

    private static Map<String, String> boundaries(List<Map<String, String>> rows) {
        Map<String, List<String>> streetsByDistrict = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if ("STREET".equals(r.get("type"))) {
                streetsByDistrict.computeIfAbsent(r.get("parent_code"), k -> new ArrayList<>()).add(r.get("code"));
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        streetsByDistrict.forEach((district, streets) -> {
            int[] cell = GRID.getOrDefault(district, new int[] {0, 0});
            double west = WEST + cell[1] * CELL_LNG;
            double north = NORTH - cell[0] * CELL_LAT;
            int n = streets.size();
            int cols = (int) Math.ceil(Math.sqrt(n));
            int rowsCount = (int) Math.ceil(n / (double) cols);
            double w = CELL_LNG / cols;
            double h = CELL_LAT / rowsCount;
            for (int i = 0; i < n; i++) {
                int row = i / cols;
                int col = i % cols;
                boolean lastInRow = i == n - 1;
                double x0 = west + col * w;
                double x1 = lastInRow ? west + CELL_LNG : x0 + w;
                double y1 = north - row * h;
                double y0 = y1 - h;
                result.put(streets.get(i), GeoJsonPolygons.rectangle(x0, y0, x1, y1));
            }
        });
        return result;
    }
}
