package io.swiftresponse.workorder;

import java.time.Instant;

/**
 * An order was reopened (重办 after a closed or called-back round). Published besides
 * {@link WorkOrderTransitioned} so that a module interested only in reopenings does not have a persisted
 * publication written for every action of every order.
 */
public record WorkOrderReopened(long orderId, String number, int reopenCount, Instant at) {
}
