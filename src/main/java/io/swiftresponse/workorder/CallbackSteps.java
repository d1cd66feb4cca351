package io.swiftresponse.workorder;

import io.swiftresponse.shared.web.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The callback (回访) steps of the lifecycle, inside the action's transaction: recording an attempt, marking a round
 * unreachable after the policy's number of failed attempts, asking the policy what a reached answer leads to, and
 * the check that lets an order close.
 */
@Component
class CallbackSteps {

    static final String SYSTEM_ROLE = "SYSTEM";

    private final CallbackRepository callbacks;
    private final WorkOrderRepository orders;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<CallbackPolicy> policies;

    CallbackSteps(CallbackRepository callbacks, WorkOrderRepository orders, ApplicationEventPublisher events,
            ObjectProvider<CallbackPolicy> policies) {
        this.callbacks = callbacks;
        this.orders = orders;
        this.events = events;
        this.policies = policies;
    }

    void record(WorkOrder o, ActionInput in, String actor, Instant now, Map<String, Object> details) {
        if (in.reached() == null) throw Problem.invalidField("reached", "is required: was the requester reached?");
        if (in.reached()) {
            if (in.contacted() == null) throw Problem.invalidField("contacted", "is required when the requester was reached");
            if (in.solved() == null) throw Problem.invalidField("solved", "is required when the requester was reached: YES, PARTLY or NO");
            if (in.satisfaction() == null) {
                throw Problem.invalidField("satisfaction",
                        "is required when the requester was reached: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED");
            }
            details.put("contacted", in.contacted());
            details.put("solved", in.solved().name());
            details.put("satisfaction", in.satisfaction().name());
        }
        details.put("reached", in.reached());
        callbacks.insert(o.id, o.reopenCount(), in, actor, now);
        // published inside the transaction: listeners run after commit, so a refused action publishes nothing
        events.publishEvent(new CallbackRecorded(o.id, o.number, o.reopenCount(), in.reached(), in.contacted(),
                in.solved() == null ? null : in.solved().name(), in.satisfaction() == null ? null : in.satisfaction().name(),
                o.leadUnitCode(), actor, now));
    }

    /**
     * After a recorded attempt: the last allowed failed attempt of a round marks it unreachable (history entry and
     * {@link CallbackUnreachable}, once); a reached answer goes to the policy, whose decision is returned.
     */
    CallbackPolicy.Decision after(WorkOrder o, ActionInput in, Instant now) {
        CallbackPolicy policy = policy();
        if (in.reached()) {
            return policy.decide(new CallbackPolicy.Answers(o.id, o.reopenCount(), in.contacted(), in.solved(), in.satisfaction(), now));
        }
        List<CallbackResult> round = callbacks.forRound(o.id, o.reopenCount());
        int max = policy.maxUnreachedAttempts();
        if (round.size() == max && round.stream().noneMatch(CallbackResult::reached)) {
            orders.appendHistory(o.id, "callback-unreachable", CallbackPolicy.ACTOR, SYSTEM_ROLE, null, now, o.state(), o.state(),
                    "the requester was not reached in " + max + " callback attempts: unreachable, the order may be closed",
                    Map.of("round", o.reopenCount(), "attempts", max));
            events.publishEvent(new CallbackUnreachable(o.id, o.number, o.reopenCount(), max, o.leadUnitCode(), now));
        }
        return new CallbackPolicy.Decision(CallbackPolicy.Outcome.NONE, "the requester was not reached");
    }

    /** Closing needs a callback that reached the requester, or enough failed attempts to give up. */
    void requireForClosing(WorkOrder o) {
        List<CallbackResult> results = callbacks.forRound(o.id, o.reopenCount());
        boolean reached = results.stream().anyMatch(CallbackResult::reached);
        long attempts = results.size();
        int max = policy().maxUnreachedAttempts();
        if (!reached && attempts < max) {
            throw Problem.conflict("callback-required", "Record a callback before closing: the requester was reached "
                    + "in none of " + attempts + " attempts (at least " + max + " failed attempts allow closing).");
        }
    }

    private CallbackPolicy policy() {
        return policies.getIfAvailable(() -> CallbackPolicy.NONE);
    }
}
