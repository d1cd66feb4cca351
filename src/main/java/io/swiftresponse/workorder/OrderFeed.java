package io.swiftresponse.workorder;

import io.swiftresponse.directory.UnitType;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-only feeds for adapters at the edge (Open311): orders and history across the whole platform, always
 * as seen by an analyst, i.e. without any personal data of the requester.
 */
@Service
public class OrderFeed {

    /** The viewer every feed reads as: sees every order, never the requester. */
    public static final CurrentUser PUBLIC_READER = new CurrentUser("public-feed", Role.ANALYST, null, (UnitType) null);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DeadlineRepository deadlines;
    private final Clock clock;

    OrderFeed(JdbcClient jdbc, DeadlineRepository deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The selected orders, newest first, without personal data. */
    @Transactional(readOnly = true)
    public List<OrderView> select(OrderSelection s) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (s.ids() != null) {
            if (s.ids().isEmpty()) return List.of();
            where.add("id in (:ids)");
            params.put("ids", s.ids());
        }
        if (s.categoryCodes() != null) {
            if (s.categoryCodes().isEmpty()) return List.of();
            where.add("category_code in (:categories)");
            params.put("categories", s.categoryCodes());
        }
        if (s.districtCodes() != null) {
            if (s.districtCodes().isEmpty()) return List.of();
            where.add("district_code in (:districts)");
            params.put("districts", s.districtCodes());
        }
        if (s.states() != null) {
            if (s.states().isEmpty()) return List.of();
            where.add("state in (:states)");
            params.put("states", s.states().stream().map(Enum::name).toList());
        }
        range(where, params, "recorded_at", s.recordedFrom(), s.recordedTo());
        range(where, params, "updated_at", s.updatedFrom(), s.updatedTo());
        params.put("limit", s.limit());
        params.put("offset", s.offset());
        List<OrderRow> rows = jdbc.sql("select " + OrderRow.COLUMNS + " from work_order"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by recorded_at desc, id desc limit :limit offset :offset")
                .params(params).query(OrderRow::map).list();
        Map<Long, List<DeadlineRepository.Row>> clocks = deadlines.forOrders(rows.stream().map(OrderRow::id).toList());
        Instant now = clock.instant();
        return rows.stream()
                .map(r -> OrderViews.of(r, PUBLIC_READER, null,
                        DeadlineViews.of(clocks.getOrDefault(r.id(), List.of()), r.pausedAt() != null, now)))
                .toList();
    }

    /** The history of each given order, oldest entry first, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, List<HistoryEntry>> histories(List<Long> orderIds) {
        Map<Long, List<HistoryEntry>> byOrder = new LinkedHashMap<>();
        if (orderIds.isEmpty()) return byOrder;
        jdbc.sql("""
                select order_id, id, action, actor, role, unit_code, at, from_state, to_state, reason, details::text
                from order_history where order_id in (:ids) order by order_id, id""")
                .param("ids", orderIds)
                .query(rs -> {
                    byOrder.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(entry(rs));
                });
        return byOrder;
    }

    /** History entries recorded in [from, to) across all orders, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Change> changes(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                select order_id, id, action, actor, role, unit_code, at, from_state, to_state, reason, details::text
                from order_history where at >= :from and at < :to order by at, id limit :limit""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit)
                .query((rs, i) -> new Change(rs.getLong(1), entry(rs)))
                .list();
    }

    private static HistoryEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new HistoryEntry(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), rs.getString(8) == null ? null : WorkOrderState.valueOf(rs.getString(8)),
                WorkOrderState.valueOf(rs.getString(9)), rs.getString(10),
                JSON.readValue(rs.getString(11), new TypeReference<Map<String, Object>>() { }));
    }

    private static void range(List<String> where, Map<String, Object> params, String column, Instant from, Instant to) {
        if (from != null) {
            where.add(column + " >= :" + column + "_from");
            params.put(column + "_from", Timestamp.from(from));
        }
        if (to != null) {
            where.add(column + " < :" + column + "_to");
            params.put(column + "_to", Timestamp.from(to));
        }
    }

    /** One history entry of one order. */
    public record Change(long orderId, HistoryEntry entry) {
    }
}
