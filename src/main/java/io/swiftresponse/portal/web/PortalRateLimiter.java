package io.swiftresponse.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A sliding-window limit per client address for the public portal, so that one client cannot flood the hotline
 * with requests or guess order numbers: {@code swift.portal.submit-limit} submissions and
 * {@code swift.portal.track-limit} look-ups per {@code swift.portal.window} (10 minutes by default). In memory,
 * per instance: good enough against a careless script; a shared limit belongs in front of the application.
 */
@Component
class PortalRateLimiter {

    private final Clock clock;
    private final Duration window;
    private final Map<String, Integer> limits;
    private final Map<String, Deque<Long>> hits = new ConcurrentHashMap<>();

    PortalRateLimiter(Clock clock, @Value("${swift.portal.window:PT10M}") Duration window,
            @Value("${swift.portal.submit-limit:5}") int submitLimit, @Value("${swift.portal.track-limit:30}") int trackLimit) {
        this.clock = clock;
        this.window = window;
        this.limits = Map.of("submit", submitLimit, "track", trackLimit);
    }

    /** Counts one use and says whether it is within the limit. */
    boolean allow(String kind, String client) {
        long now = clock.millis();
        Deque<Long> q = hits.computeIfAbsent(kind + "|" + client, k -> new ArrayDeque<>());
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst() <= now - window.toMillis()) q.pollFirst();
            if (q.size() >= limits.get(kind)) return false;
            q.addLast(now);
            return true;
        }
    }
}
