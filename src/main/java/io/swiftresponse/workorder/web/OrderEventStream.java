package io.swiftresponse.workorder.web;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.shared.AfterCommit;
import io.swiftresponse.workorder.WorkOrderRecorded;
import io.swiftresponse.workorder.WorkOrderTransitioned;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for open inbox and console pages: after an order changes (after commit, so a page never
 * reloads a change that was rolled back), every page watching its lead unit, that unit's district, or the hotline
 * gets an {@code order} event with the order id and reloads its list; so does every page watching one of its co-units
 * or a co-unit's district.
 */
@Component
class OrderEventStream {

    static final String HOTLINE = "*hotline";
    private static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private final Map<String, List<SseEmitter>> watchers = new ConcurrentHashMap<>();
    private final Directory directory;

    OrderEventStream(Directory directory) {
        this.directory = directory;
    }

    SseEmitter watch(CurrentUser user) {
        String key = user.isHandler() ? user.unitCode() : HOTLINE;
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        List<SseEmitter> list = watchers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(emitter, "hello", "connected");
        return emitter;
    }

    @EventListener
    void on(WorkOrderTransitioned event) {
        String data = Long.toString(event.orderId());
        AfterCommit.run("Live update of order " + data, () -> audience(event).forEach(key -> broadcast(key, data)));
    }

    /** The lead unit, the co-units, the district of each (a street's district supervises it) and the hotline. */
    Set<String> audience(WorkOrderTransitioned event) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> units = new ArrayList<>();
        if (event.leadUnitCode() != null) units.add(event.leadUnitCode());
        units.addAll(event.coUnitCodes());
        for (String unit : units) {
            keys.add(unit);
            directory.districtOf(unit).map(u -> u.code()).ifPresent(keys::add);
        }
        keys.add(HOTLINE);
        return keys;
    }

    @EventListener
    void on(WorkOrderRecorded event) {
        AfterCommit.run("Live update of order " + event.orderId(), () -> broadcast(HOTLINE, Long.toString(event.orderId())));
    }

    private void broadcast(String key, String data) {
        watchers.getOrDefault(key, List.of()).forEach(e -> send(e, "order", data));
    }

    private static void send(SseEmitter emitter, String name, String data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }

    /**
     * Ends every open stream when the application closes. An open stream is a request in progress (30 minutes long),
     * and the web server's graceful shutdown, which comes after this event, would wait for it until
     * spring.lifecycle.timeout-per-shutdown-phase (30 s) runs out. The pages' EventSource reconnects by itself.
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        watchers.values().forEach(list -> list.forEach(SseEmitter::complete));
    }

    int watching() {
        return watchers.values().stream().mapToInt(List::size).sum();
    }

}
