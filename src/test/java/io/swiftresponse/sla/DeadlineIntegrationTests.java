package io.swiftresponse.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.ApiTests;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Deadlines on real orders: computed on each transition from the policy and the calendar, moved by
 * extensions and pauses, and watched: warning, overdue with automatic supervision, escalation, with
 * notifications in the right inboxes. The watch is run at chosen instants instead of waiting for them.
 */
@IntegrationTest
class DeadlineIntegrationTests extends ApiTests {

    @Autowired
    DeadlineWatch watch;

    @Test
    void aRecordedOrderMustBeDispatchedWithinItsTier() {
        // category 010101 (不供暖) is a heating-company matter: tier UTILITY, dispatch within 2 h
        JsonNode o = order(orders.record());
        JsonNode dispatch = clock(o, "DISPATCH");
        Instant recorded = Instant.parse(o.path("recordedAt").asString());
        assertThat(Instant.parse(dispatch.path("dueAt").asString())).isEqualTo(recorded.plus(Duration.ofHours(2)));
        assertThat(dispatch.path("basis").asString()).contains("DISPATCH: 2 h", "UTILITY", "policy #");
        assertThat(dispatch.path("light").asString()).isEqualTo("GREEN");
        assertThat(o.path("deadlines").path("clocks").size()).isEqualTo(1);
        assertThat(o.path("deadlines").path("dispatchBy").asString()).isEqualTo(dispatch.path("dueAt").asString());
        assertThat(o.path("deadlines").path("replyBy").isNull()).isTrue();
        assertThat(o.path("deadlineStatus").asString()).isEqualTo("ON_TIME");
    }

    @Test
    void dispatchStartsTheUnitsClocksAndTheHistorySaysWhy() {
        long id = orders.inState("DISPATCHED");
        JsonNode o = order(id);
        assertThat(clock(o, "DISPATCH").path("status").asString()).isEqualTo("MET");
        for (String c : new String[] {"SIGN", "CONTACT", "REPLY"}) {
            assertThat(clock(o, c).path("status").asString()).isEqualTo("OPEN");
        }
        Instant dispatched = Instant.parse(clock(o, "REPLY").path("startedAt").asString());
        assertThat(Instant.parse(clock(o, "REPLY").path("dueAt").asString())).isEqualTo(dispatched.plus(Duration.ofHours(24)));
        JsonNode history = api.get("supervisor1", "/api/v1/orders/" + id + "/history").json();
        JsonNode dispatch = history.get(1);
        assertThat(dispatch.path("action").asString()).isEqualTo("dispatch");
        assertThat(dispatch.path("details").path("deadlines").path("REPLY").path("basis").asString()).contains("REPLY: 24 h");
    }

    @Test
    void workingDayLimitsFollowTheOfficialCalendar() {
        String general = Categories.firstOfTier(api, "GENERAL");
        long id = orders.record();
        orders.must("dispatcher1", id, "dispatch", Map.of("leadUnitCode", Orders.STREET, "categoryCode", general));
        JsonNode reply = clock(order(id), "REPLY");
        assertThat(reply.path("basis").asString()).contains("REPLY: 7 working days");
        Instant start = Instant.parse(reply.path("startedAt").asString());
        Instant due = Instant.parse(reply.path("dueAt").asString());
        assertThat(Duration.between(start, due)).isGreaterThanOrEqualTo(Duration.ofDays(9));
    }

    @Test
    void pauseStopsTheClocksAndResumeMovesThem() {
        long id = orders.inState("IN_PROGRESS");
        String h = Orders.handler(Orders.STREET);
        Instant before = Instant.parse(clock(order(id), "REPLY").path("dueAt").asString());
        orders.must(h, id, "pause", Map.of("reason", "等待诉求人提供购房合同"));
        assertThat(orders.act(h, id, "pause", Map.of("reason", "again")).text("type")).endsWith("/already-paused");
        JsonNode paused = order(id);
        assertThat(paused.path("paused").path("reason").asString()).isEqualTo("等待诉求人提供购房合同");
        assertThat(clock(paused, "REPLY").path("status").asString()).isEqualTo("PAUSED");
        orders.must(h, id, "resume", Map.of());
        JsonNode resumed = order(id);
        assertThat(resumed.path("paused").isNull()).isTrue();
        assertThat(Instant.parse(clock(resumed, "REPLY").path("dueAt").asString())).isAfter(before);
        assertThat(orders.act(h, id, "resume", Map.of()).text("type")).endsWith("/not-paused");
    }

