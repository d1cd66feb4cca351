package io.swiftresponse.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * More concurrent writers than pooled connections. A listener that needs a second connection while the request
 * thread still holds its first (as Spring Modulith's publication tracking of {@code @TransactionalEventListener}s
 * did, in the committing thread) deadlocks the pool: every request then waits for the pool's 30 s timeout and
 * ends in a 500.
 */
@IntegrationTest
class ConcurrentWritesIntegrationTests {

    @LocalServerPort
    int port;

    @Value("${spring.datasource.hikari.maximum-pool-size}")
    int poolSize;

    @Test
    void threeTimesAsManyConcurrentRecordingsAndDispatchesAsPooledConnectionsAllSucceedPromptly() throws Exception {
        Api api = new Api(port);
        Orders orders = new Orders(api);
        int writers = poolSize * 3;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    Api.Response created = api.post("agent1", "/api/v1/orders", Orders.newOrderJson(false));
                    Api.Response dispatched = created.status() == 201
                            ? orders.act("dispatcher1", created.id(), "dispatch", Map.of("leadUnitCode", Orders.STREET))
                            : created;
                    return new long[] {created.status(), dispatched.status(), (System.nanoTime() - start) / 1_000_000};
                }));
            }
            for (Future<long[]> f : results) {
                long[] r = f.get();
                assertThat(r[0]).as("record").isEqualTo(201);
                assertThat(r[1]).as("dispatch").isEqualTo(200);
                // far below the pool's 30 s connection timeout, which a deadlocked pool would wait for
                assertThat(r[2]).as("ms for record + dispatch").isLessThan(15_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
