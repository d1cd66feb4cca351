package io.swiftresponse.workorder;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Applies one action to one order: scope (404), role and unit (403), state (409), version (409), the
 * action's own fields (400), then the change, its history entry and its event, all in the caller's
 * transaction, so a refused action changes nothing.
 */
@Component
class OrderActions {

    static final Set<String> EMERGENCY_SERVICES = Set.of("110", "119", "120", "122");

    private final WorkOrderRepository orders;
    private final Directory directory;
    private final Taxonomy taxonomy;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DispatchTargets targets;
    private final DeadlineKeeper deadlines;
    private final CallbackSteps callbackSteps;

    OrderActions(WorkOrderRepository orders, Directory directory, Taxonomy taxonomy,
            ApplicationEventPublisher events, Clock clock, DeadlineKeeper deadlines, CallbackSteps callbackSteps) {
        this.deadlines = deadlines;
        this.callbackSteps = callbackSteps;
        this.orders = orders;
        this.directory = directory;
        this.taxonomy = taxonomy;
        this.events = events;
        this.clock = clock;
        this.targets = new DispatchTargets(directory);
    }

    /** Returns the order as stored after the action (and after the callback policy's follow-up, if any). */
    OrderRow apply(long orderId, OrderAction action, ActionInput in, CurrentUser actor) {
        OrderRow row = orders.findForUpdate(orderId).filter(o -> OrderScope.visible(o, actor))
                .orElseThrow(() -> Problem.notFound("Order " + orderId));
        Lifecycle.Rule rule = Lifecycle.rule(action);
        if (!rule.roles().contains(actor.role())) {
            throw Problem.forbidden("Role " + actor.role() + " may not " + action.slug() + "; allowed roles: " + rule.roles() + ".")
                    .with("action", action.slug());
        }
        if (rule.leadUnitOnly() && actor.isHandler() && !actor.unitCode().equals(row.leadUnitCode())) {
            throw Problem.forbidden("Only handlers of the lead unit " + row.leadUnitCode() + " may " + action.slug() + " this order.")
                    .with("action", action.slug());
        }
        return perform(row, action, in, new Actor(actor.username(), actor.role().name(), actor.unitCode()));
    }

    /**
     * The requester's own answers through a signed link: the link stands in for a user and role, and it is bound
     * to one handling round, so a link sent before a re-handle cannot answer for the round after it.
     */
    OrderRow applyForRequester(long orderId, int round, ActionInput in, String actorName) {
        OrderRow row = orders.findForUpdate(orderId).orElseThrow(() -> Problem.notFound("Order " + orderId));
        if (row.reopenCount() != round) {
            throw Problem.conflict("callback-round-over", "The order has been re-handled since this callback was asked for; "
                    + "the answer belongs to an earlier handling round.").with("round", row.reopenCount());
        }
        return perform(row, OrderAction.RECORD_CALLBACK, in, new Actor(actorName, REQUESTER_ROLE, null));
    }

    private OrderRow perform(OrderRow row, OrderAction action, ActionInput in, Actor actor) {
        long orderId = row.id();
        Lifecycle.Rule rule = Lifecycle.rule(action);
        if (!rule.from().contains(row.state())) {
            throw Problem.conflict("invalid-transition", "Cannot " + action.slug() + " an order in state " + row.state()
                    + "; allowed from " + rule.from() + ".").with("state", row.state()).with("action", action.slug());
        }
        if (in.expectedVersion() != null && in.expectedVersion() != row.version()) {
            throw staleVersion(row.version());
        }
        WorkOrder order = row.toAggregate();
        WorkOrderState from = order.state();
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        if (order.pausedAt() != null && Lifecycle.target(from, action) != from) {
            // moving on means the wait for the requester is over
            deadlines.resume(order, order.pausedAt(), now, details);
            order.resume();
            details.put("autoResumed", true);
        }
        String reason = change(order, action, in, actor, now, details);
        deadlines.onAction(order, action, order.state(), now, details);
        OrderRow written = orders.update(order, now).orElseThrow(() -> staleVersion(row.version()));
        orders.appendHistory(orderId, action.slug(), actor.name(), actor.role(), actor.unitCode(), now, from,
                order.state(), reason, details);
        events.publishEvent(new WorkOrderTransitioned(orderId, order.number, action.slug(), from, order.state(),
                order.leadUnitCode(), actor.name(), now, order.coUnitCodes()));
        if (action == OrderAction.REOPEN) {
            events.publishEvent(new WorkOrderReopened(orderId, order.number, order.reopenCount(), now));
        }
        return action == OrderAction.RECORD_CALLBACK ? followUp(order, in, now).orElse(written) : written;
    }

