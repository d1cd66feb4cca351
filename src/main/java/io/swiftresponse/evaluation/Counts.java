package io.swiftresponse.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Raw counts behind a unit's score: valid callbacks and, among them, how many said contacted, solved (YES),
 * partly solved, satisfied, basically satisfied; and how many had a reply, and on time. Rules turn them into
 * rates; the counters store only counts so a new rule set needs no recomputation.
 */
public record Counts(long valid, long contacted, long solved, long partly, long satisfied, long basically, long replied,
        long onTime) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(valid + o.valid, contacted + o.contacted, solved + o.solved, partly + o.partly,
                satisfied + o.satisfied, basically + o.basically, replied + o.replied, onTime + o.onTime);
    }

    public Counts negate() {
        return new Counts(-valid, -contacted, -solved, -partly, -satisfied, -basically, -replied, -onTime);
    }

    @JsonIgnore
    public boolean isZero() {
        return equals(ZERO);
    }
}
