package io.swiftresponse.workorder;

import java.time.Instant;

/** Filters of the order list; every field optional. {@code from} inclusive, {@code to} exclusive, on recording time. */
public record OrderFilter(WorkOrderState state, String unitCode, String categoryCode, Instant from, Instant to,
        OrderView.DeadlineStatus deadlineStatus) {
}
