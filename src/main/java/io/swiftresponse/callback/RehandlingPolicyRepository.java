package io.swiftresponse.callback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RehandlingPolicyRepository {

    private static final String COLUMNS = "id, effective_from, on_solved_no, on_solved_partly, on_dissatisfied, max_rehandles,"
            + " note, created_by, created_at";

    private final JdbcClient jdbc;

    RehandlingPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RehandlingPolicy> all() {
        return jdbc.sql("select " + COLUMNS + " from callback_rehandling_policy order by effective_from").query(this::map).list();
    }

    Optional<RehandlingPolicy> inForce(LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from callback_rehandling_policy where effective_from <= ?"
                        + " order by effective_from desc limit 1")
                .param(day).query(this::map).optional();
    }

    boolean exists(LocalDate effectiveFrom) {
        return jdbc.sql("select count(*) from callback_rehandling_policy where effective_from = ?").param(effectiveFrom)
                .query(Long.class).single() > 0;
    }

    long insert(RehandlingPolicy.Draft d, String by, Instant at) {
        return jdbc.sql("""
                insert into callback_rehandling_policy (effective_from, on_solved_no, on_solved_partly, on_dissatisfied,
                    max_rehandles, note, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(d.effectiveFrom(), d.onSolvedNo().name(), d.onSolvedPartly().name(), d.onDissatisfied().name(),
                        d.maxRehandles(), d.note(), by, Timestamp.from(at))
                .query(Long.class).single();
    }

    private RehandlingPolicy map(ResultSet rs, int i) throws SQLException {
        return new RehandlingPolicy(rs.getLong(1), rs.getObject(2, LocalDate.class),
                RehandlingPolicy.FollowUp.valueOf(rs.getString(3)), RehandlingPolicy.FollowUp.valueOf(rs.getString(4)),
                RehandlingPolicy.FollowUp.valueOf(rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9).toInstant());
    }
}
