package io.swiftresponse.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A selection of orders for feeds that are not bound to a user's scope (Open311): every field optional
 * ({@code null} = no condition). {@code ids} restricts to those orders; {@code categoryCodes} and
 * {@code districtCodes} are exact codes; time bounds are inclusive from, exclusive to.
 */
public record OrderSelection(List<Long> ids, List<String> categoryCodes, List<String> districtCodes,
        Set<WorkOrderState> states, Instant recordedFrom, Instant recordedTo, Instant updatedFrom, Instant updatedTo,
        int limit, long offset) {
}