    /** The callback policy's follow-up (re-handle or close): a lifecycle action of its own, by the policy. */
    private Optional<OrderRow> followUp(WorkOrder o, ActionInput in, Instant now) {
        CallbackPolicy.Decision d = callbackSteps.after(o, in, now);
        if (d.outcome() == CallbackPolicy.Outcome.NONE) {
            return Optional.empty();
        }
        OrderAction next = d.outcome() == CallbackPolicy.Outcome.REHANDLE ? OrderAction.REHANDLE : OrderAction.CLOSE;
        ActionInput byPolicy = new ActionInput(null, d.explanation(), d.explanation(), null, null, null, null, null, null,
                null, null, null, null, null);
        return Optional.of(perform(orders.findForUpdate(o.id).orElseThrow(), next, byPolicy,
                new Actor(CallbackPolicy.ACTOR, CallbackSteps.SYSTEM_ROLE, null)));
    }

    /** Who takes an action: a signed-in user, the requester through a signed link, or a policy acting for the system. */
    private record Actor(String name, String role, String unitCode) {
    }

    static final String REQUESTER_ROLE = "REQUESTER";

    /** Validates the action's fields, changes the aggregate and returns the reason for the history entry. */
    private String change(WorkOrder o, OrderAction action, ActionInput in, Actor actor, Instant now,
            Map<String, Object> details) {
        WorkOrderState next = Lifecycle.target(o.state(), action);
        String reason = null;
        switch (action) {
            case ANSWER -> details.put("answer", required(in.text(), "text"));
            case TRANSFER_EMERGENCY -> {
                String target = required(in.target(), "target");
                if (!EMERGENCY_SERVICES.contains(target)) {
                    throw Problem.invalidField("target", "must be one of " + EMERGENCY_SERVICES.stream().sorted().toList());
                }
                details.put("target", target);
                reason = in.note();
            }
            case REFER -> reason = required(in.reason(), "reason");
            case MERGE -> {
                long primary = mergeTarget(o, in);
                o.mergeInto(primary);
                details.put("primaryOrderId", primary);
                reason = in.note();
            }
            case SUBMIT -> reason = in.note();
            case DISPATCH -> {
                dispatch(o, in, in.leadUnitCode() == null ? null : in.leadUnitCode(), now, details, "leadUnitCode");
                reason = in.note();
            }
            case SIGN, APPROVE_REPLY -> reason = in.note();
            case REQUEST_RETURN -> reason = required(in.reason(), "reason");
            case APPROVE_RETURN -> {
                reason = in.reason() != null ? in.reason() : in.note();
                details.put("returnedBy", o.leadUnitCode());
                if (in.leadUnitCode() != null) {
                    if (in.leadUnitCode().equals(o.leadUnitCode())) {
                        throw Problem.invalidField("leadUnitCode", "re-dispatch must go to another unit than the one that returned it");
                    }
                    dispatch(o, in, in.leadUnitCode(), now, details, "leadUnitCode");
                    next = WorkOrderState.DISPATCHED;
                } else {
                    o.unassign();
                }
            }
            case REJECT_RETURN, REJECT_REPLY -> reason = required(in.reason(), "reason");
            case CONTACT -> reason = required(in.note(), "note");
            case REQUEST_EXTENSION -> {
                reason = required(in.reason(), "reason");
                if (in.days() == null) throw Problem.invalidField("days", "is required");
                if (o.pendingExtensionDays() != null) {
                    throw Problem.conflict("extension-pending", "An extension request of " + o.pendingExtensionDays()
                            + " working days is already waiting for a decision.");
                }
                o.requestExtension(in.days());
                details.put("days", in.days());
            }
            case APPROVE_EXTENSION, REJECT_EXTENSION -> {
                if (o.pendingExtensionDays() == null) {
                    throw Problem.conflict("no-extension-pending", "There is no extension request to decide.");
                }
                int days = o.pendingExtensionDays();
                details.put("days", days);
                if (action == OrderAction.APPROVE_EXTENSION) {
                    reason = in.reason() != null ? in.reason() : in.note();
                    deadlines.extendReply(o, days, details);
                } else {
                    reason = required(in.reason(), "reason");
                }
                o.clearExtensionRequest();
            }
            case REPLY -> details.put("reply", required(in.text(), "text"));
            case RECORD_CALLBACK -> callbackSteps.record(o, in, actor.name(), now, details);
            case CLOSE -> {
                callbackSteps.requireForClosing(o);
                reason = in.note();
            }
            case REOPEN -> {
                reason = required(in.reason(), "reason");
                o.countReopen();
                details.put("reopenCount", o.reopenCount());
            }
            case REHANDLE -> {
                // the same lead unit and co-units handle it again, against new sign, contact and reply deadlines
                reason = required(in.reason(), "reason");
                o.countReopen();
                details.put("reopenCount", o.reopenCount());
                details.put("leadUnitCode", o.leadUnitCode());
            }
            case SUPERVISE -> {
                reason = required(in.note(), "note");
                o.markSupervised();
            }
            case PAUSE -> {
                reason = required(in.reason(), "reason");
                if (o.pausedAt() != null) {
                    throw Problem.conflict("already-paused", "The order has been waiting for the requester since "
                            + o.pausedAt() + " (" + o.pauseReason() + ").");
                }
                o.pause(now, reason);
            }
            case RESUME -> {
                if (o.pausedAt() == null) throw Problem.conflict("not-paused", "The order is not paused.");
                reason = in.note();
                details.put("pausedAt", o.pausedAt().toString());
                deadlines.resume(o, o.pausedAt(), now, details);
                o.resume();
            }
        }
        o.moveTo(next);
        return reason;
    }

