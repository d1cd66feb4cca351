package io.swiftresponse.intake.repeat;

import java.time.Instant;

/** What is known while recording: the text, and optionally the caller's phone, the street and a point (lat/lng, NaN if none). */
public record RepeatQuery(String text, String phone, String streetCode, double lat, double lng, Long excludeOrderId, Instant now) {
}
