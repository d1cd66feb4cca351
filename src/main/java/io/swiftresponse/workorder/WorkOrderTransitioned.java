package io.swiftresponse.workorder;

import java.time.Instant;
import java.util.List;

/**
 * An action was taken on an order; {@code from} equals {@code to} for actions that only add history.
 * {@code coUnitCodes}: the order's co-units after the action (empty when none), so live pages of co-units refresh too.
 */
public record WorkOrderTransitioned(long orderId, String number, String action, WorkOrderState from, WorkOrderState to,
        String leadUnitCode, String actor, Instant at, List<String> coUnitCodes) {

    public WorkOrderTransitioned {
        coUnitCodes = coUnitCodes == null ? List.of() : List.copyOf(coUnitCodes);
    }

    /** Without co-units (as before they were carried). */
    public WorkOrderTransitioned(long orderId, String number, String action, WorkOrderState from, WorkOrderState to,
            String leadUnitCode, String actor, Instant at) {
        this(orderId, number, action, from, to, leadUnitCode, actor, at, List.of());
    }
}