    private void dispatch(WorkOrder o, ActionInput in, String lead, Instant now, Map<String, Object> details, String field) {
        if (in.categoryCode() != null) {
            Category c = OrderClassification.dispatchableCategory(taxonomy, in.categoryCode(), "categoryCode");
            String tier = OrderClassification.tierFor(taxonomy, c, flags(o)).code();
            // the policy stays the one in force when the order was recorded, for the new tier and category
            o.classify(c.code(), tier, deadlines.select(tier, c.code(), o.recordedAt).policyId());
            details.put("categoryCode", c.code());
        }
        if (o.categoryCode() == null) {
            throw Problem.invalidField("categoryCode", "the order has no category yet: give one with the dispatch");
        }
        DispatchTargets.Assignment a = targets.resolve(lead, in.coUnitCodes(), field);
        o.assign(a.lead(), a.coUnits(), a.copy());
        details.put("leadUnitCode", a.lead());
        details.put("coUnitCodes", a.coUnits());
        if (a.copy() != null) details.put("copyUnitCode", a.copy());
    }

    private long mergeTarget(WorkOrder o, ActionInput in) {
        if (in.primaryOrderId() == null) throw Problem.invalidField("primaryOrderId", "is required: the order this one repeats");
        long primary = in.primaryOrderId();
        if (primary == o.id) throw Problem.invalidField("primaryOrderId", "an order cannot be merged into itself");
        OrderRow target = orders.find(primary)
                .orElseThrow(() -> Problem.invalidField("primaryOrderId", "order " + primary + " does not exist"));
        if (target.state() == WorkOrderState.MERGED) {
            throw Problem.invalidField("primaryOrderId", "order " + primary + " is itself merged into order "
                    + target.primaryOrderId() + "; merge into that one");
        }
        return primary;
    }

    private static List<OrderFlag> flags(WorkOrder o) {
        return o.flags.stream().map(OrderFlag::valueOf).toList();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Problem.invalidField(field, "is required for this action");
        }
        return value.strip();
    }

    private static Problem staleVersion(int current) {
        return new Problem(HttpStatus.CONFLICT, "stale-version", "Conflict",
                "The order was changed by someone else (current version " + current + "); reload it and try again.")
                .with("currentVersion", current);
    }
}
