package io.swiftresponse.notification;

import java.time.Instant;

/** One message in an inbox; {@code recipientKind} is USER, UNIT or ROLE. */
public record Notification(long id, String recipientKind, String recipient, Long orderId, String kind, String message,
        Instant createdAt, String delivery, Instant readAt, String readBy) {
}
