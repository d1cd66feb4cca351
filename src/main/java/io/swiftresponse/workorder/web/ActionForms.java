package io.swiftresponse.workorder.web;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.workorder.Lifecycle;
import io.swiftresponse.workorder.OrderAction;
import io.swiftresponse.workorder.OrderView;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which action forms an order page offers a viewer (only those {@link Lifecycle} would accept now), and which
 * fields each form has. The server checks everything again when the form is posted.
 */
final class ActionForms {

    /** Field names match {@link ActionRequest}, so a posted form binds to the same record the API validates. */
    static final Map<OrderAction, List<String>> FIELDS = Map.ofEntries(
            Map.entry(OrderAction.ANSWER, List.of("text")),
            Map.entry(OrderAction.TRANSFER_EMERGENCY, List.of("target", "note")),
            Map.entry(OrderAction.REFER, List.of("reason")),
            Map.entry(OrderAction.MERGE, List.of("primaryOrderId", "note")),
            Map.entry(OrderAction.SUBMIT, List.of("note")),
            Map.entry(OrderAction.DISPATCH, List.of("leadUnitCode", "coUnitCodes", "note")),
            Map.entry(OrderAction.SIGN, List.of("note")),
            Map.entry(OrderAction.REQUEST_RETURN, List.of("reason")),
            Map.entry(OrderAction.APPROVE_RETURN, List.of("newLeadUnitCode", "reason")),
            Map.entry(OrderAction.REJECT_RETURN, List.of("reason")),
            Map.entry(OrderAction.CONTACT, List.of("note")),
            Map.entry(OrderAction.REQUEST_EXTENSION, List.of("days", "reason")),
            Map.entry(OrderAction.APPROVE_EXTENSION, List.of("reason")),
            Map.entry(OrderAction.REJECT_EXTENSION, List.of("reason")),
            Map.entry(OrderAction.REPLY, List.of("text", "files")),
            Map.entry(OrderAction.APPROVE_REPLY, List.of("note")),
            Map.entry(OrderAction.REJECT_REPLY, List.of("reason")),
            Map.entry(OrderAction.RECORD_CALLBACK, List.of("callback", "note")),
            Map.entry(OrderAction.CLOSE, List.of("note")),
            Map.entry(OrderAction.REOPEN, List.of("reason")),
            Map.entry(OrderAction.REHANDLE, List.of("reason")),
            Map.entry(OrderAction.SUPERVISE, List.of("note")),
            Map.entry(OrderAction.PAUSE, List.of("reason")),
            Map.entry(OrderAction.RESUME, List.of("note")));

    record Form(String slug, List<String> fields) {
    }

    private ActionForms() {
    }

    /** Every action has a form: an action missing here would break the order page, so the class refuses to load. */
    static {
        for (OrderAction a : OrderAction.values()) {
            if (!FIELDS.containsKey(a)) throw new IllegalStateException("ActionForms.FIELDS has no form for " + a);
        }
    }

    static List<Form> available(OrderView order, CurrentUser viewer) {
        return Arrays.stream(OrderAction.values())
                .filter(a -> allowed(order, viewer, a))
                .map(a -> new Form(a.slug(), FIELDS.get(a)))
                .toList();
    }

    static boolean allowed(OrderView order, CurrentUser viewer, OrderAction a) {
        Lifecycle.Rule rule = Lifecycle.rule(a);
        if (!rule.from().contains(order.state()) || !rule.roles().contains(viewer.role())) {
            return false;
        }
        if (rule.leadUnitOnly() && viewer.isHandler() && !viewer.unitCode().equals(order.leadUnitCode())) {
            return false;
        }
        boolean pending = order.pendingExtensionDays() != null;
        return switch (a) {
            case REQUEST_EXTENSION -> !pending;
            case APPROVE_EXTENSION, REJECT_EXTENSION -> pending;
            case PAUSE -> order.paused() == null;
            case RESUME -> order.paused() != null;
            default -> true;
        };
    }
}
