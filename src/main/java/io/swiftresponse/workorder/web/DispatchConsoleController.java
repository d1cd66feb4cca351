package io.swiftresponse.workorder.web;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.OrderFilter;
import io.swiftresponse.workorder.OrderQueries;
import io.swiftresponse.workorder.OrderStatistics;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrderState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dispatcher's console: what waits for the hotline (dispatch, return objections, replies to review,
 * extensions to decide) and what is overdue or under supervision. Dispatch and return decisions are taken inline
 * in their rows ({@link ConsoleDecisionController}); every row also opens the order page with all its actions.
 */
@Controller
class DispatchConsoleController {

    private final OrderQueries queries;
    private final OrderStatistics statistics;
    private final ConsoleRows consoleRows;
    private final Directory directory;
    private final CurrentUsers users;

    DispatchConsoleController(OrderQueries queries, OrderStatistics statistics, ConsoleRows consoleRows, Directory directory,
            CurrentUsers users) {
        this.queries = queries;
        this.statistics = statistics;
        this.consoleRows = consoleRows;
        this.directory = directory;
        this.users = users;
    }

    record Section(String key, List<ConsoleRow> rows, boolean decisions) {
    }

    /** An entry of the page's one unit list (a datalist shared by every row's unit fields). */
    record UnitOption(String label, String copy) {
    }

    @GetMapping("/dispatch")
    String console(Model model) {
        CurrentUser me = hotline();
        model.addAttribute("sections", sections(me));
        model.addAttribute("unitOptions", OrderPageController.handlingUnits(directory).stream()
                .map(u -> new UnitOption(ConsoleRows.label(u), consoleRows.copyOf(u.code()))).toList());
        return "dispatch/console";
    }

    @GetMapping("/dispatch/sections")
    String sectionsFragment(Model model) {
        model.addAttribute("sections", sections(hotline()));
        return "dispatch/console :: sections";
    }

    private List<Section> sections(CurrentUser me) {
        List<OrderView> awaiting = new ArrayList<>(orders(state(WorkOrderState.AWAITING_DISPATCH), me));
        awaiting.addAll(orders(state(WorkOrderState.REOPENED), me));
        awaiting.addAll(orders(state(WorkOrderState.RECEIVED), me));
        List<ConsoleRow> awaitingRows = new ArrayList<>(awaiting.stream().map(o -> consoleRows.of(o, me)).toList());
        awaitingRows.sort(Comparator.comparing(r -> r.nextDue() == null ? Instant.MAX : r.nextDue()));
        List<OrderView> inProgress = orders(state(WorkOrderState.IN_PROGRESS), me);
        return List.of(
                new Section("dispatch.awaiting", awaitingRows, true),
                new Section("dispatch.returns", orders(state(WorkOrderState.RETURN_REQUESTED), me).stream()
                        .map(o -> consoleRows.of(o, me)).toList(), true),
                new Section("dispatch.replies", plain(orders(state(WorkOrderState.REPLIED), me)), false),
                new Section("dispatch.extensions", plain(inProgress.stream().filter(o -> o.pendingExtensionDays() != null).toList()), false),
                new Section("dispatch.overdue", plain(orders(new OrderFilter(null, null, null, null, null, OrderView.DeadlineStatus.OVERDUE), me)), false),
                new Section("dispatch.supervised", plain(statistics.supervisedOrderIds(100).stream().map(id -> queries.find(id, me)).toList()), false));
    }

    private static List<ConsoleRow> plain(List<OrderView> orders) {
        return orders.stream().map(o -> ConsoleRow.plain(InboxController.Row.of(o))).toList();
    }

    private static OrderFilter state(WorkOrderState s) {
        return new OrderFilter(s, null, null, null, null, null);
    }

    private List<OrderView> orders(OrderFilter filter, CurrentUser me) {
        return queries.list(filter, 0, 100, me).items();
    }

    private CurrentUser hotline() {
        return hotline(users);
    }

    static CurrentUser hotline(CurrentUsers users) {
        CurrentUser me = users.current();
        if (!(me.is(Role.DISPATCHER) || me.is(Role.SUPERVISOR))) {
            throw Problem.forbidden("The dispatch console is for dispatchers and supervisors.");
        }
        return me;
    }
}
