package io.swiftresponse.sla;

import io.swiftresponse.workorder.DeadlineClock;
import java.time.LocalDate;
import java.util.Map;

/** A new policy version as submitted, before validation. */
public record PolicyDraft(String tierCode, String categoryCode, LocalDate effectiveFrom, int warningPercent,
        Integer warningHoursBefore, int escalationHours, String note, Map<DeadlineClock, TimeLimitPolicy.Limit> limits) {
}
