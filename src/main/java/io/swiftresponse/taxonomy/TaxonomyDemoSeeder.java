package io.swiftresponse.taxonomy;

import io.swiftresponse.shared.DemoMode;
import io.swiftresponse.shared.DemoSeed;
import io.swiftresponse.shared.csv.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds the demo category tree and dispatch catalogue when demo mode is on and no category exists. */
@Component
class TaxonomyDemoSeeder implements DemoSeed {

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Taxonomy taxonomy;

    TaxonomyDemoSeeder(DemoMode demo, JdbcClient jdbc, TransactionTemplate tx, Taxonomy taxonomy) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.tx = tx;
        this.taxonomy = taxonomy;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void seed() throws IOException {
        if (!demo.enabled() || jdbc.sql("select count(*) from category").query(Long.class).single() > 0) {
            return;
        }
        List<Map<String, String>> rows;
        try (InputStream in = getClass().getResourceAsStream("/demo/categories.csv")) {
            if (in == null) throw new IllegalStateException("demo/categories.csv is missing from the classpath");
            rows = CsvReader.readWithHeader(in);
        }
        tx.executeWithoutResult(status -> rows.stream()
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a.get("level")), Integer.parseInt(b.get("level"))))
                .forEach(r -> jdbc.sql("""
                        insert into category (code, name, level, parent_code, unit_type, unit_code, tier_code, keywords)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(r.get("code"), r.get("name"), Integer.parseInt(r.get("level")), blankToNull(r.get("parent_code")),
                                blankToNull(r.get("unit_type")), blankToNull(r.get("unit_code")), blankToNull(r.get("tier")),
                                r.getOrDefault("keywords", ""))
                        .update()));
        taxonomy.reload();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
