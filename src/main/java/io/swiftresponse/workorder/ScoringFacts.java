package io.swiftresponse.workorder;

import java.time.Instant;
import java.util.List;

/**
 * What evaluation needs of one order beyond its events: the state, the handling round (0, then +1 per reopen),
 * the units it is attributed to, and the reply clock of the current round (null when the order never had one).
 */
public record ScoringFacts(long orderId, WorkOrderState state, int round, String leadUnitCode, List<String> coUnitCodes,
        Instant replyDueAt, Instant replyMetAt) {
}
