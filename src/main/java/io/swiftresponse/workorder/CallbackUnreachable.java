package io.swiftresponse.workorder;

import java.time.Instant;

/**
 * The requester could not be reached in {@code attempts} callback attempts of this handling round, the most the
 * callback policy asks for: the round is recorded as unreachable (a history entry), the order may be closed, and
 * the round is not a valid callback (有效回访) for evaluation. Published once per round, with the attempt that
 * reached the limit.
 */
public record CallbackUnreachable(long orderId, String number, int round, int attempts, String leadUnitCode, Instant at) {
}
