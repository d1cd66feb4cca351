package io.swiftresponse.evaluation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scored result per order ({@code evaluation_fact}), read for update before it is replaced. */
@Repository
class OrderResults {

    /** The first key of evaluation's advisory locks ('EVAL'); the second is the order id folded into an int. */
    private static final int LOCK_SPACE = 0x4556414c;

    private final JdbcClient jdbc;

    OrderResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises every change to one order's result (also when it has no row yet, which a row lock cannot cover):
     * an advisory lock keyed by the order for the rest of the transaction, then the row itself.
     */
    Optional<OrderResult> lockFor(long orderId) {
        jdbc.sql("select pg_advisory_xact_lock(" + LOCK_SPACE + ", ?)").param((int) (orderId % Integer.MAX_VALUE)).query(Object.class).single();
        return jdbc.sql("select * from evaluation_fact where order_id = ? for update").param(orderId).query(OrderResults::map).optional();
    }

    Optional<OrderResult> find(long orderId) {
        return jdbc.sql("select * from evaluation_fact where order_id = ?").param(orderId).query(OrderResults::map).optional();
    }

    void save(OrderResult r) {
        jdbc.sql("""
                insert into evaluation_fact (order_id, round, day, callback_at, lead_unit_code, district_code, co_unit_codes,
                    contacted, solved, satisfaction, replied, replied_on_time, excluded)
                values (:id, :round, :day, :at, :lead, :district, coalesce(string_to_array(:co, ','), '{}'), :contacted, :solved, :satisfaction,
                    :replied, :onTime, :excluded)
                on conflict (order_id) do update set round = excluded.round, day = excluded.day,
                    callback_at = excluded.callback_at, lead_unit_code = excluded.lead_unit_code,
                    district_code = excluded.district_code, co_unit_codes = excluded.co_unit_codes,
                    contacted = excluded.contacted, solved = excluded.solved, satisfaction = excluded.satisfaction,
                    replied = excluded.replied, replied_on_time = excluded.replied_on_time, excluded = excluded.excluded""")
                .param("id", r.orderId()).param("round", r.round()).param("day", r.day())
                .param("at", Timestamp.from(r.callbackAt())).param("lead", r.leadUnitCode()).param("district", r.districtCode())
                .param("co", r.coUnitCodes().isEmpty() ? null : String.join(",", r.coUnitCodes()))
                .param("contacted", r.contacted()).param("solved", r.solved()).param("satisfaction", r.satisfaction())
                .param("replied", r.replied()).param("onTime", r.repliedOnTime()).param("excluded", r.excluded())
                .update();
    }

    void delete(long orderId) {
        jdbc.sql("delete from evaluation_fact where order_id = ?").param(orderId).update();
    }

    static OrderResult map(ResultSet rs, int i) throws SQLException {
        return new OrderResult(rs.getLong("order_id"), rs.getInt("round"), rs.getObject("day", LocalDate.class),
                rs.getTimestamp("callback_at").toInstant(), rs.getString("lead_unit_code"), rs.getString("district_code"),
                strings(rs.getArray("co_unit_codes")), rs.getBoolean("contacted"), rs.getString("solved"),
                rs.getString("satisfaction"), rs.getBoolean("replied"), rs.getBoolean("replied_on_time"), rs.getBoolean("excluded"));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }
}
