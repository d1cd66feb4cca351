package io.swiftresponse.sla;

import io.swiftresponse.workorder.DueClock;
import io.swiftresponse.workorder.OrderDeadlines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks for clocks that reached their warning point, their deadline, or the escalation point, and marks
 * each in its own transaction together with the event that notifies people, so a crash between two
 * orders loses nothing and a second watch never notifies twice. Runs every minute; {@link #scan(Instant)}
 * can be called with any instant (tests, operators catching up).
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final int BATCH = 500;

    private final OrderDeadlines deadlines;
    private final SlaPolicies policies;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeadlineWatch(OrderDeadlines deadlines, SlaPolicies policies, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock) {
        this.deadlines = deadlines;
        this.policies = policies;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${swift.sla.scan-interval:PT1M}", initialDelayString = "${swift.sla.scan-initial-delay:PT30S}")
    void scheduled() {
        scan(clock.instant());
    }

    /** One pass at {@code now}; returns how many marks it made. */
    public synchronized Result scan(Instant now) {
        int warned = 0;
        int overdue = 0;
        int escalated = 0;
        for (List<DueClock> batch = deadlines.reachedWarning(now, BATCH); !batch.isEmpty(); batch = deadlines.reachedWarning(now, BATCH)) {
            for (DueClock c : batch) {
                warned += Boolean.TRUE.equals(tx.execute(s -> warn(c, now))) ? 1 : 0;
            }
            if (batch.size() < BATCH) break;
        }
        for (List<DueClock> batch = deadlines.passedDeadline(now, BATCH); !batch.isEmpty(); batch = deadlines.passedDeadline(now, BATCH)) {
            for (DueClock c : batch) {
                overdue += Boolean.TRUE.equals(tx.execute(s -> overdue(c, now))) ? 1 : 0;
            }
            if (batch.size() < BATCH) break;
        }
        for (DueClock c : deadlines.overdueNotEscalated(now, 10 * BATCH)) {
            int hours = policies.find(c.policyId()).map(TimeLimitPolicy::escalationHours).orElse(24);
            if (!c.overdueAt().plus(Duration.ofHours(hours)).isAfter(now)) {
                escalated += Boolean.TRUE.equals(tx.execute(s -> escalate(c, now))) ? 1 : 0;
            }
        }
        if (warned + overdue + escalated > 0) {
            log.info("Deadline watch at {}: {} warned, {} overdue, {} escalated", now, warned, overdue, escalated);
        }
        return new Result(warned, overdue, escalated);
    }

    private boolean warn(DueClock c, Instant now) {
        if (!deadlines.markWarned(c, now)) return false;
        events.publishEvent(new DeadlineWarned(c.orderId(), c.number(), c.clock(), c.dueAt(), c.leadUnitCode()));
        return true;
    }

    private boolean overdue(DueClock c, Instant now) {
        if (!deadlines.markOverdue(c, now)) return false;
        events.publishEvent(new DeadlineOverdue(c.orderId(), c.number(), c.clock(), c.dueAt(), c.leadUnitCode(), c.copyUnitCode()));
        return true;
    }

    private boolean escalate(DueClock c, Instant now) {
        if (!deadlines.markEscalated(c, now)) return false;
        events.publishEvent(new SupervisionEscalated(c.orderId(), c.number(), c.clock(), c.dueAt(), c.overdueAt(), c.leadUnitCode()));
        return true;
    }

    public record Result(int warned, int overdue, int escalated) {
    }
}
