package io.swiftresponse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.Fuzz;
import io.swiftresponse.support.FuzzLedger;
import io.swiftresponse.support.HostileRequests;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import io.swiftresponse.support.RawHttp;
import io.swiftresponse.support.RawHttp.Request;
import io.swiftresponse.workorder.OrderAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Thousands of seeded malformed and random requests against every endpoint. Whatever arrives: never a 5xx,
 * every error is {@code application/problem+json} with a {@code detail}, no body shows a stack trace, and
 * nothing is half-written (the order count grows by exactly the number of 201s, an order's version and history by
 * exactly its successful actions). The seed is fixed, so a failure replays; each failure names its request.
 */
@IntegrationTest
class MalformedInputIntegrationTests {

    static final long SEED = 12345L;
    static final String[] USERS = {"agent1", "dispatcher1", "supervisor1", "analyst1", "admin", "handler-110101001",
        "handler-110101", "handler-C04", "handler-110102001"};
    static final String[] SLUGS = Arrays.stream(OrderAction.values()).map(OrderAction::slug).toArray(String[]::new);
    static final int PARALLELISM = 4;

    @LocalServerPort
    int port;

    Api api;
    RawHttp http;
    Orders orders;
    FuzzLedger ledger;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        http = new RawHttp(port);
        orders = new Orders(api);
        ledger = new FuzzLedger();
    }

    @AfterAll
    static void sentEnough() {
        System.out.printf("MalformedInputIntegrationTests: %d requests in %.1f s (without server start)%n", FuzzLedger.sent(),
                FuzzLedger.seconds());
        assertThat(FuzzLedger.sent()).as("requests sent").isGreaterThanOrEqualTo(3000);
    }

    @Test
    void newOrders() {
        Fuzz fuzz = new Fuzz(SEED);
        long before = orders.total("");
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 650; i++) {
            Fuzz.Body b = fuzz.mutate(fuzz.orderTemplate());
            String type = fuzz.chance(85) ? "application/json" : fuzz.pick(Fuzz.CONTENT_TYPES);
            requests.add(Request.of("order " + b.kind(), "POST", "/api/v1/orders").auth(fuzz.pick(USERS), "demo").body(b.bytes(), type));
        }
        sendAll(requests, null);
        assertThat(orders.total("") - before).as("orders written = 201 answers").isEqualTo(ledger.created());
        ledger.verdict();
    }

    @Test
    void actionsOnExistingMissingAndMalformedIds() {
        Fuzz fuzz = new Fuzz(SEED + 1);
        List<Long> existing = new ArrayList<>();
        for (String state : List.of("RECEIVED", "AWAITING_DISPATCH", "DISPATCHED", "IN_PROGRESS", "REPLIED", "AWAITING_CALLBACK")) {
            existing.add(orders.inState(state));
        }
        long ordersBefore = orders.total("");
        Map<Long, int[]> before = new LinkedHashMap<>();
        for (long id : existing) before.put(id, versionAndHistory(id));
        List<Request> requests = new ArrayList<>();
        List<Long> targets = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            long id = fuzz.chance(60) ? fuzz.pick(existing) : fuzz.pick(new Long[] {Long.MAX_VALUE, -1L, 0L, 987654321L});
            String idText = fuzz.chance(15) ? fuzz.badId() : String.valueOf(id);
            String slug = fuzz.chance(90) ? fuzz.pick(SLUGS) : Fuzz.encode(fuzz.text() + "x");
            Fuzz.Body b = fuzz.mutate(fuzz.actionTemplate(existing));
            String type = fuzz.chance(85) ? "application/json" : fuzz.pick(Fuzz.CONTENT_TYPES);
            requests.add(Request.of("action " + slug + " " + b.kind(), "POST", "/api/v1/orders/" + idText + "/actions/" + slug)
                    .auth(fuzz.pick(USERS), "demo").body(b.bytes(), type));
            targets.add(idText.equals(String.valueOf(id)) ? id : null);
        }
        List<Api.Response> responses = sendAll(requests, null);
        Map<Long, Integer> done = new LinkedHashMap<>();
        for (int i = 0; i < responses.size(); i++) {
            if (responses.get(i).status() == 200 && targets.get(i) != null) done.merge(targets.get(i), 1, Integer::sum);
        }
        // nothing half-written: each order moved on by exactly its successful actions, one version and one history row each
        for (long id : existing) {
            int n = done.getOrDefault(id, 0);
            int[] was = before.get(id);
            assertThat(versionAndHistory(id)).as("order " + id + " after " + n + " successful actions")
                    .containsExactly(was[0] + n, was[1] + n);
        }
        assertThat(orders.total("") - ordersBefore).as("actions never create orders").isEqualTo(ledger.created());
        ledger.verdict();
    }

    @Test
    void readsListsAndReferenceData() {
        Fuzz fuzz = new Fuzz(SEED + 2);
        long id = orders.inState("DISPATCHED");
        String[] lists = {"/api/v1/orders", "/api/v1/directory/units", "/api/v1/directory/locate", "/api/v1/taxonomy/categories",
            "/api/v1/taxonomy/request-types", "/api/v1/taxonomy/tiers"};
        String[] params = {"state", "unitCode", "categoryCode", "from", "to", "page", "size", "type", "parentCode", "level", "lat",
            "lng", "sort", "q", "", "%00", "page[]", "a.b", "x"};
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            String path;
            if (fuzz.chance(30)) {
                String idText = fuzz.chance(70) ? fuzz.badId() : String.valueOf(fuzz.chance(50) ? id : Long.MAX_VALUE);
                path = "/api/v1/orders/" + idText + fuzz.pick(new String[] {"", "/history", "/requester/reveals", "/"});
            } else {
                StringBuilder q = new StringBuilder(fuzz.pick(lists)).append('?');
                for (int p = fuzz.random().nextInt(5); p >= 0; p--) {
                    q.append(fuzz.pick(params)).append('=').append(fuzz.queryValue()).append('&');
                }
                path = q.toString();
            }
            requests.add(Request.of("read", "GET", path).auth(fuzz.pick(USERS), "demo")
                    .header("Accept", fuzz.chance(80) ? "application/json" : fuzz.pick(Fuzz.CONTENT_TYPES)));
        }
        sendAll(requests, null);
        ledger.verdict();
    }

    @Test
    void reveals() {
        Fuzz fuzz = new Fuzz(SEED + 3);
        long id = orders.inState("DISPATCHED");
        int logBefore = api.get("supervisor1", "/api/v1/orders/" + id + "/requester/reveals").json().size();
        List<Request> requests = new ArrayList<>();
        List<Boolean> onTheOrder = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String idText = fuzz.chance(70) ? String.valueOf(id) : fuzz.chance(50) ? fuzz.badId() : String.valueOf(Long.MAX_VALUE);
            Fuzz.Body b = fuzz.mutate(Fuzz.ordered("purpose", "回访核实"));
            String type = fuzz.chance(85) ? "application/json" : fuzz.pick(Fuzz.CONTENT_TYPES);
            requests.add(Request.of("reveal " + b.kind(), "POST", "/api/v1/orders/" + idText + "/requester/reveal")
                    .auth(fuzz.pick(USERS), "demo").body(b.bytes(), type));
            onTheOrder.add(idText.equals(String.valueOf(id)));
        }
        List<Api.Response> responses = sendAll(requests, null);
        int revealed = 0;
        for (int i = 0; i < responses.size(); i++) if (responses.get(i).status() == 200 && onTheOrder.get(i)) revealed++;
        assertThat(api.get("supervisor1", "/api/v1/orders/" + id + "/requester/reveals").json().size() - logBefore)
                .as("one log row per successful reveal").isEqualTo(revealed);
        ledger.verdict();
    }

    @Test
    void randomMethodsOnEveryEndpoint() {
        Fuzz fuzz = new Fuzz(SEED + 4);
        long id = orders.inState("RECEIVED");
        long before = orders.total("");
        String[] paths = {"/api/v1/orders", "/api/v1/orders/" + id, "/api/v1/orders/" + id + "/history",
            "/api/v1/orders/" + id + "/actions/answer", "/api/v1/orders/" + id + "/requester/reveal",
            "/api/v1/orders/" + id + "/requester/reveals", "/api/v1/directory/units", "/api/v1/directory/locate?lat=1&lng=2",
            "/api/v1/taxonomy/categories", "/api/v1/taxonomy/tiers", "/api/v1/nope", "/api/v1/orders/" + id + "/actions"};
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String method = fuzz.pick(Fuzz.METHODS);
            Request req = Request.of("method " + method, method, fuzz.pick(paths)).auth(fuzz.pick(USERS), "demo");
            if (fuzz.chance(50)) req = req.body(fuzz.mutate(Fuzz.ordered("text", "x", "purpose", "y")).bytes(), "application/json");
            requests.add(req);
        }
        sendAll(requests, null);
        assertThat(orders.total("") - before).isEqualTo(ledger.created());
        ledger.verdict();
    }

    @Test
    void withoutOrWithWrongCredentials() {
        Fuzz fuzz = new Fuzz(SEED + 5);
        long id = orders.inState("RECEIVED");
        long before = orders.total("");
        String[] paths = {"/api/v1/orders", "/api/v1/orders/" + id, "/api/v1/orders/" + id + "/actions/submit",
            "/api/v1/orders/" + id + "/requester/reveal", "/api/v1/directory/units", "/api/v1/taxonomy/tiers", "/api/v1/nope"};
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String method = fuzz.pick(new String[] {"GET", "POST", "POST", "PUT", "DELETE", "PATCH"});
            Request req = Request.of("no auth", method, fuzz.pick(paths));
            // each wrong password or unknown user costs one BCrypt check (~0.1 s): only the first 40 try that
            int k = i < 40 ? i % 3 : 3 + fuzz.random().nextInt(4);
            switch (k) {
                case 0 -> req.auth(fuzz.pick(USERS), fuzz.text() + "x");
                case 1 -> req.header("Authorization", RawHttp.basic(fuzz.pick(new String[] {"", "nobody", "agent1 ", "ADMIN"}), "demo"));
                case 2 -> req.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(fuzz.text().getBytes()));
                case 3 -> { }
                case 4 -> req.header("Authorization", fuzz.pick(new String[] {"Basic", "Basic ", "Basic !!!", "Basic ====",
                    "Bearer abc", "Digest x", "basic%", "Basic " + "A".repeat(3000), "Basic " + "%%%%"}));
                default -> req.header("Cookie", "JSESSIONID=" + fuzz.text().replaceAll("[^A-Za-z0-9]", "") + "x");
            }
            requests.add(method.equals("GET") ? req : req.body(Orders.newOrderJson(false), "application/json"));
        }
        sendAll(requests, 401);
        assertThat(orders.total("") - before).as("nothing written without valid credentials").isZero();
        ledger.verdict();
    }

    @Test
    void oversizedBodiesAre413() {
        long id = orders.inState("RECEIVED");
        long before = orders.total("");
        String big = "{\"title\":\"" + "x".repeat(1_100_000) + "\",\"channel\":\"PHONE\"}";
        String[] paths = {"/api/v1/orders", "/api/v1/orders/" + id + "/actions/answer", "/api/v1/orders/" + id + "/requester/reveal",
            "/api/v1/orders/999999999/actions/reply"};
        for (String path : paths) {
            for (boolean chunked : new boolean[] {false, true}) {
                for (String user : new String[] {"agent1", null}) {
                    Request req = Request.of("oversized", "POST", path).body(big, "application/json");
                    if (user != null) req = req.auth(user, "demo");
                    send(chunked ? req.asChunked() : req, user == null && chunked ? null : 413);
                }
            }
        }
        assertThat(orders.total("") - before).isZero();
        ledger.verdict();
    }

    @Test
    void nullCharactersAreRefusedNotStored() {
        long id = orders.inState("RECEIVED");
        sendAll(HostileRequests.nulInEveryTextField(id), 400);
        // the problem says what is wrong with the field, not just "wrong type or format"
        Api.Response nul = api.post("agent1", "/api/v1/orders/" + id + "/actions/refer", "{\"reason\":\"a\\u0000b\"}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.text("detail")).contains("'reason'").contains("NUL character");
        // unpaired surrogates are echoed in problem details ("unknown request type ..."), which must still be written
        sendAll(HostileRequests.loneSurrogates(), 400);
        assertThat(api.get("supervisor1", "/api/v1/orders/" + id).text("state")).isEqualTo("RECEIVED");
        ledger.verdict();
    }

    @Test
    void builtInConstraintsAreDescribedInEnglishLikeEveryOtherDetail() {
        // the UI is Chinese first, so Bean Validation would interpolate its messages in zh-CN ("最小不能小于1")
        Api.Response param = api.get("supervisor1", "/api/v1/intake/accuracy?weeks=0");
        assertThat(param.status()).isEqualTo(400);
        assertThat(param.text("detail")).isEqualTo("weeks: must be at least 1");
        Api.Response body = api.post("supervisor1", "/api/v1/evaluation/appeals",
                "{\"orderId\":-1,\"reason\":\"" + "长".repeat(501) + "\",\"evidence\":\" \"}");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.text("detail")).isEqualTo("evidence: must not be blank (and 2 more)");
        assertThat(body.json().path("errors").toString()).contains("must be greater than 0")
                .contains("must be at most 500 characters long").doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void filterValuesAtTheEdges() {
        // years PostgreSQL cannot store (after 294276, or far BC, where Timestamp.from even wraps around) once failed
        // there as a 500; 'from'/'to' outside 1900-9999 are now a 400 naming the field
        for (String q : new String[] {"from=%2B999999999-12-31T23:59:59Z", "to=-999999999-01-01T00:00:00Z", "from=%2B300000-01-01T00:00:00Z",
            "to=0000-01-01T00:00:00Z", "from=2024-01-01T00:00:00%2B18:00", "page=100000&size=200", "locate?lat=NaN&lng=NaN",
            "locate?lat=Infinity&lng=1", "locate?lat=-0&lng=-0", "locate?lat=1e308&lng=1e-308"}) {
            String path = q.startsWith("locate") ? "/api/v1/directory/" + q : "/api/v1/orders?" + q;
            send(Request.of("edge " + q, "GET", path).auth("supervisor1", "demo"), q.matches(".*(%2B|=-)\\d{6,}.*") ? 400 : null);
        }
        // categoryCode feeds a LIKE prefix: '%' and '_' must not act as wildcards (they are refused as non-digits)
        orders.inState("RECEIVED");
        assertThat(orders.total("&categoryCode=" + Orders.CATEGORY)).as("an order of category 010101 exists").isPositive();
        for (String code : new String[] {"%25", "0_0101", "%25%25"}) {
            Api.Response r = api.get("supervisor1", "/api/v1/orders?size=1&categoryCode=" + code);
            if (r.status() != 400 || !"categoryCode".equals(r.text("field"))) {
                ledger.fail("categoryCode=" + code + " answered " + r + "; no category code contains % or _");
            }
        }
        ledger.verdict();
    }

    @Test
    void requestTargetsNoUriLibraryWouldBuild() {
        Fuzz fuzz = new Fuzz(SEED + 6);
        String[] targets = Fuzz.unbuildableTargets(orders.inState("RECEIVED"));
        for (int i = 0; i < 120; i++) {
            String method = fuzz.pick(new String[] {"GET", "GET", "POST", "DELETE"});
            String target = fuzz.pick(targets);
            String auth = fuzz.chance(80) ? RawHttp.basic(fuzz.pick(USERS), "demo") : null;
            ledger.check(Request.of("raw target", method, target), http.sendRaw(method, target, auth), null);
        }
        ledger.verdict();
    }

    private Api.Response send(Request req, Integer expected) {
        return ledger.check(req, http.send(req), expected);
    }

    /** Sends a few at a time; every answer is checked, in the order the seed made the requests. */
    private List<Api.Response> sendAll(List<Request> requests, Integer expected) {
        List<Api.Response> responses = http.sendAll(requests, PARALLELISM);
        for (int i = 0; i < requests.size(); i++) ledger.check(requests.get(i), responses.get(i), expected);
        return responses;
    }

    private int[] versionAndHistory(long id) {
        return new int[] {api.get("supervisor1", "/api/v1/orders/" + id).json().path("version").asInt(),
            api.get("supervisor1", "/api/v1/orders/" + id + "/history").json().size()};
    }
}
