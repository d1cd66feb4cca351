package io.swiftresponse.intake.learning;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.workorder.OrderFacts;
import io.swiftresponse.workorder.OrderFactsReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent's choice for a suggestion it was shown. The chosen category and unit come from the request or,
 * when an order id is given, from that order (its category, its lead unit once dispatched). A correction is
 * a chosen category that differs from the suggestion's top one; retraining learns from it.
 */
@Service
public class Feedback {

    /** What was stored. */
    public record Recorded(String suggestionId, Long orderId, String suggestedCategory, String chosenCategory,
            boolean categoryAccepted, String suggestedUnit, String chosenUnit, Boolean unitAccepted, Instant at) {
    }

    private final SuggestionLog suggestions;
    private final OrderFactsReader orders;
    private final Taxonomy taxonomy;
    private final JdbcClient jdbc;
    private final Clock clock;

    Feedback(SuggestionLog suggestions, OrderFactsReader orders, Taxonomy taxonomy, JdbcClient jdbc, Clock clock) {
        this.suggestions = suggestions;
        this.orders = orders;
        this.taxonomy = taxonomy;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Recorded record(String suggestionId, Long orderId, String categoryCode, String unitCode, CurrentUser actor) {
        UUID id;
        try {
            id = UUID.fromString(suggestionId == null ? "" : suggestionId);
        } catch (IllegalArgumentException e) {
            throw Problem.invalidField("suggestionId", "must be the id of a suggestion (a UUID)");
        }
        SuggestionLog.Logged s = suggestions.find(id).orElseThrow(() -> Problem.notFound("Suggestion " + suggestionId));
        OrderFacts order = orderId == null ? null
                : orders.find(orderId).orElseThrow(() -> Problem.invalidField("orderId", "order " + orderId + " does not exist"));
        String category = categoryCode != null ? categoryCode : order == null ? null : order.categoryCode();
        if (category == null) {
            throw Problem.invalidField("categoryCode", "is required (or give an orderId whose order has a category)");
        }
        if (taxonomy.category(category).filter(Category::dispatchable).isEmpty()) {
            throw Problem.invalidField("categoryCode", "'" + category + "' is not a third-level category");
        }
        String unit = unitCode != null ? unitCode : order == null ? null : order.leadUnitCode();
        boolean categoryAccepted = category.equals(s.topCategory());
        Boolean unitAccepted = unit == null || s.unitCode() == null ? null : unit.equals(s.unitCode());
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    insert into intake_feedback (suggestion_id, order_id, suggested_category, chosen_category, suggested_unit,
                        chosen_unit, category_accepted, unit_accepted, text, actor, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, orderId, s.topCategory(), category, s.unitCode(), unit, categoryAccepted, unitAccepted, s.text(),
                            actor.username(), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("feedback-exists", "The choice for suggestion " + suggestionId + " was already recorded.");
        }
        return new Recorded(suggestionId, orderId, s.topCategory(), category, categoryAccepted, s.unitCode(), unit, unitAccepted, now);
    }
}
