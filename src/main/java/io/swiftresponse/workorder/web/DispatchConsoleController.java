package io.swiftresponse.workorder.web;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.OrderFilter;
import io.swiftresponse.workorder.OrderQueries;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrderState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dispatcher's console: what waits for the hotline (dispatch, return objections, replies to review,
 * extensions to decide) and what is overdue or under supervision. Each row opens the order page, where the action forms are.
 */
@Controller
class DispatchConsoleController {

    private final OrderQueries queries;
    private final io.swiftresponse.workorder.OrderStatistics statistics;
    private final CurrentUsers users;

    DispatchConsoleController(OrderQueries queries, io.swiftresponse.workorder.OrderStatistics statistics, CurrentUsers users) {
        this.queries = queries;
        this.statistics = statistics;
        this.users = users;
    }

    record Section(String key, List<InboxController.Row> rows) {
    }

    @GetMapping("/dispatch")
    String console(Model model) {
        model.addAttribute("sections", sections(hotline()));
        return "dispatch/console";
    }

    @GetMapping("/dispatch/sections")
    String sectionsFragment(Model model) {
        model.addAttribute("sections", sections(hotline()));
        return "dispatch/console :: sections";
    }

    private List<Section> sections(CurrentUser me) {
        List<InboxController.Row> awaiting = new ArrayList<>(rows(state(WorkOrderState.AWAITING_DISPATCH), me));
        awaiting.addAll(rows(state(WorkOrderState.REOPENED), me));
        awaiting.addAll(rows(state(WorkOrderState.RECEIVED), me));
        awaiting.sort(Comparator.comparing(r -> r.nextDue() == null ? java.time.Instant.MAX : r.nextDue()));
        List<InboxController.Row> inProgress = rows(state(WorkOrderState.IN_PROGRESS), me);
        return List.of(
                new Section("dispatch.awaiting", awaiting),
                new Section("dispatch.returns", rows(state(WorkOrderState.RETURN_REQUESTED), me)),
                new Section("dispatch.replies", rows(state(WorkOrderState.REPLIED), me)),
                new Section("dispatch.extensions", inProgress.stream().filter(r -> r.order().pendingExtensionDays() != null).toList()),
                new Section("dispatch.overdue", rows(new OrderFilter(null, null, null, null, null, OrderView.DeadlineStatus.OVERDUE), me)),
                new Section("dispatch.supervised", statistics.supervisedOrderIds(100).stream()
                        .map(id -> InboxController.Row.of(queries.find(id, me))).toList()));
    }

    private static OrderFilter state(WorkOrderState s) {
        return new OrderFilter(s, null, null, null, null, null);
    }

    private List<InboxController.Row> rows(OrderFilter filter, CurrentUser me) {
        return queries.list(filter, 0, 100, me).items().stream().map(InboxController.Row::of).toList();
    }

    private CurrentUser hotline() {
        CurrentUser me = users.current();
        if (!(me.is(Role.DISPATCHER) || me.is(Role.SUPERVISOR))) {
            throw Problem.forbidden("The dispatch console is for dispatchers and supervisors.");
        }
        return me;
    }
}
