package io.swiftresponse.workorder;

import java.time.Instant;

/** A running clock that has reached its warning point, its deadline, or its escalation point. */
public record DueClock(long orderId, String number, DeadlineClock clock, Instant dueAt, Instant overdueAt, long policyId,
        String leadUnitCode, String copyUnitCode, WorkOrderState state) {
}
