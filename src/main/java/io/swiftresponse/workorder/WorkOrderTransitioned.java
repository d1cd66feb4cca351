package io.swiftresponse.workorder;

import java.time.Instant;

/** An action was taken on an order; {@code from} equals {@code to} for actions that only add history. */
public record WorkOrderTransitioned(long orderId, String number, String action, WorkOrderState from, WorkOrderState to,
        String leadUnitCode, String actor, Instant at) {
}
