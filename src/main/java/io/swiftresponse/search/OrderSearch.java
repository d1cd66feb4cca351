package io.swiftresponse.search;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.directory.UnitType;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.search.index.InvalidQueryException;
import io.swiftresponse.search.index.OrderSearcher;
import io.swiftresponse.search.index.SearchProperties;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.workorder.OrderQueries;
import io.swiftresponse.workorder.OrderView;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Full-text search over orders within the viewer's data scope: the index finds and ranks, the work-order
 * module renders each hit exactly as the order list would for this viewer (masking included) and checks the
 * scope a second time, so a stale document can never show an order its viewer may not see.
 */
@Service
public class OrderSearch {

    /** Deep pages are slow in any index and useless to people: narrow the filters instead. */
    static final int MAX_RESULT_WINDOW = 10_000;

    private final OrderSearcher searcher;
    private final OrderQueries queries;
    private final Directory directory;
    private final Taxonomy taxonomy;
    private final SearchProperties properties;
    private final Clock clock;

    OrderSearch(OrderSearcher searcher, OrderQueries queries, Directory directory, Taxonomy taxonomy,
            SearchProperties properties, Clock clock) {
        this.searcher = searcher;
        this.queries = queries;
        this.directory = directory;
        this.taxonomy = taxonomy;
        this.properties = properties;
        this.clock = clock;
    }

    public OrderSearchResult search(OrderSearchRequest r, CurrentUser viewer) {
        validate(r);
        long started = System.nanoTime();
        OrderSearcher.Hits hits;
        try {
            hits = searcher.search(r, viewer.isHandler() ? viewer.unitCode() : null, clock.instant());
        } catch (InvalidQueryException e) {
            throw new Problem(HttpStatus.BAD_REQUEST, "invalid-search-query", "Invalid search query", e.getMessage())
                    .with("field", "q");
        }
        Map<Long, OrderSearcher.Hit> byId = hits.hits().stream()
                .collect(Collectors.toMap(OrderSearcher.Hit::id, Function.identity(), (a, b) -> a));
        List<OrderView> views = queries.views(hits.hits().stream().map(OrderSearcher.Hit::id).toList(), viewer);
        List<OrderSearchResult.Item> items = views.stream().map(v -> {
            OrderSearcher.Hit h = byId.get(v.id());
            return new OrderSearchResult.Item(v, Float.isNaN(h.score()) ? null : h.score(), h.highlights());
        }).toList();
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        return new OrderSearchResult(items, r.page(), r.size(), hits.total(), hits.totalExact(), tookMs);
    }

    private void validate(OrderSearchRequest r) {
        if (r.text() != null && r.text().length() > properties.maxQueryLength()) {
            throw Problem.invalidField("q", "at most " + properties.maxQueryLength() + " characters (this one has "
                    + r.text().length() + "); search for the few words that matter, e.g. 暖气 不热, and narrow with filters");
        }
        if ((long) (r.page() + 1) * r.size() > MAX_RESULT_WINDOW) {
            throw Problem.invalidField("page", "only the first " + MAX_RESULT_WINDOW
                    + " results can be paged through; add words or filters to narrow the search");
        }
        if (r.categoryCode() != null && taxonomy.category(r.categoryCode()).isEmpty()) {
            throw Problem.invalidField("categoryCode", "no category '" + r.categoryCode() + "'; see /api/v1/taxonomy/categories");
        }
        unit("unitCode", r.unitCode(), null);
        unit("leadUnitCode", r.leadUnitCode(), null);
        unit("districtCode", r.districtCode(), UnitType.DISTRICT);
        unit("streetCode", r.streetCode(), UnitType.STREET);
        if (r.from() != null && r.to() != null && !r.from().isBefore(r.to())) {
            throw Problem.invalidField("to", "must be after 'from'");
        }
    }

    private void unit(String field, String code, UnitType type) {
        if (code == null) {
            return;
        }
        Unit unit = directory.find(code).orElseThrow(() -> Problem.invalidField(field, "no unit '" + code + "'; see /api/v1/directory/units"));
        if (type != null && unit.type() != type) {
            throw Problem.invalidField(field, "'" + code + "' is a " + unit.type() + ", not a " + type);
        }
    }
}
