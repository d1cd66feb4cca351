package io.swiftresponse.open311;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A service request as any Open311 client may see it: no personal data of the requester. */
public record PublicRequest(String serviceRequestId, String status, String statusNotes, String serviceName,
        String serviceCode, String description, String agencyResponsible, String serviceNotice, Instant requestedAt,
        Instant updatedAt, Instant expectedAt, String address, String addressId, Double lat, Double lng, String mediaUrl,
        List<Note> notes, Map<String, String> extendedAttributes) {

    /** One line of the public history ({@code type}: our action, or {@code comment} for a client's update). */
    public record Note(Instant at, String description, String type) {
    }
}
