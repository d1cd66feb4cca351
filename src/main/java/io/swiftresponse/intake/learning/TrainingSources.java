package io.swiftresponse.intake.learning;

import io.swiftresponse.intake.classifier.LabelledText;
import io.swiftresponse.intake.suggest.CatalogueTrainingSet;
import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.workorder.OrderFacts;
import io.swiftresponse.workorder.OrderFactsReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the category model learns from: the catalogue's demo texts, the platform's closed orders with a
 * confirmed category, and the agents' corrections (feedback whose chosen category differs from the suggestion).
 */
@Component
public class TrainingSources {

    static final int PER_CATEGORY = 8;
    static final int MAX_HISTORY = 50_000;

    public record Data(List<LabelledText> rows, Map<String, Integer> counts) {
    }

    private final Taxonomy taxonomy;
    private final OrderFactsReader orders;
    private final JdbcClient jdbc;

    TrainingSources(Taxonomy taxonomy, OrderFactsReader orders, JdbcClient jdbc) {
        this.taxonomy = taxonomy;
        this.orders = orders;
        this.jdbc = jdbc;
    }

    public Data collect() {
        List<LabelledText> rows = new ArrayList<>(CatalogueTrainingSet.generate(taxonomy.categories(), PER_CATEGORY, 42));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("catalogue", rows.size());
        int history = 0;
        for (OrderFacts o : orders.closedWithCategory(MAX_HISTORY)) {
            if (taxonomy.category(o.categoryCode()).filter(Category::dispatchable).isPresent()) {
                rows.add(new LabelledText(o.title() + " " + o.description(), o.categoryCode()));
                history++;
            }
        }
        counts.put("history", history);
        List<LabelledText> corrections = jdbc.sql("select text, chosen_category from intake_feedback where not category_accepted order by id")
                .query((rs, i) -> new LabelledText(rs.getString(1), rs.getString(2)))
                .list();
        // a correction is what an agent insisted on: count it twice against the catalogue's generic phrasing
        for (LabelledText c : corrections) {
            if (taxonomy.category(c.label()).filter(Category::dispatchable).isPresent()) {
                rows.add(c);
                rows.add(c);
            }
        }
        counts.put("feedback", corrections.size());
        return new Data(rows, counts);
    }
}
