package io.swiftresponse.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import io.swiftresponse.workorder.OrderDeadlines;
import io.swiftresponse.workorder.OrderDeadlines.Share;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The watch's workers claim disjoint shares of the due clocks in parallel: together they mark every due clock, and each
 * exactly once, also when two watches with different numbers of workers (two instances configured differently) sweep
 * the same instant at the same time.
 */
@IntegrationTest
class DeadlineWatchSharesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderDeadlines deadlines;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Test
    void workersTogetherMarkEveryDueClockOnce() {
        Api api = new Api(port);
        Orders orders = new Orders(api);
        // seven consecutive orders: every residue modulo 2 and 3 has at least two of them
        List<Long> ids = new ArrayList<>();
        Instant latest = Instant.EPOCH;
        for (int i = 0; i < 7; i++) {
            long id = orders.record();
            ids.add(id);
            Instant due = Instant.parse(api.get("supervisor1", "/api/v1/orders/" + id).json().path("deadlines").path("clocks").get(0)
                    .path("dueAt").asString());
            if (due.isAfter(latest)) latest = due;
        }
        Instant late = latest.plus(Duration.ofMinutes(1));
        DeadlineWatch three = new DeadlineWatch(deadlines, events, tx, clock, 3);
        DeadlineWatch two = new DeadlineWatch(deadlines, events, tx, clock, 2);
        try {
            CompletableFuture<DeadlineWatch.Result> a = CompletableFuture.supplyAsync(() -> three.scan(late));
            CompletableFuture<DeadlineWatch.Result> b = CompletableFuture.supplyAsync(() -> two.scan(late));
            // on the shared test database other tests' due clocks are marked too: at least ours
            assertThat(a.join().overdue() + b.join().overdue()).isGreaterThanOrEqualTo(ids.size());
            for (long id : ids) {
                assertThat(entries(api, id, "deadline-overdue")).as("overdue entries of order " + id).isEqualTo(1);
                assertThat(api.get("supervisor1", "/api/v1/orders/" + id).json().path("supervised").asBoolean()).isTrue();
            }
            three.scan(late);
            for (long id : ids) assertThat(entries(api, id, "deadline-overdue")).isEqualTo(1);
        } finally {
            three.destroy();
            two.destroy();
        }
    }

    @Test
    void aShareIsOneOfItsParts() {
        assertThat(Share.ALL).isEqualTo(new Share(0, 1));
        assertThatThrownBy(() -> new Share(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Share(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Share(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeadlineWatch(deadlines, events, tx, clock, 0)).hasMessageContaining("sweep-workers");
    }

    private static long entries(Api api, long id, String action) {
        return api.get("supervisor1", "/api/v1/orders/" + id + "/history").json().valueStream()
                .filter(h -> h.path("action").asString().equals(action)).count();
    }
}
