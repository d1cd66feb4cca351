package io.swiftresponse.search.index;

import io.swiftresponse.shared.AfterCommit;
import io.swiftresponse.workorder.WorkOrderRecorded;
import io.swiftresponse.workorder.WorkOrderTransitioned;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index a projection of the orders: every recorded or transitioned order is re-read from the
 * database, in batches, and replaced in the index (idempotent, so at-least-once delivery is enough); after a start it
 * catches up on what changed since the committed watermark; a rebuild re-reads every order.
 * Reading and writing happen under one lock, so a slower reader can never overwrite a newer document with
 * an older state.
 */
@Component
public class OrderProjection {

    private static final Logger log = LoggerFactory.getLogger(OrderProjection.class);
    static final int BATCH = 1_000;
    /** Long enough to gather a burst into one batch, short next to the searchers' refresh interval. */
    private static final long DRAIN_DELAY_MS = 50;
    private static final long RETRY_DELAY_MS = 1_000;

    private final OrderIndex index;
    private final OrderSource source;
    private final SearchProperties properties;
    private final Clock clock;
    private final Object writeLock = new Object();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "order-index");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicLong lastRun = new AtomicLong();
    private volatile Instant lastRebuildStarted;
    private volatile Instant lastRebuildFinished;

    OrderProjection(OrderIndex index, OrderSource source, SearchProperties properties, Clock clock) {
        this.index = index;
        this.source = source;
        this.properties = properties;
        this.clock = clock;
        long every = properties.commitInterval().toMillis();
        background.scheduleWithFixedDelay(this::commitQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    // Not a persisted (Modulith) publication: it would cost an insert and an update of the publication table in
    // every recording and every action, for a projection that is durable on its own (the watermark in the Lucene
    // commit; a restart catches up from it). After commit, the id joins a set that the index thread drains in
    // batches, so a burst of actions on one order is indexed once. See AfterCommit for why not a
    // @TransactionalEventListener.
    @EventListener
    void on(WorkOrderRecorded event) {
        AfterCommit.run("Queueing order " + event.orderId() + " for indexing", () -> enqueue(event.orderId()));
    }

    @EventListener
    void on(WorkOrderTransitioned event) {
        AfterCommit.run("Queueing order " + event.orderId() + " for indexing", () -> enqueue(event.orderId()));
    }

    private void enqueue(long orderId) {
        pending.add(orderId);
        if (drainScheduled.compareAndSet(false, true)) {
            background.schedule(this::drainPending, DRAIN_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Indexes what is pending; an id added meanwhile is either taken here or schedules the next drain. */
    private void drainPending() {
        drainScheduled.set(false);
        List<Long> ids = new ArrayList<>();
        for (Iterator<Long> it = pending.iterator(); it.hasNext() && ids.size() < BATCH; ) {
            ids.add(it.next());
            it.remove();
        }
        if (ids.isEmpty()) {
            return;
        }
        try {
            reindex(ids);
        } catch (RuntimeException e) {
            log.warn("Indexing {} changed orders failed; retrying in {} ms", ids.size(), RETRY_DELAY_MS, e);
            pending.addAll(ids);
            if (drainScheduled.compareAndSet(false, true)) {
                background.schedule(this::drainPending, RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
            }
            return;
        }
        if (!pending.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            background.execute(this::drainPending);
        }
    }

    /** Re-reads these orders and replaces their documents. */
    public void reindex(List<Long> orderIds) {
        synchronized (writeLock) {
            index.upsert(source.byIds(orderIds));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAfterStart() {
        if (!properties.catchUpOnStart()) {
            return;
        }
        background.execute(() -> {
            Instant recent = index.watermark().minus(properties.catchUpOverlap());
            Instant since = index.unfinishedBuild().filter(p -> p.isBefore(recent)).orElse(recent);
            long n = index.unfinishedBuild().isPresent() ? build(since) : catchUp(since);
            log.info("Order index caught up: {} orders changed since {} re-indexed; {} documents", n, since, index.documents());
        });
    }

    /** Re-indexes every order changed at or after {@code since}, in batches; returns how many. */
    public long catchUp(Instant since) {
        return pass(since, false);
    }

    /** A full build (or its resumption): its progress is committed so a crash resumes rather than restarts it. */
    private long build(Instant since) {
        index.buildProgress(since);
        long n = pass(since, true);
        index.buildProgress(null);
        index.commit();
        return n;
    }

    private long pass(Instant since, boolean building) {
        Instant at = since;
        long afterId = 0;
        long count = 0;
        while (true) {
            List<IndexableOrder> batch;
            synchronized (writeLock) {
                batch = source.changedSince(at, afterId, BATCH);
                index.upsert(batch);
            }
            if (batch.isEmpty()) {
                break;
            }
            count += batch.size();
            lastRun.set(count);
            IndexableOrder last = batch.get(batch.size() - 1);
            at = last.updatedAt();
            afterId = last.id();
            if (building) {
                index.buildProgress(at);
            }
            if (count % (BATCH * 50L) == 0) {
                index.commit();
            }
        }
        index.commit();
        index.refresh();
        return count;
    }

    /**
     * Re-reads every order in the background; searches keep answering from the current documents meanwhile,
     * each replaced as it is re-read (orders are never deleted, so nothing is left behind). False when a
     * rebuild is already running.
     */
    public boolean startRebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        lastRebuildStarted = clock.instant();
        lastRun.set(0);
        background.execute(this::rebuildNow);
        return true;
    }

    private void rebuildNow() {
        try {
            long n = build(Instant.EPOCH);
            lastRebuildFinished = clock.instant();
            log.info("Order index rebuilt: {} orders", n);
        } catch (RuntimeException e) {
            log.error("Order index rebuild failed; it can be started again", e);
        } finally {
            rebuilding.set(false);
        }
    }

    /** For the offline command: the whole index from the database, in this thread. */
    public long rebuildBlocking() {
        rebuilding.set(true);
        try {
            return build(Instant.EPOCH);
        } finally {
            rebuilding.set(false);
        }
    }

    public record Status(long documents, Instant watermark, long sizeOnDiskBytes, boolean rebuilding, long rebuildProgress,
            Instant lastRebuildStarted, Instant lastRebuildFinished) {
    }

    public Status status() {
        return new Status(index.documents(), index.watermark(), index.sizeOnDiskBytes(), rebuilding.get(),
                rebuilding.get() ? lastRun.get() : 0, lastRebuildStarted, lastRebuildFinished);
    }

    private void commitQuietly() {
        try {
            index.commit();
        } catch (RuntimeException e) {
            log.warn("Order index commit failed; the next one retries, a restart catches up from the last watermark", e);
        }
    }

    /**
     * Lets the queued and running indexing finish before the index closes. Interrupting a thread inside Lucene I/O
     * closes the index's file channels (NIO channels are interruptible), which invalidates the write lock: the
     * index then fails to close and, in the same JVM, to open again. A long rebuild is interrupted after the grace
     * period and resumes from its committed progress at the next start.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        if (!background.awaitTermination(10, TimeUnit.SECONDS)) {
            background.shutdownNow();
        }
    }
}
