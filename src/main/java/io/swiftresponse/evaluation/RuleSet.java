package io.swiftresponse.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of the evaluation rules (考核规则), in force from {@code effectiveFrom} until a later one. The
 * denominator is the number of valid callbacks: the latest callback of the order's current handling round
 * that reached the requester, for an order not excluded. PARTLY solved counts {@code partlySolvedWeight} of a
 * solved order; basically satisfied counts {@code basicallySatisfiedWeight} of a satisfied one.
 */
public record RuleSet(long id, LocalDate effectiveFrom, BigDecimal partlySolvedWeight, BigDecimal basicallySatisfiedWeight,
        BigDecimal responseWeight, BigDecimal resolutionWeight, BigDecimal satisfactionWeight, boolean countCoUnits,
        boolean streetCountsForDistrict, List<GradeBand> gradeBands, int governanceVolumeTop, int governanceScoreBottom,
        String note, String createdBy, Instant createdAt) {

    /** A composite at or above {@code min} (a fraction) earns {@code grade}. */
    public record GradeBand(String grade, BigDecimal min) {
    }

    public static final String BELOW_ALL_BANDS = "不合格";
    static final int SCALE = 4;
    private static final int WORK_SCALE = 12;

    public Score score(Counts c) {
        if (c.valid() == 0) {
            return new Score(null, null, null, ratio(BigDecimal.valueOf(c.onTime()), c.replied()), null, null);
        }
        BigDecimal response = exactResponse(c);
        BigDecimal resolution = exactResolution(c);
        BigDecimal satisfaction = exactSatisfaction(c);
        BigDecimal composite = responseWeight.multiply(response).add(resolutionWeight.multiply(resolution))
                .add(satisfactionWeight.multiply(satisfaction)).setScale(SCALE, RoundingMode.HALF_UP);
        return new Score(round(response), round(resolution), round(satisfaction),
                ratio(BigDecimal.valueOf(c.onTime()), c.replied()), composite, grade(composite));
    }

    public String grade(BigDecimal composite) {
        return gradeBands.stream().filter(b -> composite.compareTo(b.min()) >= 0).map(GradeBand::grade).findFirst()
                .orElse(BELOW_ALL_BANDS);
    }

    /** The formulas with this unit's numbers filled in, line by line, so a score can be checked by hand. */
    public List<String> explain(Counts c) {
        List<String> lines = new ArrayList<>();
        lines.add("rules #" + id + " in force from " + effectiveFrom + (note == null ? "" : " (" + note + ")"));
        lines.add("valid callbacks = " + c.valid() + " (latest reached callback of the current handling round, not excluded)");
        if (c.valid() == 0) {
            lines.add("no valid callback: no rates, no grade, not ranked");
            return lines;
        }
        Score s = score(c);
        lines.add("responseRate = contacted / valid = " + c.contacted() + " / " + c.valid() + " = " + s.responseRate());
        lines.add("resolutionRate = (solved + " + plain(partlySolvedWeight) + " × partly) / valid = (" + c.solved() + " + "
                + plain(partlySolvedWeight) + " × " + c.partly() + ") / " + c.valid() + " = " + s.resolutionRate());
        lines.add("satisfactionRate = (satisfied + " + plain(basicallySatisfiedWeight) + " × basically satisfied) / valid = ("
                + c.satisfied() + " + " + plain(basicallySatisfiedWeight) + " × " + c.basically() + ") / " + c.valid() + " = "
                + s.satisfactionRate());
        lines.add("composite = " + plain(responseWeight) + " × response + " + plain(resolutionWeight) + " × resolution + "
                + plain(satisfactionWeight) + " × satisfaction = " + s.composite() + " (from unrounded rates)");
        lines.add("grade = " + s.grade() + " (bands: " + gradeBands.stream().map(b -> b.grade() + " ≥ " + plain(b.min())).toList()
                + ", else " + BELOW_ALL_BANDS + ")");
        lines.add("timelinessRate = replied on time / replied = " + c.onTime() + " / " + c.replied() + " = " + s.timelinessRate()
                + " (reported beside the rates, not in the composite)");
        return lines;
    }

    private BigDecimal exactResponse(Counts c) {
        return divide(BigDecimal.valueOf(c.contacted()), c.valid());
    }

    private BigDecimal exactResolution(Counts c) {
        return divide(BigDecimal.valueOf(c.solved()).add(partlySolvedWeight.multiply(BigDecimal.valueOf(c.partly()))), c.valid());
    }

    private BigDecimal exactSatisfaction(Counts c) {
        return divide(BigDecimal.valueOf(c.satisfied()).add(basicallySatisfiedWeight.multiply(BigDecimal.valueOf(c.basically()))),
                c.valid());
    }

    private static BigDecimal divide(BigDecimal numerator, long denominator) {
        return numerator.divide(BigDecimal.valueOf(denominator), WORK_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(BigDecimal numerator, long denominator) {
        return denominator == 0 ? null : round(divide(numerator, denominator));
    }

    private static BigDecimal round(BigDecimal exact) {
        return exact.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
