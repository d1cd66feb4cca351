package io.swiftresponse.workorder;

import java.time.Instant;
import java.util.Map;

/** One immutable line of an order's history: who did what, when, from which state to which, and why. */
public record HistoryEntry(long id, String action, String actor, String role, String unitCode, Instant at,
        WorkOrderState fromState, WorkOrderState toState, String reason, Map<String, Object> details) {
}
