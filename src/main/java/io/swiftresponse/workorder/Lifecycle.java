package io.swiftresponse.workorder;

import static io.swiftresponse.identity.Role.AGENT;
import static io.swiftresponse.identity.Role.DISPATCHER;
import static io.swiftresponse.identity.Role.HANDLER;
import static io.swiftresponse.identity.Role.SUPERVISOR;
import static io.swiftresponse.workorder.WorkOrderState.*;

import io.swiftresponse.identity.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one state machine of a work order, as a table: for each action, the states it may start from, the
 * state it leads to (or {@code null}: the state does not change, e.g. extensions and supervision), the
 * roles that may take it, and whether only the lead unit's handlers may. Everything that decides whether
 * an action is allowed reads this table; nothing else encodes transitions.
 */
public final class Lifecycle {

    /** One row of the table; {@code leadUnitOnly} restricts the handlers among the roles to the lead unit's. */
    public record Rule(Set<WorkOrderState> from, WorkOrderState to, Set<Role> roles, boolean leadUnitOnly) {
    }

    private static final Map<OrderAction, Rule> RULES = new EnumMap<>(OrderAction.class);

    static {
        Set<Role> intake = EnumSet.of(AGENT, SUPERVISOR);
        Set<Role> hotline = EnumSet.of(DISPATCHER, SUPERVISOR);
        Set<Role> callback = EnumSet.of(AGENT, DISPATCHER, SUPERVISOR);
        Set<Role> unit = EnumSet.of(HANDLER);
        rule(OrderAction.ANSWER, EnumSet.of(RECEIVED), ANSWERED, intake, false);
        rule(OrderAction.TRANSFER_EMERGENCY, EnumSet.of(RECEIVED), TRANSFERRED_EMERGENCY, intake, false);
        rule(OrderAction.REFER, EnumSet.of(RECEIVED), REFERRED, intake, false);
        rule(OrderAction.MERGE, EnumSet.of(RECEIVED, AWAITING_DISPATCH), MERGED, EnumSet.of(AGENT, DISPATCHER, SUPERVISOR), false);
        rule(OrderAction.SUBMIT, EnumSet.of(RECEIVED), AWAITING_DISPATCH, intake, false);
        rule(OrderAction.DISPATCH, EnumSet.of(RECEIVED, AWAITING_DISPATCH, REOPENED), DISPATCHED, hotline, false);
        rule(OrderAction.SIGN, EnumSet.of(DISPATCHED), SIGNED, unit, true);
        rule(OrderAction.REQUEST_RETURN, EnumSet.of(DISPATCHED), RETURN_REQUESTED, unit, true);
        // approve-return goes to AWAITING_DISPATCH, or straight to DISPATCHED when a new lead unit is named
        rule(OrderAction.APPROVE_RETURN, EnumSet.of(RETURN_REQUESTED), AWAITING_DISPATCH, hotline, false);
        rule(OrderAction.REJECT_RETURN, EnumSet.of(RETURN_REQUESTED), SIGNED, hotline, false);
        rule(OrderAction.CONTACT, EnumSet.of(SIGNED), IN_PROGRESS, unit, true);
        rule(OrderAction.REQUEST_EXTENSION, EnumSet.of(IN_PROGRESS), null, unit, true);
        rule(OrderAction.APPROVE_EXTENSION, EnumSet.of(IN_PROGRESS), null, hotline, false);
        rule(OrderAction.REJECT_EXTENSION, EnumSet.of(IN_PROGRESS), null, hotline, false);
        rule(OrderAction.REPLY, EnumSet.of(IN_PROGRESS), REPLIED, unit, true);
        rule(OrderAction.APPROVE_REPLY, EnumSet.of(REPLIED), AWAITING_CALLBACK, hotline, false);
        rule(OrderAction.REJECT_REPLY, EnumSet.of(REPLIED), IN_PROGRESS, hotline, false);
        rule(OrderAction.RECORD_CALLBACK, EnumSet.of(AWAITING_CALLBACK), null, callback, false);
        rule(OrderAction.CLOSE, EnumSet.of(AWAITING_CALLBACK), CLOSED, callback, false);
        rule(OrderAction.REOPEN, EnumSet.of(AWAITING_CALLBACK, CLOSED), REOPENED, callback, false);
        // re-handling (重办) goes straight back to the same lead unit, not through the dispatch queue
        rule(OrderAction.REHANDLE, EnumSet.of(AWAITING_CALLBACK), DISPATCHED, callback, false);
        rule(OrderAction.SUPERVISE, EnumSet.of(AWAITING_DISPATCH, DISPATCHED, RETURN_REQUESTED, SIGNED, IN_PROGRESS, REPLIED,
                REOPENED), null, EnumSet.of(SUPERVISOR), false);
        // waiting for the requester stops the clocks; a handler may pause only its own unit's order
        rule(OrderAction.PAUSE, EnumSet.of(SIGNED, IN_PROGRESS), null, EnumSet.of(HANDLER, DISPATCHER, SUPERVISOR), true);
        rule(OrderAction.RESUME, EnumSet.of(SIGNED, IN_PROGRESS), null, EnumSet.of(HANDLER, DISPATCHER, SUPERVISOR), true);
    }

    private Lifecycle() {
    }

    private static void rule(OrderAction action, Set<WorkOrderState> from, WorkOrderState to, Set<Role> roles, boolean leadOnly) {
        RULES.put(action, new Rule(Collections.unmodifiableSet(EnumSet.copyOf(from)), to,
                Collections.unmodifiableSet(EnumSet.copyOf(roles)), leadOnly));
    }

    public static Rule rule(OrderAction action) {
        return RULES.get(action);
    }

    public static boolean allows(WorkOrderState state, OrderAction action) {
        return RULES.get(action).from().contains(state);
    }

    public static boolean permits(Role role, OrderAction action) {
        return RULES.get(action).roles().contains(role);
    }

    /** The state after the action; the same state for actions that only add history or flags. */
    public static WorkOrderState target(WorkOrderState state, OrderAction action) {
        WorkOrderState to = RULES.get(action).to();
        return to == null ? state : to;
    }
}
