package io.swiftresponse.sla;

import io.swiftresponse.workorder.DueClock;
import io.swiftresponse.workorder.OrderDeadlines;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds, by index, the clocks that reached their warning point, their deadline or their escalation point,
 * and marks them in batches: each batch is one transaction holding the marks, their history entries and
 * the event that notifies people, so a crash loses nothing and nothing is marked twice. After a restart the
 * first pass catches up on everything that fell due meanwhile. Runs every minute;
 * {@link #scan(Instant)} can be called with any instant (tests, operators catching up).
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    static final int BATCH = 2000;

    private final OrderDeadlines deadlines;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeadlineWatch(OrderDeadlines deadlines, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.deadlines = deadlines;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${swift.sla.scan-interval:PT1M}", initialDelayString = "${swift.sla.scan-initial-delay:PT10S}")
    void scheduled() {
        scan(clock.instant());
    }

    /** One pass as of {@code now}; returns how many clocks it marked. */
    public Result scan(Instant now) {
        int warned = drain(now, DeadlineAlerts.Kind.WARNING, deadlines::claimWarnings);
        int overdue = drain(now, DeadlineAlerts.Kind.OVERDUE, deadlines::claimOverdue);
        int escalated = drain(now, DeadlineAlerts.Kind.ESCALATED, deadlines::claimEscalations);
        if (warned + overdue + escalated > 0) {
            log.info("Deadline watch as of {}: {} warned, {} overdue, {} escalated", now, warned, overdue, escalated);
        }
        return new Result(warned, overdue, escalated);
    }

    private int drain(Instant now, DeadlineAlerts.Kind kind, BiFunction<Instant, Integer, List<DueClock>> claim) {
        int total = 0;
        while (true) {
            Integer n = tx.execute(s -> {
                List<DueClock> batch = claim.apply(now, BATCH);
                if (!batch.isEmpty()) {
                    events.publishEvent(new DeadlineAlerts(kind, now, batch.stream()
                            .map(c -> new DeadlineAlerts.Alert(c.orderId(), c.number(), c.clock(), c.dueAt(), c.leadUnitCode(),
                                    c.copyUnitCode()))
                            .toList()));
                }
                return batch.size();
            });
            total += n;
            if (n < BATCH) return total;
        }
    }

    public record Result(int warned, int overdue, int escalated) {
    }
}
