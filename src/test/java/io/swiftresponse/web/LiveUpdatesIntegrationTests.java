package io.swiftresponse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inbox's server-sent events reach every unit an order concerns: the lead unit and its district, each
 * co-unit, and the district of a co-unit that is a street; a unit the order does not concern hears nothing.
 */
@IntegrationTest
class LiveUpdatesIntegrationTests {

    /** A street of 西城区 (110102), used as a co-unit. */
    private static final String CO_STREET = Orders.OTHER_STREET;
    private static final String CO_STREET_DISTRICT = "110102";

    @LocalServerPort
    int port;

    @Test
    void aDispatchReachesTheLeadTheCoUnitsAndTheirDistrictsButNoOneElse() throws InterruptedException {
        Orders orders = new Orders(new Api(port));
        long id = orders.inState("AWAITING_DISPATCH");
        try {
            dispatchReachesEveryConcernedUnit(id, orders);
        } finally {
            open.forEach(WebSession.EventLines::close);
        }
    }

    private final List<WebSession.EventLines> open = new ArrayList<>();

    private void dispatchReachesEveryConcernedUnit(long id, Orders orders) throws InterruptedException {
        BlockingQueue<String> lead = open(Orders.handler(Orders.STREET));
        BlockingQueue<String> leadDistrict = open(Orders.handler(Orders.DISTRICT));
        BlockingQueue<String> coDepartment = open(Orders.handler("D01"));
        BlockingQueue<String> coStreet = open(Orders.handler(CO_STREET));
        BlockingQueue<String> coStreetDistrict = open(Orders.handler(CO_STREET_DISTRICT));
        BlockingQueue<String> unconcerned = open(Orders.handler("C04"));

        orders.must("dispatcher1", id, "dispatch", Map.of("leadUnitCode", Orders.STREET, "coUnitCodes", List.of("D01", CO_STREET)));

        for (BlockingQueue<String> stream : List.of(lead, leadDistrict, coDepartment, coStreet, coStreetDistrict)) {
            assertThat(nextOrderEvent(stream, 10)).isEqualTo(Long.toString(id));
        }
        assertThat(nextOrderEvent(unconcerned, 1)).isNull();
        // a later step by the lead unit (sign) reaches the co-units again
        orders.must(Orders.handler(Orders.STREET), id, "sign", Map.of());
        assertThat(nextOrderEvent(coDepartment, 10)).isEqualTo(Long.toString(id));
        assertThat(nextOrderEvent(coStreetDistrict, 10)).isEqualTo(Long.toString(id));
    }

    /** A handler's open inbox stream, once the server has said hello (so it is registered). */
    private BlockingQueue<String> open(String user) throws InterruptedException {
        WebSession.EventLines stream = new WebSession(port).login(user).events("/inbox/events");
        open.add(stream);
        BlockingQueue<String> lines = stream.lines();
        List<String> seen = new ArrayList<>();
        while (!seen.contains("data:connected")) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null) throw new AssertionError("no hello on the stream of " + user + ": " + seen);
            seen.add(line);
        }
        return lines;
    }

    /** The data of the next "order" event within the time, or null. */
    private static String nextOrderEvent(BlockingQueue<String> lines, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        boolean inOrderEvent = false;
        String line;
        while ((line = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (line.equals("event:order")) inOrderEvent = true;
            else if (inOrderEvent && line.startsWith("data:")) return line.substring(5);
        }
        return null;
    }
}
