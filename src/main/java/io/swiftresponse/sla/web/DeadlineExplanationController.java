package io.swiftresponse.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.calendar.WorkingCalendar;
import io.swiftresponse.calendar.WorkingDayAnswer;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.workorder.DeadlineView;
import io.swiftresponse.workorder.HistoryEntry;
import io.swiftresponse.workorder.OrderQueries;
import io.swiftresponse.workorder.OrderView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How each deadline of an order came to be: the policy and its basis, the non-working days it skipped,
 * and every change since (restarts, extensions, pauses, warnings, overdue), read from the history.
 */
@RestController
@Tag(name = "Time limits")
class DeadlineExplanationController {

    private final OrderQueries orders;
    private final WorkingCalendar calendar;
    private final CurrentUsers users;
    private final Clock clock;

    DeadlineExplanationController(OrderQueries orders, WorkingCalendar calendar, CurrentUsers users, Clock clock) {
        this.orders = orders;
        this.calendar = calendar;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/api/v1/orders/{id}/deadlines/explain")
    @Operation(summary = "How each deadline was computed: policy version, tier, start, holidays skipped, pauses, extensions")
    Explanation explain(@PathVariable long id) {
        CurrentUser user = users.current();
        OrderView order = orders.find(id, user);
        List<HistoryEntry> history = orders.history(id, user);
        String policy = history.isEmpty() ? null : String.valueOf(history.get(0).details().get("policy"));
        List<ClockExplanation> clocks = new ArrayList<>();
        for (DeadlineView d : order.deadlines().clocks()) {
            clocks.add(new ClockExplanation(d.clock().name(), d.status().name(), d.startedAt(), d.dueAt(), d.warnAt(),
                    d.provisional(), d.basis(),
                    // only working-day limits skip days; clock-hour limits run through weekends and holidays
                    d.basis().contains("working day") ? nonWorkingDays(d.startedAt(), d.dueAt()) : List.of(),
                    changes(history, d.clock().name())));
        }
        return new Explanation(order.id(), order.number(), order.tierCode(), policy, order.deadlineStatus().name(), clocks);
    }

    private List<String> nonWorkingDays(Instant start, Instant due) {
        List<String> days = new ArrayList<>();
        LocalDate to = due.atZone(clock.getZone()).toLocalDate();
        for (LocalDate d = start.atZone(clock.getZone()).toLocalDate(); !d.isAfter(to) && days.size() < 60; d = d.plusDays(1)) {
            WorkingDayAnswer a = calendar.explain(d);
            if (!a.working()) days.add(d + " " + a.reason());
        }
        return days;
    }

    @SuppressWarnings("unchecked")
    private static List<Change> changes(List<HistoryEntry> history, String clock) {
        List<Change> changes = new ArrayList<>();
        for (HistoryEntry h : history) {
            Map<String, Object> d = h.details();
            Object started = d.get("deadlines") instanceof Map<?, ?> m ? m.get(clock) : null;
            Object moved = d.get("deadlinesMoved") instanceof Map<?, ?> m ? m.get(clock) : null;
            if (started instanceof Map<?, ?> s) {
                changes.add(new Change(h.at(), h.action(), h.actor(), "set to " + s.get("dueAt") + ": " + s.get("basis")));
            } else if (moved instanceof Map<?, ?> mv) {
                changes.add(new Change(h.at(), h.action(), h.actor(), "moved from " + mv.get("before") + " to " + mv.get("after")
                        + " (the order waited for the requester)"));
            } else if ("REPLY".equals(clock) && d.containsKey("replyDueAfter")) {
                changes.add(new Change(h.at(), h.action(), h.actor(), "extended by " + d.get("days") + " working days from "
                        + d.get("replyDueBefore") + " to " + d.get("replyDueAfter")));
            } else if (clock.equals(d.get("clock"))) {
                changes.add(new Change(h.at(), h.action(), h.actor(), h.reason()));
            } else if ("pause".equals(h.action())) {
                changes.add(new Change(h.at(), h.action(), h.actor(), "clocks stopped: " + h.reason()));
            }
        }
        return changes;
    }

    record Explanation(long orderId, String number, String tierCode, String policy, String deadlineStatus,
            List<ClockExplanation> clocks) {
    }

    record ClockExplanation(String clock, String status, Instant startedAt, Instant dueAt, Instant warnAt, boolean provisional,
            String basis, List<String> nonWorkingDaysSkipped, List<Change> changes) {
    }

    record Change(Instant at, String action, String actor, String what) {
    }
}