    @Test
    void overdueOpensSupervisionAndNotifiesThenEscalates() {
        long id = orders.record();
        Instant due = Instant.parse(clock(order(id), "DISPATCH").path("dueAt").asString());
        watch.scan(due.minus(Duration.ofMinutes(10)));
        assertThat(clock(order(id), "DISPATCH").path("status").asString()).isIn("WARNING", "OPEN");
        assertThat(history(id, "deadline-warning")).isTrue();
        assertThat(inboxHas("dispatcher1", id, "DEADLINE_WARNING")).isTrue();

        watch.scan(due.plus(Duration.ofMinutes(1)));
        JsonNode overdue = order(id);
        assertThat(overdue.path("supervised").asBoolean()).isTrue();
        JsonNode explained = api.get("supervisor1", "/api/v1/orders/" + id + "/deadlines/explain").json();
        JsonNode dispatchClock = explained.path("clocks").get(0);
        assertThat(dispatchClock.path("basis").asString()).contains("policy #");
        assertThat(dispatchClock.path("changes").valueStream().map(c -> c.path("action").asString()))
                .containsExactly("record", "deadline-warning", "deadline-overdue");
        assertThat(history(id, "deadline-overdue")).isTrue();
        assertThat(inboxHas("dispatcher1", id, "DEADLINE_OVERDUE")).isTrue();
        assertThat(inboxHas("supervisor1", id, "SUPERVISION_ESCALATED")).isFalse();

        // UTILITY escalates 12 h after the deadline; a second scan at the same instant marks nothing twice
        watch.scan(due.plus(Duration.ofHours(13)));
        watch.scan(due.plus(Duration.ofHours(13)));
        assertThat(inboxHas("supervisor1", id, "SUPERVISION_ESCALATED")).isTrue();
        long escalations = api.get("supervisor1", "/api/v1/orders/" + id + "/history").json().valueStream()
                .filter(h -> h.path("action").asString().equals("supervision-escalated")).count();
        assertThat(escalations).isEqualTo(1);
    }

    @Test
    void ordersFilterByDeadlineStatus() {
        long late = orders.record();
        Instant due = Instant.parse(clock(order(late), "DISPATCH").path("dueAt").asString());
        // the status is computed against the real clock: an order is OVERDUE once a running clock's due is past;
        // a fresh order is ON_TIME
        assertThat(idsWithStatus("ON_TIME")).contains(late);
        assertThat(idsWithStatus("OVERDUE")).doesNotContain(late);
        assertThat(due).isAfter(Instant.now());
        assertThat(api.get("supervisor1", "/api/v1/orders?deadlineStatus=LATE").status()).isEqualTo(400);
    }

    private java.util.List<Long> idsWithStatus(String status) {
        return api.get("supervisor1", "/api/v1/orders?size=200&deadlineStatus=" + status).json().path("items").valueStream()
                .map(o -> o.path("id").asLong()).toList();
    }

    @Test
    void aMetClockIsNeverReportedOverdue() {
        long id = orders.inState("SIGNED");
        Instant signDue = Instant.parse(clock(order(id), "SIGN").path("dueAt").asString());
        watch.scan(signDue.plus(Duration.ofMinutes(1)));
        assertThat(clock(order(id), "SIGN").path("status").asString()).isEqualTo("MET");
        JsonNode entries = api.get("supervisor1", "/api/v1/orders/" + id + "/history").json();
        entries.forEach(h -> {
            if (h.path("action").asString().startsWith("deadline-")) {
                assertThat(h.path("details").path("clock").asString()).isNotEqualTo("SIGN");
            }
        });
    }

    private JsonNode order(long id) {
        return api.get("supervisor1", "/api/v1/orders/" + id).json();
    }

    private boolean history(long id, String action) {
        return api.get("supervisor1", "/api/v1/orders/" + id + "/history").json().valueStream()
                .anyMatch(h -> h.path("action").asString().equals(action));
    }

    private boolean inboxHas(String user, long orderId, String kind) {
        // notifications are written after the watch's transaction commits
        for (int i = 0; i < 50; i++) {
            boolean found = api.get(user, "/api/v1/notifications?limit=500").json().valueStream()
                    .anyMatch(n -> n.path("orderId").asLong() == orderId && n.path("kind").asString().equals(kind));
            if (found) return true;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    static JsonNode clock(JsonNode order, String clock) {
        for (JsonNode d : order.path("deadlines").path("clocks")) {
            if (d.path("clock").asString().equals(clock)) return d;
        }
        throw new AssertionError("no " + clock + " clock in " + order);
    }
}
