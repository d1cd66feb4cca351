package io.swiftresponse.open311;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per key: up to {@code ratePerMinute} calls in a burst, refilled evenly over the minute. Held in
 * memory per instance, so behind N instances a key gets at most N times its rate: fine for fair use, which is
 * what this protects.
 */
@Component
class RateLimiter {

    private final Clock clock;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes one call from the key's bucket; the seconds to wait when it is empty, else 0. */
    long acquire(long keyId, int ratePerMinute) {
        Bucket bucket = buckets.computeIfAbsent(keyId, k -> new Bucket(ratePerMinute, clock.millis()));
        synchronized (bucket) {
            long now = clock.millis();
            double perMilli = ratePerMinute / 60_000.0;
            bucket.tokens = Math.min(ratePerMinute, bucket.tokens + (now - bucket.at) * perMilli);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000));
        }
    }

    void forget(long keyId) {
        buckets.remove(keyId);
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
