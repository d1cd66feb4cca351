package io.swiftresponse.bench.orders;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The raw JDBC ceiling: the rows of a recording inserted directly into the server's database, same concurrency. */
final class RawPhase {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final Bench bench;

    RawPhase(Bench bench) {
        this.bench = bench;
    }

    Result measure(int c, double seconds) throws Exception {
        QuietMachine.await(bench);
        Result[] result = new Result[1];
        workers(c, seconds, "raw JDBC", result);
        return result[0];
    }

    /** Unmeasured: warms the driver's and PostgreSQL's side of the raw path. */
    List<Tally> workers(int c, double seconds) throws Exception {
        return workers(c, seconds, null, null);
    }

    /**
     * The same rows the application writes for a recording, in one transaction: the work_order insert (its number
     * drawn from the day's sequence in the statement) returning the id, the clocks started at recording, the
     * order_history insert. Values come from the same bodies and from what the server derived and wrote for them
     * (street, district, tier, policy, deadlines, history details). Connections are opened before the clock
     * starts, as a pool would have them.
     *
     * <p>With a phase name, measures (clock and CPU) from after the connections are open until before they are
     * closed, so that the backends' CPU is read while they still run.
     */
    private List<Tally> workers(int c, double seconds, String phase, Result[] result) throws Exception {
        String day = LocalDate.now(CITY).format(DateTimeFormatter.BASIC_ISO_DATE);
        String sequence = "order_number_" + day;
        try (Connection con = DriverManager.getConnection(bench.jdbcUrl, "postgres", "")) {
            con.createStatement().execute("create sequence if not exists " + sequence);
            if (bench.pool.stream().anyMatch(b -> b.written == null)) {
                Written.load(con, bench.pool);
            }
        }
        AtomicInteger next = new AtomicInteger(Workers.ThreadLocalSeed.next());
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            Connection con = DriverManager.getConnection(bench.jdbcUrl, "postgres", "");
            con.setAutoCommit(false);
            connections.add(con);
        }
        try {
            Phase p = phase == null ? null : Phase.start(phase, c, bench.watched);
            List<Tally> tallies = Workers.run(c, seconds, (w, deadline) -> {
                Tally t = new Tally();
                Connection con = connections.get(w);
                try (PreparedStatement order = con.prepareStatement(RawInsert.ORDER);
                        PreparedStatement clocks = con.prepareStatement(RawInsert.DEADLINE);
                        PreparedStatement history = con.prepareStatement(RawInsert.HISTORY)) {
                    while (System.nanoTime() < deadline) {
                        Body b = bench.pool.get(Math.floorMod(next.getAndIncrement(), bench.pool.size()));
                        long s = System.nanoTime();
                        try {
                            RawInsert.record(con, order, clocks, history, b, day, bench.catalog.agent.name());
                            t.ok++;
                            t.latency.add(System.nanoTime() - s);
                        } catch (SQLException e) {
                            con.rollback();
                            t.error("raw insert", new Resp(0, e.getMessage().getBytes(StandardCharsets.UTF_8), false));
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return t;
            });
            if (p != null) {
                result[0] = p.finish(tallies, 1);
            }
            return tallies;
        } finally {
            for (Connection con : connections) {
                con.close();
            }
        }
    }
}
