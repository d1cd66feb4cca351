package io.swiftresponse.search.index;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads orders from the work-order tables the way the index needs them: texts with the history's notes and
 * replies, scrubbed of the requester's name and phone (read here only to remove them), and the running
 * clocks reduced to the earliest due and warning instants. Read-only; the search module owns none of these
 * tables.
 */
@Component
public class OrderSource {

    private static final String SELECT = """
            select o.id, o.number, o.title, o.description, o.requester_name, o.requester_phone, o.state, o.category_code,
                   o.lead_unit_code, o.co_unit_codes, o.copy_unit_code, o.street_code, o.district_code, o.recorded_at,
                   o.updated_at, o.paused_at,
                   (select string_agg(concat_ws(' ', h.reason, h.details ->> 'answer', h.details ->> 'reply'), E'\\n' order by h.id)
                      from order_history h where h.order_id = o.id) as notes,
                   d.due, d.warn
            from work_order o
            left join lateral (select min(due_at) as due, min(warn_at) as warn from order_deadline
                               where order_id = o.id and met_at is null and not cancelled) d on true
            """;

    private final JdbcClient jdbc;

    public OrderSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<IndexableOrder> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where o.id = any(:ids)").param("ids", ids.toArray(Long[]::new)).query(OrderSource::map).list();
    }

    /** The next batch of orders changed at or after {@code (since, afterId)}, in (updated_at, id) order. */
    public List<IndexableOrder> changedSince(Instant since, long afterId, int limit) {
        return jdbc.sql(SELECT + " where (o.updated_at, o.id) > (:since, :afterId) order by o.updated_at, o.id limit :limit")
                .param("since", Timestamp.from(since)).param("afterId", afterId).param("limit", limit)
                .query(OrderSource::map).list();
    }

    private static IndexableOrder map(ResultSet rs, int row) throws SQLException {
        String name = rs.getString("requester_name");
        String phone = rs.getString("requester_phone");
        boolean paused = rs.getTimestamp("paused_at") != null;
        return new IndexableOrder(rs.getLong("id"), rs.getString("number"),
                PersonalDataScrubber.scrub(rs.getString("title"), name, phone),
                PersonalDataScrubber.scrub(rs.getString("description"), name, phone),
                PersonalDataScrubber.scrub(rs.getString("notes"), name, phone),
                rs.getString("state"), rs.getString("category_code"), rs.getString("lead_unit_code"),
                strings(rs.getArray("co_unit_codes")), rs.getString("copy_unit_code"), rs.getString("street_code"),
                rs.getString("district_code"), instant(rs.getTimestamp("recorded_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("due")),
                // a paused order does not warn (the same rule as the order list), but it can still be overdue
                paused ? null : instant(rs.getTimestamp("warn")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
