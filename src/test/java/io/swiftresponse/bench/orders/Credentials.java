package io.swiftresponse.bench.orders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The users' passwords, verified by the server before the phases: the server remembers a verified password for 5
 * minutes (CachingPasswordAuthenticationProvider), and a BCrypt check inside a measured phase would be measured.
 */
final class Credentials {
    private static final long CREDENTIAL_CACHE_NANOS = Duration.ofMinutes(5).toNanos();

    private final Bench bench;
    private final Map<String, long[]> verified = new ConcurrentHashMap<>(); // user -> {sent, received} nanos of last BCrypt

    Credentials(Bench bench) {
        this.bench = bench;
    }

    int verifiedCount() {
        return verified.size();
    }

    /** One cheap authenticated GET per user, so the server's BCrypt check happens here and not during a phase. */
    void warm() throws Exception {
        List<Login> users = new ArrayList<>(bench.catalog.handlers.values());
        users.add(bench.catalog.agent);
        users.add(bench.catalog.dispatcher);
        AtomicInteger next = new AtomicInteger();
        Workers.run(4, 0, (w, deadline) -> {
            HttpClientish http = bench.client();
            Tally t = new Tally();
            for (int i = next.getAndIncrement(); i < users.size(); i = next.getAndIncrement()) {
                Login u = users.get(i);
                long[] v = verified.get(u.name());
                if (v == null || System.nanoTime() - v[0] > CREDENTIAL_CACHE_NANOS + 500_000_000L) {
                    touch(http, u);
                }
            }
            http.close();
            return t;
        });
    }

    void touch(Login u) {
        try (HttpClientish http = bench.client()) {
            touch(http, u);
        }
    }

    void touch(HttpClientish http, Login u) {
        long sent = System.nanoTime();
        Resp r = http.get("/api/v1/taxonomy/request-types", u.auth());
        if (r.status() != 200) {
            throw new IllegalStateException(u.name() + " cannot log in: " + r);
        }
        verified.put(u.name(), new long[] {sent, System.nanoTime()});
    }

    /**
     * Keeps the server's 5-minute password cache from expiring inside a measured phase: where some user's
     * entry would expire before the phase ends, waits for it to expire and verifies the password again now.
     * (A real deployment pays that BCrypt every 5 minutes per active Basic-auth user; see the notes.)
     */
    void guard(double phaseSeconds) throws Exception {
        long horizon = (long) ((phaseSeconds + 5) * 1e9);
        while (true) {
            long now = System.nanoTime();
            long wait = 0;
            for (long[] v : verified.values()) {
                long expiresEarliest = v[0] + CREDENTIAL_CACHE_NANOS;
                long expiresLatest = v[1] + CREDENTIAL_CACHE_NANOS;
                if (expiresEarliest < now + horizon && expiresLatest + 1_000_000_000L > now) {
                    wait = Math.max(wait, expiresLatest + 1_000_000_000L - now);
                }
            }
            if (wait <= 0) {
                break;
            }
            System.out.printf("  (waiting %.0f s for the server's 5-minute password cache to expire, so that no BCrypt "
                    + "falls into the next phase)%n", wait / 1e9);
            Thread.sleep(wait / 1_000_000);
            warm();
        }
        warm();
    }
}
