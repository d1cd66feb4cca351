package io.swiftresponse.search;

import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrderState;
import java.time.Instant;

/**
 * A search: the text (optional; without it the search is the filtered order list) and the order list's
 * filters. {@code unitCode} matches lead, co-unit or copy unit like the list; {@code leadUnitCode} only the
 * lead; a category code of any level matches its subtree; {@code from} inclusive, {@code to} exclusive.
 */
public record OrderSearchRequest(String text, WorkOrderState state, String categoryCode, String unitCode,
        String leadUnitCode, String districtCode, String streetCode, Instant from, Instant to,
        OrderView.DeadlineStatus deadlineStatus, Order order, int page, int size) {

    /** Results by relevance (ties: newest first), or newest first. */
    public enum Order { RELEVANCE, NEWEST }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public static OrderSearchRequest text(String text) {
        return new OrderSearchRequest(text, null, null, null, null, null, null, null, null, null, null, 0, 20);
    }
}
