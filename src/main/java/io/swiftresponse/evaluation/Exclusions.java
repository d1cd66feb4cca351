package io.swiftresponse.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Audited exclusions ({@code evaluation_exclusion}, append-only): declared invalid (every round) or an accepted appeal. */
@Repository
class Exclusions {

    private final JdbcClient jdbc;

    Exclusions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean excludes(long orderId, int round) {
        return jdbc.sql("select exists (select 1 from evaluation_exclusion where order_id = ? and (round is null or round = ?))")
                .params(orderId, round).query(Boolean.class).single();
    }

    boolean declaredInvalid(long orderId) {
        return jdbc.sql("select exists (select 1 from evaluation_exclusion where order_id = ? and kind = 'INVALID')")
                .param(orderId).query(Boolean.class).single();
    }

    void add(long orderId, Integer round, String kind, String reason, Long appealId, String by, Instant at) {
        jdbc.sql("""
                insert into evaluation_exclusion (order_id, round, kind, reason, appeal_id, decided_by, at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, round, kind, reason, appealId, by, Timestamp.from(at)).update();
    }
}
