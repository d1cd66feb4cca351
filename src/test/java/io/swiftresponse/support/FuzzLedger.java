package io.swiftresponse.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Checks every answer to a hostile request and keeps the score: never a 5xx, no stack trace in any body,
 * every 4xx an {@code application/problem+json} with a {@code detail}; an expected status when one is given.
 * Collects failures instead of stopping at the first, so one run shows every kind.
 */
public final class FuzzLedger {

    private static final String[] STACK_TRACE = {"Exception", "\tat ", "at io.", "at org.", "at java.", ".java:", "Caused by"};
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final AtomicLong NANOS = new AtomicLong();

    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final long started = System.nanoTime();
    private int created;
    private int checked;

    /** Requests checked by all ledgers in this JVM. */
    public static int sent() {
        return SENT.get();
    }

    /** Seconds between creating each ledger and its verdict, summed over all ledgers in this JVM. */
    public static double seconds() {
        return NANOS.get() / 1e9;
    }

    /** Answers 201 Created seen by this ledger. */
    public int created() {
        return created;
    }

    public Api.Response check(RawHttp.Request req, Api.Response r, Integer expected) {
        SENT.incrementAndGet();
        checked++;
        statuses.merge(r.status(), 1, Integer::sum);
        if (r.status() == 201) created++;
        String fault = fault(req, r, expected);
        if (fault != null) {
            String body = r.body().length() > 300 ? r.body().substring(0, 300) + "..." : r.body();
            failures.add(fault + ": " + req + " -> " + r.status() + " " + r.contentType() + " " + body);
        }
        return r;
    }

    public void fail(String failure) {
        failures.add(failure);
    }

    private static String fault(RawHttp.Request req, Api.Response r, Integer expected) {
        if (r.status() >= 500) return "5xx";
        if (expected != null && r.status() != expected) return "expected " + expected;
        for (String marker : STACK_TRACE) if (r.body().contains(marker)) return "stack trace (" + marker.strip() + ")";
        if (r.status() < 400 || req.method().equals("HEAD")) return null;
        if (!r.contentType().startsWith("application/problem+json")) return "not problem+json";
        try {
            JsonNode detail = r.json().path("detail");
            return detail.isString() && !detail.asString().isBlank() ? null : "no detail";
        } catch (RuntimeException e) {
            return "unparseable problem";
        }
    }

    /** Fails with up to 40 distinct failures, after printing the status histogram. */
    public void verdict() {
        long nanos = System.nanoTime() - started;
        NANOS.addAndGet(nanos);
        System.out.printf("%d requests in %.1f s, statuses %s, failures %d%n", checked, nanos / 1e9, statuses, failures.size());
        List<String> distinct = failures.stream().map(f -> f.length() > 600 ? f.substring(0, 600) : f).distinct().limit(40).toList();
        assertThat(failures).as(String.join("\n", distinct)).isEmpty();
    }
}
