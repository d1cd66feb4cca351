package io.swiftresponse.workorder;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Callback attempts (回访), one append-only row each. */
@Repository
class CallbackRepository {

    private final JdbcClient jdbc;

    CallbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long orderId, int round, ActionInput in, String agent, Instant at) {
        boolean reached = Boolean.TRUE.equals(in.reached());
        jdbc.sql("""
                insert into order_callback (order_id, round, reached, contacted, solved, satisfaction, note, recorded_by, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, round, reached, reached ? in.contacted() : null, reached ? in.solved().name() : null,
                        reached ? in.satisfaction().name() : null, in.note(), agent, WorkOrderRepository.ts(at))
                .update();
    }

    List<CallbackResult> forOrder(long orderId) {
        return forRound(orderId, null);
    }

    /** Attempts of one handling round, or of all rounds when {@code round} is null. */
    List<CallbackResult> forRound(long orderId, Integer round) {
        return jdbc.sql("""
                select reached, contacted, solved, satisfaction, note, recorded_by, at
                from order_callback where order_id = ? and (?::int is null or round = ?) order by id""")
                .params(orderId, round, round)
                .query((rs, i) -> new CallbackResult(rs.getBoolean(1), (Boolean) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }
}
