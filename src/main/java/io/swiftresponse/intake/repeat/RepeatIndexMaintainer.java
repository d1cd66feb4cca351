package io.swiftresponse.intake.repeat;

import io.swiftresponse.intake.IntakeSettings;
import io.swiftresponse.shared.AfterCommit;
import io.swiftresponse.workorder.OrderFactsReader;
import io.swiftresponse.workorder.WorkOrderRecorded;
import io.swiftresponse.workorder.WorkOrderTransitioned;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link RepeatIndex} current: loads the window from the database once the application is up (in
 * the background: a million orders take a while), then follows WorkOrderRecorded / WorkOrderTransitioned.
 *
 * <p>The listeners run synchronously right after the recording transaction commits rather than as
 * {@code @ApplicationModuleListener}s: the agent's next keystroke must already see the order just recorded,
 * and the index is an in-memory projection rebuilt at every start, so the publication registry's retries
 * would add nothing. A failure here is logged and never reaches the agent who recorded the order.
 */
@Component
class RepeatIndexMaintainer {

    private static final Logger log = LoggerFactory.getLogger(RepeatIndexMaintainer.class);

    private final Repeats repeats;
    private final OrderFactsReader reader;
    private final IntakeSettings settings;
    private final Clock clock;

    RepeatIndexMaintainer(Repeats repeats, OrderFactsReader reader, IntakeSettings settings, Clock clock) {
        this.repeats = repeats;
        this.reader = reader;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnStart() {
        Thread t = new Thread(this::load, "repeat-index-load");
        t.setDaemon(true);
        t.start();
    }

    void load() {
        long t0 = System.nanoTime();
        try {
            RepeatIndex index = repeats.index();
            int[] n = {0};
            reader.forEachOpenOrSince(clock.instant().minus(settings.repeatWindow()), o -> {
                index.add(o);
                n[0]++;
            });
            index.reweigh(); // the first orders were weighed against a nearly empty index
            repeats.markLoaded();
            log.info("Repeat index loaded {} orders in {} ms", n[0], (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Repeat index could not be loaded; repeat candidates stay incomplete until the next start: {}", e.toString());
        }
    }

    @EventListener
    void on(WorkOrderRecorded event) {
        AfterCommit.run("Adding order " + event.number() + " to the repeat index",
                () -> reader.find(event.orderId()).ifPresent(repeats.index()::add));
    }

    @EventListener
    void on(WorkOrderTransitioned event) {
        AfterCommit.run("Repeat index progress of order " + event.number(),
                () -> repeats.index().progress(event.orderId(), event.to(), event.leadUnitCode()));
    }

    @Scheduled(fixedDelayString = "${swift.intake.repeats.evict-every:PT1H}")
    void evict() {
        Instant now = clock.instant();
        int n = repeats.index().evict(now);
        if (n > 0) log.debug("Evicted {} finished orders from the repeat index", n);
    }
}
