package io.swiftresponse.intake.suggest;

import io.swiftresponse.shared.csv.CsvReader;
import io.swiftresponse.taxonomy.Category;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** The demo category catalogue read straight from the resource, for tests without a database. */
public final class Catalogue {

    private Catalogue() {
    }

    public static List<Category> demo() {
        try (InputStream in = Catalogue.class.getResourceAsStream("/demo/categories.csv")) {
            return CsvReader.readWithHeader(in).stream().map(Catalogue::category).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Category category(Map<String, String> r) {
        return new Category(r.get("code"), r.get("name"), Integer.parseInt(r.get("level")), blank(r.get("parent_code")),
                blank(r.get("unit_type")), blank(r.get("unit_code")), blank(r.get("tier")), blank(r.get("keywords")));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
