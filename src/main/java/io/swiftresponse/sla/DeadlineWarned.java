package io.swiftresponse.sla;

import io.swiftresponse.workorder.DeadlineClock;
import java.time.Instant;

/** A clock of an order reached its warning point (yellow). */
public record DeadlineWarned(long orderId, String number, DeadlineClock clock, Instant dueAt, String leadUnitCode) {
}
