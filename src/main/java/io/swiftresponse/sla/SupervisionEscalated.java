package io.swiftresponse.sla;

import io.swiftresponse.workorder.DeadlineClock;
import java.time.Instant;

/** An overdue order stayed overdue past the escalation limit and goes to the hotline supervisors. */
public record SupervisionEscalated(long orderId, String number, DeadlineClock clock, Instant dueAt, Instant overdueAt,
        String leadUnitCode) {
}
