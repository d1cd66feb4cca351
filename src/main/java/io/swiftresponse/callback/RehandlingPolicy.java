package io.swiftresponse.callback;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of the re-handling policy (重办): for each unhappy answer, whether the order goes back to the same
 * unit or is closed with the result recorded, and how many re-handles an order may have before it is closed anyway.
 */
public record RehandlingPolicy(long id, LocalDate effectiveFrom, FollowUp onSolvedNo, FollowUp onSolvedPartly,
        FollowUp onDissatisfied, int maxRehandles, String note, String createdBy, Instant createdAt) {

    public enum FollowUp { REHANDLE, CLOSE }

    /** The fields an admin gives for a new version. */
    public record Draft(LocalDate effectiveFrom, FollowUp onSolvedNo, FollowUp onSolvedPartly, FollowUp onDissatisfied,
            Integer maxRehandles, String note) {
    }

    String describe() {
        return "re-handling policy #" + id + " (in force from " + effectiveFrom + ")";
    }
}
