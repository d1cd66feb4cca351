package io.swiftresponse.workorder;

import java.time.Instant;

/**
 * The facts of an order that intake needs to spot repeats and to learn categories: the text, the requester's
 * phone (unmasked: intake compares it, never shows it), the place and the progress. Read through
 * {@link OrderFactsReader}; not a view for people.
 */
public record OrderFacts(long id, String number, String title, String description, String requesterPhone,
        String address, Double lat, Double lng, String streetCode, String categoryCode, WorkOrderState state,
        String leadUnitCode, Instant recordedAt, Instant updatedAt) {
}
