package io.swiftresponse.open311;

import io.swiftresponse.workorder.WorkOrderState;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The validated filters of {@code GET requests}; {@code ids}, when given, override every other filter. */
public record RequestQuery(List<Long> ids, List<String> serviceCodes, Instant start, Instant end,
        Set<WorkOrderState> states, Instant updatedAfter, Instant updatedBefore, int page, int pageSize) {
}
