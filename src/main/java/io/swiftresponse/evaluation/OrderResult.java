package io.swiftresponse.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The scored result of one order (a row of {@code evaluation_fact}): its latest reached callback in the current
 * handling round, the units it counts for, and whether it is excluded. It counts on {@code day} (city zone).
 */
record OrderResult(long orderId, int round, LocalDate day, Instant callbackAt, String leadUnitCode, String districtCode,
        List<String> coUnitCodes, boolean contacted, String solved, String satisfaction, boolean replied,
        boolean repliedOnTime, boolean excluded) {

    /** What one valid callback adds to each unit it counts for. */
    Counts counts() {
        return new Counts(1, contacted ? 1 : 0, "YES".equals(solved) ? 1 : 0, "PARTLY".equals(solved) ? 1 : 0,
                "SATISFIED".equals(satisfaction) ? 1 : 0, "BASICALLY_SATISFIED".equals(satisfaction) ? 1 : 0, replied ? 1 : 0,
                repliedOnTime ? 1 : 0);
    }

    OrderResult withExcluded(boolean value) {
        return new OrderResult(orderId, round, day, callbackAt, leadUnitCode, districtCode, coUnitCodes, contacted, solved,
                satisfaction, replied, repliedOnTime, value);
    }
}
