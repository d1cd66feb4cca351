package io.swiftresponse.workorder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only access to {@link OrderFacts} for the intake module's repeat index and training, without
 * exposing the order table. No scope check: callers are system processes, not people.
 */
@Service
public class OrderFactsReader {

    private static final String COLUMNS = "id, number, title, description, requester_phone, address, lat, lng, street_code,"
            + " category_code, state, lead_unit_code, recorded_at, updated_at";
    private static final String OPEN = "state not in ('ANSWERED', 'TRANSFERRED_EMERGENCY', 'REFERRED', 'MERGED', 'CLOSED')";

    private final JdbcClient jdbc;

    OrderFactsReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrderFacts> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from work_order where id = ?").param(id).query(OrderFactsReader::map).optional();
    }

    /** Every open order and every order recorded at or after {@code since}, streamed in id order. */
    public void forEachOpenOrSince(Instant since, Consumer<OrderFacts> consumer) {
        jdbc.sql("select " + COLUMNS + " from work_order where " + OPEN + " or recorded_at >= ? order by id")
                .param(Timestamp.from(since))
                .query((ResultSet rs) -> {
                    consumer.accept(map(rs, 0));
                });
    }

    /** Closed orders whose category was confirmed, newest first: the platform's own labelled history. */
    public List<OrderFacts> closedWithCategory(int limit) {
        return jdbc.sql("select " + COLUMNS + " from work_order where state = 'CLOSED' and category_code is not null"
                        + " order by recorded_at desc limit ?")
                .param(limit)
                .query(OrderFactsReader::map)
                .list();
    }

    private static OrderFacts map(ResultSet rs, int row) throws SQLException {
        return new OrderFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), (Double) rs.getObject(7), (Double) rs.getObject(8), rs.getString(9), rs.getString(10),
                WorkOrderState.valueOf(rs.getString(11)), rs.getString(12), instant(rs.getTimestamp(13)),
                instant(rs.getTimestamp(14)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
