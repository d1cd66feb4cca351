package io.swiftresponse.sla;

import io.swiftresponse.support.Api;
import tools.jackson.databind.JsonNode;

/** Finds demo categories by their catalogue entry, so tests do not hard-code codes they do not care about. */
final class Categories {

    private Categories() {
    }

    static String firstOfTier(Api api, String tier) {
        return ofTier(api, tier, false);
    }

    static String lastOfTier(Api api, String tier) {
        return ofTier(api, tier, true);
    }

    private static String ofTier(Api api, String tier, boolean last) {
        String found = null;
        for (JsonNode c : api.get("agent1", "/api/v1/taxonomy/categories?level=3").json()) {
            if (tier.equals(c.path("tierCode").asString())) {
                found = c.path("code").asString();
                if (!last) return found;
            }
        }
        if (found == null) throw new AssertionError("no category of tier " + tier);
        return found;
    }
}
