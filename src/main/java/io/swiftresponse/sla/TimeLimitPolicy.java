package io.swiftresponse.sla;

import io.swiftresponse.workorder.DeadlineClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A version of the time limits for one tier (and optionally one category), in force from
 * {@code effectiveFrom}. Policies are never edited: a change is a new version.
 */
public record TimeLimitPolicy(long id, String tierCode, String categoryCode, LocalDate effectiveFrom, int warningPercent,
        Integer warningHoursBefore, int escalationHours, String note, String createdBy, Instant createdAt,
        Map<DeadlineClock, Limit> limits) {

    public enum Unit { HOURS, WORKING_DAYS }

    /** How long a clock may run, and the actions (slugs) that start it. */
    public record Limit(int amount, Unit unit, Set<String> startsOn) {

        public String describe() {
            return amount + (unit == Unit.HOURS ? " h" : " working day" + (amount == 1 ? "" : "s"));
        }
    }

    public String describe() {
        return "policy #" + id + " (" + tierCode + (categoryCode == null ? "" : ", category " + categoryCode)
                + ", in force from " + effectiveFrom + (note == null ? "" : ", " + note) + ")";
    }
}
