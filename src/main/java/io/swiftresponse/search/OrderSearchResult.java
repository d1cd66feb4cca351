package io.swiftresponse.search;

import io.swiftresponse.workorder.OrderView;
import java.util.List;
import java.util.Map;

/**
 * One page of search results. {@code total} is exact up to 10,000 matches and a lower bound beyond
 * ({@code totalExact} false); {@code tookMs} is the time spent in the index and the database.
 */
public record OrderSearchResult(List<Item> items, int page, int size, long total, boolean totalExact, long tookMs) {

    /**
     * An order as the viewer may see it in the list, its relevance ({@code null} when sorted by time) and the
     * matched words marked with {@code <em>} in passages of title, description and notes (HTML-escaped text).
     */
    public record Item(OrderView order, Float score, Map<String, String> highlights) {
    }
}
