package io.swiftresponse.search.index;

import java.time.Instant;
import java.util.List;

/**
 * What the index keeps of one order: its texts (already scrubbed of the requester's name and phone numbers),
 * the facts the filters and the data scope need, and its running deadlines reduced to the two instants from
 * which the deadline status follows at query time ({@code null}: no running clock / the order is paused).
 */
public record IndexableOrder(long id, String number, String title, String description, String notes, String state,
        String categoryCode, String leadUnitCode, List<String> coUnitCodes, String copyUnitCode, String streetCode,
        String districtCode, Instant recordedAt, Instant updatedAt, Instant earliestDue, Instant earliestWarning) {
}
