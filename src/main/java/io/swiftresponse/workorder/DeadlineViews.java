package io.swiftresponse.workorder;

import java.time.Instant;
import java.util.List;

/** Turns stored clocks into what people see, with the light computed for "now" at read time. */
final class DeadlineViews {

    private DeadlineViews() {
    }

    static List<DeadlineView> of(List<DeadlineRepository.Row> rows, boolean paused, Instant now) {
        return rows.stream().map(r -> of(r, paused, now)).toList();
    }

    static OrderView.Deadlines summary(List<DeadlineView> clocks) {
        java.util.Map<DeadlineClock, Instant> due = new java.util.EnumMap<>(DeadlineClock.class);
        clocks.forEach(c -> due.put(c.clock(), c.dueAt()));
        boolean provisional = clocks.stream().anyMatch(c -> c.provisional() && c.metAt() == null
                && c.status() != DeadlineView.Status.CANCELLED);
        return new OrderView.Deadlines(due.get(DeadlineClock.DISPATCH), due.get(DeadlineClock.SIGN), due.get(DeadlineClock.CONTACT),
                due.get(DeadlineClock.REPLY), due.get(DeadlineClock.CALLBACK), provisional, clocks);
    }

    /** Same rule as the list filter in {@link OrderQueries}: overdue beats warning; a paused order does not warn. */
    static OrderView.DeadlineStatus status(List<DeadlineView> clocks) {
        if (clocks.stream().anyMatch(c -> c.status() == DeadlineView.Status.OVERDUE)) return OrderView.DeadlineStatus.OVERDUE;
        if (clocks.stream().anyMatch(c -> c.status() == DeadlineView.Status.WARNING)) return OrderView.DeadlineStatus.WARNING;
        return OrderView.DeadlineStatus.ON_TIME;
    }

    static DeadlineView of(DeadlineRepository.Row r, boolean paused, Instant now) {
        DeadlineView.Status status;
        DeadlineView.Light light = null;
        if (r.cancelled()) {
            status = DeadlineView.Status.CANCELLED;
        } else if (r.metAt() != null) {
            status = r.metAt().isAfter(r.dueAt()) ? DeadlineView.Status.MET_LATE : DeadlineView.Status.MET;
        } else if (now.isAfter(r.dueAt())) {
            status = DeadlineView.Status.OVERDUE;
            light = DeadlineView.Light.RED;
        } else if (paused) {
            status = DeadlineView.Status.PAUSED;
            light = DeadlineView.Light.GREEN;
        } else if (!now.isBefore(r.warnAt())) {
            status = DeadlineView.Status.WARNING;
            light = DeadlineView.Light.YELLOW;
        } else {
            status = DeadlineView.Status.OPEN;
            light = DeadlineView.Light.GREEN;
        }
        return new DeadlineView(r.clock(), r.startedAt(), r.dueAt(), r.warnAt(), r.provisional(), r.basis(), r.metAt(),
                status, light);
    }
}
