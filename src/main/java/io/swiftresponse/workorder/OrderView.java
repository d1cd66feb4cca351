package io.swiftresponse.workorder;

import java.time.Instant;
import java.util.List;

/** An order as one viewer may see it: personal data already masked or removed for that viewer. */
public record OrderView(long id, String number, String channel, String requestType, String categoryCode, String title,
        String description, RequesterView requester, LocationView location, List<String> flags, WorkOrderState state,
        String leadUnitCode, List<String> coUnitCodes, String copyUnitCode, Long primaryOrderId, boolean supervised,
        Integer pendingExtensionDays, int reopenCount, String tierCode, Paused paused, Deadlines deadlines,
        DeadlineStatus deadlineStatus, CallbackResult lastCallback,
        String recordedBy, Instant recordedAt, Instant updatedAt, int version) {

    /** {@code null} name and phone when hidden; {@code phone} masked like 138****5678 unless revealed. */
    public record RequesterView(String name, String phone, boolean confidential, boolean hidden) {
    }

    public record LocationView(String address, Double lat, Double lng, String streetCode, String districtCode) {
    }

    /** The deadline of each clock (null until it starts) and the clocks in detail. */
    public record Deadlines(Instant dispatchBy, Instant signBy, Instant contactBy, Instant replyBy, Instant callbackBy,
            boolean provisional, List<DeadlineView> clocks) {
    }

    /** The worst light among the running clocks. */
    public enum DeadlineStatus { ON_TIME, WARNING, OVERDUE }

    /** Set while the order waits for the requester (its clocks are stopped). */
    public record Paused(Instant since, String reason) {
    }
}
