package io.swiftresponse.workorder;

import java.time.Instant;
import java.util.Set;

/**
 * How long each clock may run: implemented by the sla module from versioned time-limit policies and the
 * official working-day calendar. Declared here so that the work order computes its deadlines inside the
 * transaction of each action without depending on the module that knows the rules.
 */
public interface DeadlinePolicy {

    /** The policy for an order of this tier and category, as in force at {@code recordedAt}. */
    Applied select(String tierCode, String categoryCode, Instant recordedAt);

    /** The clocks that the event (an action slug, e.g. {@code dispatch}) starts or restarts. */
    Set<DeadlineClock> startedBy(long policyId, String event);

    Due due(long policyId, DeadlineClock clock, Instant start);

    /** An approved extension: the deadline moves by this many working days. */
    Due extend(long policyId, DeadlineClock clock, Instant start, Instant currentDue, int workingDays);

    /** After a pause: the deadline moves by the (working) time the order waited for the requester. */
    Due shift(long policyId, DeadlineClock clock, Instant start, Instant currentDue, Instant pausedAt, Instant resumedAt);

    record Applied(long policyId, String description) {
    }

    /** A deadline with its warning and escalation points and a sentence that explains it. */
    record Due(Instant dueAt, Instant warnAt, Instant escalateAt, boolean provisional, String basis) {
    }
}
