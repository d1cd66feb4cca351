/**
 * Callback (回访): the queue of orders awaiting their callback, recording the requester's answers (by an agent,
 * or by the requester through a signed, expiring, single-use link), the unreachable rule, and the re-handling
 * policy (重办) as versioned data, applied in the callback's own transaction through workorder's
 * {@link io.swiftresponse.workorder.CallbackPolicy} port. Scores and rankings belong to the evaluation module.
 */
package io.swiftresponse.callback;
