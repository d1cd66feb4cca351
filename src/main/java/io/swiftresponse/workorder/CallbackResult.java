package io.swiftresponse.workorder;

import java.time.Instant;

/** One callback attempt: reached or not, and if reached the requester's three answers. */
public record CallbackResult(boolean reached, Boolean contacted, String solved, String satisfaction, String note,
        String recordedBy, Instant at) {
}
