package io.swiftresponse.bench.orders;

import static io.swiftresponse.bench.orders.Json.JSON;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** What the API says about the city: categories, streets, units; and the users the benchmark acts as. */
final class Catalog {
    final List<Category> categories = new ArrayList<>();
    final List<Street> streets = new ArrayList<>();
    final List<Street> sampleStreets = new ArrayList<>();
    final Map<String, Street> streetByCode = new HashMap<>();
    final Map<String, Login> handlers = new LinkedHashMap<>();
    final Map<String, Category> categoryByCode = new HashMap<>();
    final Login agent = Login.of("agent1");
    final Login dispatcher = Login.of("dispatcher1");

    static Catalog load(java.util.function.Supplier<HttpClientish> clients, long seed) {
        Catalog cat = new Catalog();
        try (HttpClientish http = clients.get()) {
            JsonNode units = JSON.readTree(http.get("/api/v1/directory/units", cat.agent.auth()).ok().text());
            for (JsonNode u : units) {
                if (u.path("type").asString().equals("STREET")) {
                    cat.streets.add(new Street(u.path("code").asString(), u.path("name").asString(),
                            u.path("parentCode").asString(), null, null));
                }
            }
            JsonNode cats = JSON.readTree(http.get("/api/v1/taxonomy/categories?level=3", cat.agent.auth()).ok().text());
            for (JsonNode c : cats) {
                String kw = c.path("keywords").asString("");
                cat.categories.add(new Category(c.path("code").asString(), c.path("name").asString(),
                        c.path("unitType").asString(), c.path("unitCode").asString(null), c.path("tierCode").asString(null),
                        kw.isBlank() ? List.of() : List.of(kw.split("\\|"))));
            }
            if (cat.streets.isEmpty() || cat.categories.isEmpty()) {
                throw new IllegalStateException("the city has no streets or no level-3 categories: is the demo data enabled?");
            }
            cat.categories.forEach(c -> cat.categoryByCode.put(c.code(), c));
            // bodies name a sample of the streets (with an interior point each for lat/lng bodies), so that
            // the lifecycle involves a bounded set of handler accounts whose passwords can be warmed
            List<Street> shuffled = new ArrayList<>(cat.streets);
            java.util.Collections.shuffle(shuffled, new Random(seed));
            for (Street s : shuffled.subList(0, Math.min(48, shuffled.size()))) {
                JsonNode d = JSON.readTree(http.get("/api/v1/directory/units/" + s.code(), cat.agent.auth()).ok().text());
                JsonNode p = d.path("interiorPoint");
                Street withPoint = p.isObject() ? new Street(s.code(), s.name(), s.parentCode(), p.path("lat").asDouble(),
                        p.path("lng").asDouble()) : s;
                cat.sampleStreets.add(withPoint);
            }
        }
        cat.streets.forEach(s -> cat.streetByCode.put(s.code(), s));
        for (String unit : cat.leadUnits()) {
            cat.handlers.put(unit, Login.of("handler-" + unit));
        }
        return cat;
    }

    Set<String> leadUnits() {
        Set<String> units = new LinkedHashSet<>();
        sampleStreets.forEach(s -> units.add(s.code()));
        categories.stream().filter(c -> c.unitCode() != null).forEach(c -> units.add(c.unitCode()));
        return units;
    }

    /** The unit a dispatcher would send the order to: the category's unit, or for street matters the order's street. */
    String leadFor(Body b) {
        Category c = categoryByCode.get(b.categoryCode != null ? b.categoryCode : b.dispatchCategory);
        if (c.unitCode() != null && !"STREET".equals(c.unitType())) {
            return c.unitCode();
        }
        String street = b.derived != null && b.derived.streetCode() != null ? b.derived.streetCode() : b.streetCode;
        if (street != null && handlers.containsKey(street)) {
            return street;
        }
        return sampleStreets.get(Math.floorMod(b.title.hashCode(), sampleStreets.size())).code();
    }
}
