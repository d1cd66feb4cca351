package io.swiftresponse.bench.orders;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The phases measured through the HTTP API: create, the authenticated GET under every call, the full lifecycle. */
final class HttpPhases {
    private final Bench bench;
    private final Credentials credentials;

    HttpPhases(Bench bench, Credentials credentials) {
        this.bench = bench;
        this.credentials = credentials;
    }

    Result create(int c, double seconds) throws Exception {
        return measure("create", c, seconds, 1, true, (http, b, t) -> {
            Resp r = http.post("/api/v1/orders", bench.catalog.agent.auth(), b.json);
            if (r.status() == 201) {
                return true;
            }
            t.error("record", r);
            return false;
        });
    }

    /**
     * The floor under every API call: an authenticated GET of a tiny, cached answer (HTTP Basic with the
     * user loaded from the database, the security filters, Spring MVC, JSON), no transaction of its own.
     */
    Result ping(int c, double seconds) throws Exception {
        return measure("auth GET", c, seconds, 1, false, (http, b, t) -> {
            Resp r = http.get("/api/v1/taxonomy/request-types", bench.catalog.agent.auth());
            if (r.status() == 200) {
                return true;
            }
            t.error("GET", r);
            return false;
        });
    }

    Result lifecycle(int c, double seconds) throws Exception {
        return measure("lifecycle", c, seconds, Lifecycle.STEPS.size(), true,
                (http, b, t) -> walkLifecycle(http, b, t, t.perStep));
    }

    /** What a worker does once: true when it counts (and its time with it), false after recording the error. */
    private interface Unit {
        boolean send(HttpClientish http, Body body, Tally t);
    }

    /** c workers sending units for the given seconds, each with its own client; with bodies, from the pool in turn. */
    private Result measure(String name, int c, double seconds, int requestsPerUnit, boolean bodies, Unit unit)
            throws Exception {
        credentials.guard(seconds);
        AtomicInteger next = bodies ? new AtomicInteger(Workers.ThreadLocalSeed.next()) : null;
        QuietMachine.await(bench);
        Phase p = Phase.start(name, c, bench.watched);
        List<Tally> tallies = Workers.run(c, seconds, (w, deadline) -> {
            HttpClientish http = bench.client();
            Tally t = new Tally();
            while (System.nanoTime() < deadline) {
                Body b = next == null ? null : bench.pool.get(Math.floorMod(next.getAndIncrement(), bench.pool.size()));
                long s = System.nanoTime();
                if (unit.send(http, b, t)) {
                    t.ok++;
                    t.latency.add(System.nanoTime() - s);
                }
            }
            http.close();
            return t;
        });
        return p.finish(tallies, requestsPerUnit);
    }

    /** record → dispatch → sign → contact → reply → approve-reply → record-callback → close; false on any refusal. */
    boolean walkLifecycle(HttpClientish http, Body b, Tally t, Map<String, LongList> perStep) {
        Login handler = bench.catalog.handlers.get(bench.catalog.leadFor(b));
        long s = System.nanoTime();
        Resp r = http.post("/api/v1/orders", bench.catalog.agent.auth(), b.json);
        step(perStep, "record", s);
        if (r.status() != 201) {
            t.error("record", r);
            return false;
        }
        long id = r.longField("id");
        String base = "/api/v1/orders/" + id + "/actions/";
        for (Lifecycle.Step st : Lifecycle.STEPS.subList(1, Lifecycle.STEPS.size())) {
            Login who = switch (st.actor()) {
                case "agent" -> bench.catalog.agent;
                case "dispatcher" -> bench.catalog.dispatcher;
                default -> handler;
            };
            byte[] body = st.slug().equals("dispatch") ? Lifecycle.dispatchBody(bench.catalog.leadFor(b), b.categoryCode == null
                    ? b.dispatchCategory : null) : st.body();
            s = System.nanoTime();
            r = http.post(base + st.slug(), who.auth(), body);
            step(perStep, st.slug(), s);
            if (r.status() != 200) {
                t.error(st.slug(), r);
                return false;
            }
        }
        if (!r.text().contains("\"state\":\"CLOSED\"")) {
            t.error("close", r);
            return false;
        }
        return true;
    }

    private static void step(Map<String, LongList> perStep, String name, long start) {
        if (perStep != null) {
            perStep.computeIfAbsent(name, k -> new LongList()).add(System.nanoTime() - start);
        }
    }
}
