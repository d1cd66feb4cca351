package io.swiftresponse.workorder.web;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.DeadlineView;
import io.swiftresponse.workorder.OrderFilter;
import io.swiftresponse.workorder.OrderQueries;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrderState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A handling unit's inbox: its orders by state, with deadline lights and time left, refreshed live by
 * server-sent events. A district also sees the orders sent directly to its streets (their copies).
 */
@Controller
class InboxController {

    static final List<WorkOrderState> TABS = List.of(WorkOrderState.DISPATCHED, WorkOrderState.SIGNED, WorkOrderState.IN_PROGRESS,
            WorkOrderState.RETURN_REQUESTED, WorkOrderState.REPLIED, WorkOrderState.AWAITING_CALLBACK, WorkOrderState.CLOSED);

    private final OrderQueries queries;
    private final CurrentUsers users;
    private final OrderEventStream events;

    InboxController(OrderQueries queries, CurrentUsers users, OrderEventStream events) {
        this.queries = queries;
        this.users = users;
        this.events = events;
    }

    /** An order in a list, with the due time of its nearest running clock. */
    record Row(OrderView order, Instant nextDue) {
        static Row of(OrderView o) {
            Instant next = o.deadlines().clocks().stream()
                    .filter(c -> c.metAt() == null && c.status() != DeadlineView.Status.CANCELLED)
                    .map(DeadlineView::dueAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            return new Row(o, next);
        }
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(required = false) WorkOrderState state, Model model) {
        CurrentUser me = requireHandler();
        model.addAttribute("tabs", TABS);
        model.addAttribute("state", state);
        model.addAttribute("rows", rows(state, me));
        return "inbox/inbox";
    }

    @GetMapping("/inbox/rows")
    String rowsFragment(@RequestParam(required = false) WorkOrderState state, Model model) {
        model.addAttribute("rows", rows(state, requireHandler()));
        return "inbox/inbox :: rows";
    }

    @GetMapping(value = "/inbox/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter stream() {
        return events.watch(users.current());
    }

    private List<Row> rows(WorkOrderState state, CurrentUser me) {
        OrderFilter filter = new OrderFilter(state, null, null, null, null, null);
        return queries.list(filter, 0, 100, me).items().stream().map(Row::of).toList();
    }

    private CurrentUser requireHandler() {
        CurrentUser me = users.current();
        if (!me.isHandler()) {
            throw Problem.forbidden("The unit inbox is for handlers of a unit; hotline staff use the dispatch console.");
        }
        return me;
    }
}
