package io.swiftresponse.evaluation;

import java.math.BigDecimal;

/**
 * Rates as fractions between 0 and 1 with 4 decimals (0.9650 = 96.50 %). Rates are null when there is no
 * denominator (no valid callback, no reply), never a made-up zero.
 */
public record Score(BigDecimal responseRate, BigDecimal resolutionRate, BigDecimal satisfactionRate,
        BigDecimal timelinessRate, BigDecimal composite, String grade) {
}
