package io.swiftresponse.search.index;

import io.swiftresponse.workorder.WorkOrderRecorded;
import io.swiftresponse.workorder.WorkOrderTransitioned;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index a projection of the orders: every recorded or transitioned order is re-read from the
 * database and replaced in the index (idempotent, so at-least-once delivery is enough); after a start it
 * catches up on what changed since the committed watermark; a rebuild re-reads every order.
 * Reading and writing happen under one lock, so a slower reader can never overwrite a newer document with
 * an older state.
 */
@Component
public class OrderProjection {

    private static final Logger log = LoggerFactory.getLogger(OrderProjection.class);
    static final int BATCH = 1_000;

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

    @ApplicationModuleListener
    void on(WorkOrderRecorded event) {
        reindex(List.of(event.orderId()));
    }

    @ApplicationModuleListener
    void on(WorkOrderTransitioned event) {
        reindex(List.of(event.orderId()));
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

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
