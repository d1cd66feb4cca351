package io.swiftresponse.workorder;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps an order's clocks in step with its lifecycle, inside the action's transaction. Which actions meet
 * a clock is lifecycle knowledge and lives here; which actions start one, and for how long, is policy
 * data behind {@link DeadlinePolicy}. Every change is written into the action's history details.
 */
@Component
class DeadlineKeeper {

    private static final Map<OrderAction, Set<DeadlineClock>> MEETS = Map.of(
            OrderAction.DISPATCH, EnumSet.of(DeadlineClock.DISPATCH),
            OrderAction.SIGN, EnumSet.of(DeadlineClock.SIGN),
            // an objection that is rejected leaves the unit signed for the order
            OrderAction.REJECT_RETURN, EnumSet.of(DeadlineClock.SIGN),
            OrderAction.CONTACT, EnumSet.of(DeadlineClock.CONTACT),
            OrderAction.REPLY, EnumSet.of(DeadlineClock.REPLY),
            OrderAction.CLOSE, EnumSet.of(DeadlineClock.CALLBACK),
            OrderAction.REOPEN, EnumSet.of(DeadlineClock.CALLBACK),
            OrderAction.REHANDLE, EnumSet.of(DeadlineClock.CALLBACK));

    /** Triage that ends the order before dispatch stops every clock. */
    private static final Set<OrderAction> CANCELS_ALL = EnumSet.of(OrderAction.ANSWER, OrderAction.TRANSFER_EMERGENCY,
            OrderAction.REFER, OrderAction.MERGE);

    private final DeadlineRepository deadlines;
    private final DeadlinePolicy policy;

    DeadlineKeeper(DeadlineRepository deadlines, DeadlinePolicy policy) {
        this.deadlines = deadlines;
        this.policy = policy;
    }

    DeadlinePolicy.Applied select(String tierCode, String categoryCode, Instant recordedAt) {
        return policy.select(tierCode, categoryCode, recordedAt);
    }

    void onRecorded(long orderId, long policyId, Instant now, Map<String, Object> details) {
        start(orderId, policyId, "record", now, details);
    }

    void onAction(WorkOrder o, OrderAction action, WorkOrderState to, Instant now, Map<String, Object> details) {
        long id = o.id;
        if (CANCELS_ALL.contains(action)) {
            for (DeadlineClock c : DeadlineClock.values()) deadlines.cancel(id, c);
            details.put("deadlinesCancelled", "all");
            return;
        }
        for (DeadlineClock c : MEETS.getOrDefault(action, Set.of())) {
            deadlines.meet(id, c, now);
        }
        boolean redispatched = action == OrderAction.APPROVE_RETURN && to == WorkOrderState.DISPATCHED;
        if (redispatched) {
            deadlines.meet(id, DeadlineClock.DISPATCH, now);
        }
        if (action == OrderAction.APPROVE_RETURN && !redispatched) {
            // back to dispatch: the unit's clocks no longer run
            List.of(DeadlineClock.SIGN, DeadlineClock.CONTACT, DeadlineClock.REPLY).forEach(c -> deadlines.cancel(id, c));
        }
        // a re-handle is a new dispatch to the same unit: it restarts the clocks a dispatch starts (sign, contact, reply)
        boolean asDispatch = redispatched || action == OrderAction.REHANDLE;
        start(id, o.slaPolicyId(), asDispatch ? "dispatch" : action.slug(), now, details);
    }

    void extendReply(WorkOrder o, int workingDays, Map<String, Object> details) {
        deadlines.running(o.id).stream().filter(r -> r.clock() == DeadlineClock.REPLY).findFirst().ifPresent(r -> {
            DeadlinePolicy.Due due = policy.extend(o.slaPolicyId(), r.clock(), r.startedAt(), r.dueAt(), workingDays);
            deadlines.move(o.id, r.clock(), due);
            details.put("replyDueBefore", r.dueAt().toString());
            details.put("replyDueAfter", due.dueAt().toString());
        });
    }

    /** Moves every running clock by the time the order waited for the requester. */
    void resume(WorkOrder o, Instant pausedAt, Instant now, Map<String, Object> details) {
        Map<String, Object> moved = new LinkedHashMap<>();
        for (DeadlineRepository.Row r : deadlines.running(o.id)) {
            DeadlinePolicy.Due due = policy.shift(o.slaPolicyId(), r.clock(), r.startedAt(), r.dueAt(), pausedAt, now);
            deadlines.move(o.id, r.clock(), due);
            moved.put(r.clock().name(), Map.of("before", r.dueAt().toString(), "after", due.dueAt().toString()));
        }
        details.put("deadlinesMoved", moved);
    }

    private void start(long orderId, long policyId, String event, Instant now, Map<String, Object> details) {
        Set<DeadlineClock> started = policy.startedBy(policyId, event);
        if (started.isEmpty()) {
            return;
        }
        Map<String, Object> set = new LinkedHashMap<>();
        for (DeadlineClock c : started) {
            DeadlinePolicy.Due due = policy.due(policyId, c, now);
            deadlines.start(orderId, c, now, due);
            set.put(c.name(), Map.of("dueAt", due.dueAt().toString(), "basis", due.basis()));
        }
        details.put("deadlines", set);
    }
}
