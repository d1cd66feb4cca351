package io.swiftresponse.sla;

import io.swiftresponse.workorder.DeadlineClock;
import java.time.Instant;

/** A clock passed its deadline (red); the order is now under automatic supervision (督办). */
public record DeadlineOverdue(long orderId, String number, DeadlineClock clock, Instant dueAt, String leadUnitCode,
        String districtCode) {
}
