package io.swiftresponse.open311;

import java.time.Instant;

/** An issued API key as an operator sees it: never the secret, only its first characters. */
public record ApiKey(long id, String prefix, String label, String channel, String jurisdictionId, int ratePerMinute,
        String issuedBy, Instant issuedAt, String revokedBy, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    /** Who records the order in its history: the key, not a person. */
    public String actorName() {
        return "open311:" + prefix;
    }
}
