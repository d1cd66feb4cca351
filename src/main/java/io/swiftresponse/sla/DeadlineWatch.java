package io.swiftresponse.sla;

import io.swiftresponse.workorder.DueClock;
import io.swiftresponse.workorder.OrderDeadlines;
import io.swiftresponse.workorder.OrderDeadlines.Share;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
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
 * <p>
 * {@code swift.sla.sweep-workers} (default 1) workers claim disjoint shares of the due clocks in parallel, each on
 * its own connection and in its own transactions: a batch is CPU work of one PostgreSQL backend, so more cores
 * could take a large sweep faster. On the 2-core reference machine two workers gave no consistent gain (the notifier
 * competes for the same cores; docs/benchmarks.md, "Deadlines"), hence the default. The kinds stay in order
 * (warnings, overdue, then escalations, which need the overdue marks).
 */
@Component
public class DeadlineWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    static final int BATCH = 2000;

    private final OrderDeadlines deadlines;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int workers;
    /** Runs the shares after the first one, which the scanning thread claims itself; null with one worker. */
    private final ExecutorService pool;

    DeadlineWatch(OrderDeadlines deadlines, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
            @Value("${swift.sla.sweep-workers:1}") int workers) {
        if (workers < 1 || workers > 16) throw new IllegalArgumentException("swift.sla.sweep-workers must be 1..16, was " + workers);
        this.deadlines = deadlines;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.workers = workers;
        this.pool = workers == 1 ? null : Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, "deadline-watch-worker");
            t.setDaemon(true);
            return t;
        });
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

    /** Every share drained in parallel; returns when all are, rethrowing the first failure. */
    private int drain(Instant now, DeadlineAlerts.Kind kind, Claim claim) {
        if (workers == 1) return drain(now, kind, claim, Share.ALL);
        List<CompletableFuture<Integer>> others = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            Share share = new Share(i, workers);
            others.add(CompletableFuture.supplyAsync(() -> drain(now, kind, claim, share), pool));
        }
        RuntimeException failure = null;
        int total = 0;
        try {
            total += drain(now, kind, claim, new Share(0, workers));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<Integer> other : others) {
            try {
                total += other.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) failure = cause;
                else failure.addSuppressed(cause);
            }
        }
        if (failure != null) throw failure;
        return total;
    }

    private int drain(Instant now, DeadlineAlerts.Kind kind, Claim claim, Share share) {
        int total = 0;
        while (true) {
            Integer n = tx.execute(s -> {
                List<DueClock> batch = claim.apply(now, share, BATCH);
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

    @Override
    public void destroy() {
        if (pool != null) pool.shutdownNow();
    }

    @FunctionalInterface
    private interface Claim {
        List<DueClock> apply(Instant now, Share share, int limit);
    }

    public record Result(int warned, int overdue, int escalated) {
    }
}
