package io.swiftresponse.bench.orders;

import tools.jackson.databind.JsonNode;

/** What the server derived from a body when it recorded it (the raw JDBC phase reads the rest from the database). */
record Derived(long orderId, String streetCode, String districtCode, String tierCode) {
    static Derived of(JsonNode view) {
        JsonNode loc = view.path("location");
        return new Derived(view.path("id").asLong(), loc.path("streetCode").asString(null), loc.path("districtCode").asString(null),
                view.path("tierCode").asString(null));
    }
}
