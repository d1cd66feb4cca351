package io.swiftresponse.workorder;

import java.time.Instant;

/**
 * A callback attempt (回访) was recorded for an order's current handling round. {@code solved} is YES, PARTLY or NO
 * and {@code satisfaction} SATISFIED, BASICALLY_SATISFIED or DISSATISFIED when the requester was reached, else null.
 * Evaluation counts from these facts; the attempt itself stays in the append-only {@code order_callback} table.
 */
public record CallbackRecorded(long orderId, String number, int round, boolean reached, Boolean contacted, String solved,
        String satisfaction, String leadUnitCode, String actor, Instant at) {
}
