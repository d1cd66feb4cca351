package io.swiftresponse.workorder.web;

import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.workorder.OrderView;

/**
 * The lead unit the dispatch catalogue names for an order: the category's fixed department or company, or the
 * order's own street for street matters. Only a default for the form; the dispatcher decides (the dispatch
 * module's routing with its explanation replaces this when it lands).
 */
final class UnitSuggestion {

    private UnitSuggestion() {
    }

    static String leadFor(OrderView order, Taxonomy taxonomy) {
        Category c = taxonomy.category(order.categoryCode()).orElse(null);
        if (c == null) {
            return order.location() == null ? null : order.location().streetCode();
        }
        if ("STREET".equals(c.unitType())) {
            return order.location() == null ? null : order.location().streetCode();
        }
        return c.unitCode();
    }
}
