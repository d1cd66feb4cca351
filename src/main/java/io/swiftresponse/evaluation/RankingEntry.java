package io.swiftresponse.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * One unit in a ranking. Rates and composite are fractions with 4 decimals. {@code rank} is 1 for the highest
 * composite (equal composites share a rank); {@code rankChange} is the previous period's rank minus this one
 * (positive = moved up; null when not ranked before). For a published month, the fields are the published
 * values and {@code current} holds today's values when a later correction changed them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RankingEntry(String unitCode, String unitName, UnitClass unitClass, long valid, long contacted, long solved,
        long partlySolved, long satisfied, long basicallySatisfied, long replied, long repliedOnTime, BigDecimal responseRate,
        BigDecimal resolutionRate, BigDecimal satisfactionRate, BigDecimal timelinessRate, BigDecimal composite, String grade,
        int rank, Integer rankChange, boolean governanceCandidate, boolean published, RankingEntry current) {

    static RankingEntry of(String code, String name, UnitClass cls, Counts c, Score s) {
        return new RankingEntry(code, name, cls, c.valid(), c.contacted(), c.solved(), c.partly(), c.satisfied(), c.basically(),
                c.replied(), c.onTime(), s.responseRate(), s.resolutionRate(), s.satisfactionRate(), s.timelinessRate(),
                s.composite(), s.grade(), 0, null, false, false, null);
    }

    RankingEntry ranked(int newRank, Integer change, boolean candidate) {
        return new RankingEntry(unitCode, unitName, unitClass, valid, contacted, solved, partlySolved, satisfied, basicallySatisfied,
                replied, repliedOnTime, responseRate, resolutionRate, satisfactionRate, timelinessRate, composite, grade, newRank,
                change, candidate, published, current);
    }

    RankingEntry asPublished(RankingEntry now) {
        return new RankingEntry(unitCode, unitName, unitClass, valid, contacted, solved, partlySolved, satisfied, basicallySatisfied,
                replied, repliedOnTime, responseRate, resolutionRate, satisfactionRate, timelinessRate, composite, grade, rank,
                rankChange, governanceCandidate, true, now);
    }

    /** The same figures (ignoring publication fields): a correction exists when this is false. */
    boolean sameFigures(RankingEntry o) {
        return o != null && valid == o.valid && contacted == o.contacted && solved == o.solved && partlySolved == o.partlySolved
                && satisfied == o.satisfied && basicallySatisfied == o.basicallySatisfied && replied == o.replied
                && repliedOnTime == o.repliedOnTime && rank == o.rank && java.util.Objects.equals(composite, o.composite);
    }
}
