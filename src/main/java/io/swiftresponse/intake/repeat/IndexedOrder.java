package io.swiftresponse.intake.repeat;

import io.swiftresponse.workorder.WorkOrderState;
import java.time.Instant;

/** What the repeat index keeps of one order: no full text (its bigram hashes instead, see Shingles), no name. */
record IndexedOrder(long id, String number, String title, String phoneKey, String streetCode, double lat, double lng,
        String categoryCode, WorkOrderState state, String leadUnitCode, Instant recordedAt, int[] shingles) {

    boolean hasPoint() {
        return !Double.isNaN(lat);
    }

    IndexedOrder withProgress(WorkOrderState newState, String newLeadUnit) {
        return new IndexedOrder(id, number, title, phoneKey, streetCode, lat, lng, categoryCode, newState,
                newLeadUnit == null ? leadUnitCode : newLeadUnit, recordedAt, shingles);
    }
}
