package io.swiftresponse.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import io.swiftresponse.support.ScopedOrders;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what to which order, through the real API. The expectations are written out below, on purpose
 * not derived from {@link Lifecycle}, so a wrong rule in the table (or in scope, or in privacy) fails here.
 * Orders are dispatched to street 110101001 with co-unit C04; its district 110101 gets the copy; street
 * 110102001 is unrelated. 200 = done, 403 = sees the order but may not, 404 = outside the data scope.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTests {

    enum Actor {
        AGENT("agent1"), DISPATCHER("dispatcher1"), SUPERVISOR("supervisor1"), ANALYST("analyst1"), ADMIN("admin"),
        LEAD_HANDLER("handler-110101001"), DISTRICT_HANDLER("handler-110101"), CO_HANDLER("handler-C04"),
        UNRELATED_HANDLER("handler-110102001");

        final String user;

        Actor(String user) {
            this.user = user;
        }
    }

    /** Every action, in a state that allows it, tried by every actor. Columns follow {@link Actor}. */
    static final String ACTIONS = """
            # action            state              AGENT DISP SUPV ANLST ADMIN LEAD DISTR CO  UNREL
            answer              RECEIVED           200   403  200  403   403   404  404   404 404
            transfer-emergency  RECEIVED           200   403  200  403   403   404  404   404 404
            refer               RECEIVED           200   403  200  403   403   404  404   404 404
            merge               RECEIVED           200   200  200  403   403   404  404   404 404
            merge               AWAITING_DISPATCH  200   200  200  403   403   404  404   404 404
            submit              RECEIVED           200   403  200  403   403   404  404   404 404
            dispatch            RECEIVED           403   200  200  403   403   404  404   404 404
            dispatch            AWAITING_DISPATCH  403   200  200  403   403   404  404   404 404
            dispatch            REOPENED           403   200  200  403   403   403  403   403 404
            sign                DISPATCHED         403   403  403  403   403   200  403   403 404
            request-return      DISPATCHED         403   403  403  403   403   200  403   403 404
            approve-return      RETURN_REQUESTED   403   200  200  403   403   403  403   403 404
            reject-return       RETURN_REQUESTED   403   200  200  403   403   403  403   403 404
            contact             SIGNED             403   403  403  403   403   200  403   403 404
            request-extension   IN_PROGRESS        403   403  403  403   403   200  403   403 404
            approve-extension   IN_PROGRESS        403   200  200  403   403   403  403   403 404
            reject-extension    IN_PROGRESS        403   200  200  403   403   403  403   403 404
            reply               IN_PROGRESS        403   403  403  403   403   200  403   403 404
            approve-reply       REPLIED            403   200  200  403   403   403  403   403 404
            reject-reply        REPLIED            403   200  200  403   403   403  403   403 404
            record-callback     AWAITING_CALLBACK  200   200  200  403   403   403  403   403 404
            close               AWAITING_CALLBACK  200   200  200  403   403   403  403   403 404
            reopen              AWAITING_CALLBACK  200   200  200  403   403   403  403   403 404
            reopen              CLOSED             200   200  200  403   403   403  403   403 404
            rehandle            AWAITING_CALLBACK  200   200  200  403   403   403  403   403 404
            supervise           AWAITING_DISPATCH  403   403  200  403   403   404  404   404 404
            supervise           DISPATCHED         403   403  200  403   403   403  403   403 404
            supervise           REOPENED           403   403  200  403   403   403  403   403 404
            # pause/resume arrived while this was written: hotline dispatchers, supervisors and the lead unit's handler
            pause               SIGNED             403   200  200  403   403   200  403   403 404
            pause               IN_PROGRESS        403   200  200  403   403   200  403   403 404
            resume              IN_PROGRESS        403   200  200  403   403   200  403   403 404
            """;

    /**
     * Reads per actor. order/history: a dispatched order; unassigned: a RECEIVED one; log: the reveal log;
     * requester (plain / confidential): MASKED = name and 138****5678, HIDDEN = neither; address: SHOWN or NULL;
     * reveal (plain / confidential): status of POST .../requester/reveal.
     */
    static final String READS = """
            # actor            order history unassigned log  requester confidential address reveal revealConfidential
            AGENT              200   200     200        403  MASKED    MASKED       SHOWN   200    200
            DISPATCHER         200   200     200        403  MASKED    MASKED       SHOWN   200    200
            SUPERVISOR         200   200     200        200  MASKED    MASKED       SHOWN   200    200
            ANALYST            200   200     200        403  HIDDEN    HIDDEN       NULL    403    403
            # the reveal log is for supervisors and, as OrderQueries.reveals documents it, admins
            ADMIN              200   200     200        200  MASKED    MASKED       SHOWN   403    403
            LEAD_HANDLER       200   200     404        403  MASKED    HIDDEN       SHOWN   200    403
            DISTRICT_HANDLER   200   200     404        403  MASKED    HIDDEN       SHOWN   403    403
            CO_HANDLER         200   200     404        403  MASKED    HIDDEN       SHOWN   403    403
            UNRELATED_HANDLER  404   404     404        404  -         -            -       404    404
            """;

    @LocalServerPort
    int port;

    Api api;
    ScopedOrders orders;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        orders = new ScopedOrders(api);
    }

    static Stream<Arguments> actionMatrix() {
        return rows(ACTIONS).flatMap(c -> Arrays.stream(Actor.values())
                .map(a -> Arguments.of(c[0], c[1], a, Integer.parseInt(c[2 + a.ordinal()]))));
    }

    static Stream<String[]> rows(String table) {
        return table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+"));
    }

    static Map<String, String> readsOf(Actor actor) {
        String[] header = READS.lines().findFirst().orElseThrow().replace("#", "").strip().split("\\s+");
        String[] row = rows(READS).filter(c -> c[0].equals(actor.name())).findFirst().orElseThrow();
        return java.util.stream.IntStream.range(0, header.length).boxed()
                .collect(java.util.stream.Collectors.toMap(i -> header[i], i -> row[i]));
    }

    @Test
    void theMatricesCoverEveryActionAndEveryActor() {
        Set<String> slugs = new java.util.HashSet<>();
        rows(ACTIONS).forEach(c -> {
            slugs.add(c[0]);
            assertThat(c).as(String.join(" ", c)).hasSize(2 + Actor.values().length);
        });
        assertThat(slugs).containsExactlyInAnyOrderElementsOf(Arrays.stream(OrderAction.values()).map(OrderAction::slug).toList());
        for (Actor a : Actor.values()) assertThat(readsOf(a)).hasSize(10);
    }

    @ParameterizedTest(name = "{2} {0} from {1} -> {3}")
    @MethodSource("actionMatrix")
    void actionIsTakenOnlyByPermittedRolesAndUnits(String action, String state, Actor actor, int expected) {
        long id = orders.readyFor(action, state);
        Api.Response before = api.get("supervisor1", "/api/v1/orders/" + id);
        int historyBefore = history(id);
        Api.Response r = api.post(actor.user, "/api/v1/orders/" + id + "/actions/" + action, Api.json(orders.bodyFor(action)));

        assertThat(r.status()).as(actor + " " + action + " from " + state + ": " + r).isEqualTo(expected);
        if (expected == 200) {
            assertThat(r.json().path("version").asInt()).isEqualTo(before.json().path("version").asInt() + 1);
            assertThat(history(id)).isEqualTo(historyBefore + 1);
        } else {
            r.assertProblem(expected == 403 ? "/forbidden" : "/not-found");
            assertThat(api.get("supervisor1", "/api/v1/orders/" + id).body()).as("refused action changed nothing")
                    .isEqualTo(before.body());
            assertThat(history(id)).isEqualTo(historyBefore);
        }
    }

    @ParameterizedTest
    @EnumSource(Actor.class)
    void readsFollowTheDataScope(Actor actor) {
        Map<String, String> expected = readsOf(actor);
        long dispatched = orders.inState("DISPATCHED", false);
        long unassigned = orders.inState("RECEIVED", false);
        int order = Integer.parseInt(expected.get("order"));
        int unassignedStatus = Integer.parseInt(expected.get("unassigned"));

        assertStatus(api.get(actor.user, "/api/v1/orders/" + dispatched), order);
        assertStatus(api.get(actor.user, "/api/v1/orders/" + dispatched + "/history"), Integer.parseInt(expected.get("history")));
        assertStatus(api.get(actor.user, "/api/v1/orders/" + unassigned), unassignedStatus);
        assertStatus(api.get(actor.user, "/api/v1/orders/" + unassigned + "/history"), unassignedStatus);
        assertStatus(api.get(actor.user, "/api/v1/orders/" + dispatched + "/requester/reveals"), Integer.parseInt(expected.get("log")));
        assertStatus(api.get(actor.user, "/api/v1/orders/" + Long.MAX_VALUE), 404);
        assertStatus(api.get(actor.user, "/api/v1/orders/" + Long.MAX_VALUE + "/history"), 404);
        if (order == 200) {
            assertThat(api.get(actor.user, "/api/v1/orders/" + dispatched + "/history").json().size())
                    .isEqualTo(api.get("supervisor1", "/api/v1/orders/" + dispatched + "/history").json().size());
        }
    }

    @ParameterizedTest
    @EnumSource(Actor.class)
    void requesterIsShownAsTheRoleMaySeeIt(Actor actor) {
        Map<String, String> expected = readsOf(actor);
        for (boolean confidential : List.of(false, true)) {
            long id = orders.inState("DISPATCHED", confidential);
            Api.Response r = api.get(actor.user, "/api/v1/orders/" + id);
            String view = expected.get(confidential ? "confidential" : "requester");
            if (view.equals("-")) {
                assertStatus(r, 404);
                continue;
            }
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode requester = r.json().path("requester");
            String what = actor + (confidential ? " confidential: " : " plain: ") + requester;
            if (view.equals("MASKED")) {
                assertThat(requester.path("name").asString(null)).as(what).isEqualTo("张先生");
                assertThat(requester.path("phone").asString(null)).as(what).isEqualTo("138****5678");
                assertThat(requester.path("hidden").asBoolean()).as(what).isFalse();
            } else {
                assertThat(requester.path("name").isNull()).as(what).isTrue();
                assertThat(requester.path("phone").isNull()).as(what).isTrue();
                assertThat(requester.path("hidden").asBoolean()).as(what).isTrue();
            }
            assertThat(requester.path("confidential").asBoolean()).as(what).isEqualTo(confidential);
            assertThat(r.body()).as("no full phone anywhere in the view").doesNotContain("13812345678");
            JsonNode address = r.json().path("location").path("address");
            if (expected.get("address").equals("NULL")) {
                assertThat(address.isNull()).as(actor + " address " + address).isTrue();
            } else {
                assertThat(address.asString(null)).as(actor + " address").isEqualTo("东华门街道某小区3号楼");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Actor.class)
    void everyAllowedRevealIsLoggedExactlyOnce(Actor actor) {
        Map<String, String> expected = readsOf(actor);
        for (boolean confidential : List.of(false, true)) {
            long id = orders.inState("DISPATCHED", confidential);
            int status = Integer.parseInt(expected.get(confidential ? "revealConfidential" : "reveal"));
            String purpose = "回访核实 " + actor + " " + confidential;
            int logBefore = reveals(id).size();

            Api.Response r = api.post(actor.user, "/api/v1/orders/" + id + "/requester/reveal", Api.json(Map.of("purpose", purpose)));

            assertThat(r.status()).as(actor + (confidential ? " confidential: " : " plain: ") + r).isEqualTo(status);
            JsonNode log = reveals(id);
            if (status == 200) {
                assertThat(r.text("phone")).isEqualTo("13812345678");
                assertThat(r.text("name")).isEqualTo("张先生");
                assertThat(log.size()).as("one log row per reveal").isEqualTo(logBefore + 1);
                JsonNode row = log.get(log.size() - 1);
                assertThat(row.path("username").asString()).isEqualTo(actor.user);
                assertThat(row.path("role").asString()).isEqualTo(actor.name().endsWith("HANDLER") ? "HANDLER" : actor.name());
                assertThat(row.path("purpose").asString()).isEqualTo(purpose);
            } else {
                r.assertProblem(status == 403 ? "/forbidden" : "/not-found");
                assertThat(r.body()).doesNotContain("13812345678");
                assertThat(log.size()).as("a refused reveal is not logged").isEqualTo(logBefore);
            }
        }
    }

    @Test
    void listsNeverShowAnOrderToAnUnrelatedHandler() {
        long id = orders.inState("IN_PROGRESS", false);
        String unrelated = Orders.handler(Orders.OTHER_STREET);
        for (String unit : new String[] {Orders.STREET, Orders.DISTRICT, ScopedOrders.CO_UNIT, Orders.OTHER_STREET, null}) {
            String filter = unit == null ? "" : "unitCode=" + unit + "&";
            for (int page = 0; page < 50; page++) {
                Api.Response r = api.get(unrelated, "/api/v1/orders?" + filter + "size=200&page=" + page);
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                JsonNode items = r.json().path("items");
                for (JsonNode item : items) {
                    assertThat(item.path("id").asLong()).as("unitCode=" + unit).isNotEqualTo(id);
                    assertThat(inScope(item, Orders.OTHER_STREET)).as("every listed order is in scope: " + item).isTrue();
                }
                if (items.size() < 200) break;
            }
        }
        // the same filters show the order to the units that do have it
        assertThat(listed("handler-" + Orders.STREET, Orders.STREET, id)).isTrue();
        assertThat(listed("handler-" + Orders.DISTRICT, Orders.DISTRICT, id)).isTrue();
        assertThat(listed("handler-" + ScopedOrders.CO_UNIT, ScopedOrders.CO_UNIT, id)).isTrue();
        assertThat(listed("supervisor1", Orders.STREET, id)).isTrue();
    }

    private boolean listed(String user, String unit, long id) {
        Api.Response r = api.get(user, "/api/v1/orders?state=IN_PROGRESS&size=200&unitCode=" + unit);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode item : r.json().path("items")) if (item.path("id").asLong() == id) return true;
        return false;
    }

    private static boolean inScope(JsonNode item, String unit) {
        if (unit.equals(item.path("leadUnitCode").asString(null)) || unit.equals(item.path("copyUnitCode").asString(null))) return true;
        for (JsonNode co : item.path("coUnitCodes")) if (unit.equals(co.asString())) return true;
        return false;
    }

    private int history(long id) {
        return api.get("supervisor1", "/api/v1/orders/" + id + "/history").json().size();
    }

    private JsonNode reveals(long id) {
        Api.Response r = api.get("supervisor1", "/api/v1/orders/" + id + "/requester/reveals");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static void assertStatus(Api.Response r, int expected) {
        assertThat(r.status()).as(r.toString()).isEqualTo(expected);
        if (expected != 200) r.assertProblem(expected == 403 ? "/forbidden" : "/not-found");
    }
}
