package io.swiftresponse.workorder;

import java.time.Instant;

/** An order was recorded (intake). */
public record WorkOrderRecorded(long orderId, String number, String channel, String categoryCode, String streetCode,
        String districtCode, Instant at) {
}
