package io.swiftresponse.sla;

import io.swiftresponse.workorder.DeadlineClock;
import java.time.Instant;
import java.util.List;

/**
 * One batch of clocks that the watch marked in one transaction: warned (yellow), overdue (red, now under
 * automatic supervision) or escalated to the hotline supervisors. One event per batch keeps a sweep over
 * thousands of due clocks to a handful of event publications.
 */
public record DeadlineAlerts(Kind kind, Instant at, List<Alert> alerts) {

    public enum Kind { WARNING, OVERDUE, ESCALATED }

    public record Alert(long orderId, String number, DeadlineClock clock, Instant dueAt, String leadUnitCode,
            String districtCode) {
    }
}
