package io.swiftresponse.intake.repeat;

import io.swiftresponse.workorder.WorkOrderState;
import java.time.Instant;
import java.util.List;

/**
 * An existing order that may be the same problem, with why: {@code reasons} from SAME_PHONE, SAME_STREET,
 * WITHIN_RADIUS, SIMILAR_TEXT; {@code similarity} the estimated Jaccard similarity of the texts;
 * {@code distanceMeters} when both have a point; {@code score} orders the list (higher first).
 */
public record RepeatCandidate(long orderId, String number, String title, WorkOrderState state, String leadUnitCode,
        String categoryCode, Instant recordedAt, List<String> reasons, double similarity, Double distanceMeters, double score) {
}
