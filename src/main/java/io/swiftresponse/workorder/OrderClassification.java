package io.swiftresponse.workorder;

import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.taxonomy.Tier;
import java.util.List;

/** The category an order may be dispatched under and the time-limit tier it gets: shared by recording and dispatch. */
final class OrderClassification {

    private OrderClassification() {
    }

    static Category dispatchableCategory(Taxonomy taxonomy, String code, String field) {
        Category c = taxonomy.category(code).orElseThrow(() -> Problem.invalidField(field, "unknown category '" + code + "'"));
        if (!c.dispatchable()) {
            throw Problem.invalidField(field, "category '" + code + "' (" + c.name() + ") is level " + c.level()
                    + "; choose a third-level category");
        }
        return c;
    }

    static Tier tierFor(Taxonomy taxonomy, Category category, List<OrderFlag> flags) {
        String code = flags != null && flags.contains(OrderFlag.INSTABILITY_RISK) ? "URGENT"
                : category == null ? "GENERAL" : category.tierCode();
        return taxonomy.tier(code).orElseThrow(() -> new IllegalStateException("time-limit tier " + code + " is not configured"));
    }
}
