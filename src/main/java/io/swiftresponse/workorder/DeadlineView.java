package io.swiftresponse.workorder;

import java.time.Instant;

/**
 * One clock of an order as shown to people: its deadline, why, and a light (GREEN, YELLOW after the
 * warning point, RED when overdue) while it runs.
 */
public record DeadlineView(DeadlineClock clock, Instant startedAt, Instant dueAt, Instant warnAt, boolean provisional,
        String basis, Instant metAt, Status status, Light light) {

    public enum Status { OPEN, WARNING, OVERDUE, PAUSED, MET, MET_LATE, CANCELLED }

    public enum Light { GREEN, YELLOW, RED }
}
