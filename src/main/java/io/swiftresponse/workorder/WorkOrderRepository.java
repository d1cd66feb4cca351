package io.swiftresponse.workorder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for orders and their history, written out so the hot paths stay visible and cheap. */
@Repository
class WorkOrderRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    WorkOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the order and returns the row as stored. The number is drawn from the day's sequence inside the
     * same statement ({@code numberPrefix} + the sequence value, at least five digits), which saves the round
     * trip of a separate {@code nextval}.
     */
    OrderRow insert(OrderNumbers.Day day, NewOrder o, String streetCode, String districtCode, String tierCode, long policyId,
            String recordedBy, Instant now) {
        NewOrder.Requester r = o.requester();
        NewOrder.Location l = o.location();
        return jdbc.sql("""
                insert into work_order (number, channel, request_type, category_code, title, description, requester_name,
                    requester_phone, requester_confidential, address, lat, lng, street_code, district_code, flags, state,
                    tier_code, sla_policy_id, recorded_by, recorded_at, updated_at)
                select ? || lpad(n::text, greatest(5, length(n::text)), '0'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?::varchar[], 'RECEIVED', ?, ?, ?, ?, ?
                from nextval(?::regclass) n
                returning """ + " " + OrderRow.COLUMNS)
                .params(day.prefix(), o.channel().name(), o.requestType(), o.categoryCode(), o.title(), o.description(),
                        r == null ? null : r.name(), r == null ? null : r.phone(), r != null && r.confidential(),
                        l == null ? null : l.address(), l == null ? null : l.lat(), l == null ? null : l.lng(),
                        streetCode, districtCode, pgArray(o.flags() == null ? List.of() : o.flags().stream().map(Enum::name).toList()),
                        tierCode, policyId, recordedBy, ts(now), ts(now), day.sequence())
                .query(OrderRow::map)
                .single();
    }

    Optional<OrderRow> find(long id) {
        return jdbc.sql("select " + OrderRow.COLUMNS + " from work_order where id = ?").param(id).query(OrderRow::map).optional();
    }

    Optional<OrderRow> findForUpdate(long id) {
        return jdbc.sql("select " + OrderRow.COLUMNS + " from work_order where id = ? for update").param(id)
                .query(OrderRow::map).optional();
    }

    /**
     * Writes the aggregate's mutable fields if nobody changed the order meanwhile and returns the row as stored;
     * empty when stale.
     */
    Optional<OrderRow> update(WorkOrder o, Instant now) {
        return jdbc.sql("""
                update work_order set state = ?, category_code = ?, tier_code = ?, lead_unit_code = ?,
                    co_unit_codes = ?::varchar[], copy_unit_code = ?, primary_order_id = ?, supervised = ?,
                    pending_extension_days = ?, reopen_count = ?, sla_policy_id = ?, paused_at = ?, pause_reason = ?,
                    updated_at = ?, version = version + 1
                where id = ? and version = ?
                returning """ + " " + OrderRow.COLUMNS)
                .params(o.state().name(), o.categoryCode(), o.tierCode(), o.leadUnitCode(), pgArray(o.coUnitCodes()),
                        o.copyUnitCode(), o.primaryOrderId(), o.supervised(), o.pendingExtensionDays(), o.reopenCount(),
                        o.slaPolicyId(), ts(o.pausedAt()), o.pauseReason(), ts(now), o.id, o.version)
                .query(OrderRow::map)
                .optional();
    }

    void appendHistory(long orderId, String action, String actor, String role, String unitCode, Instant at,
            WorkOrderState from, WorkOrderState to, String reason, Map<String, Object> details) {
        jdbc.sql("""
                insert into order_history (order_id, action, actor, role, unit_code, at, from_state, to_state, reason, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(orderId, action, actor, role, unitCode, ts(at), from == null ? null : from.name(), to.name(), reason,
                        JSON.writeValueAsString(details))
                .update();
    }

    List<HistoryEntry> history(long orderId) {
        return jdbc.sql("""
                select id, action, actor, role, unit_code, at, from_state, to_state, reason, details::text
                from order_history where order_id = ? order by id""")
                .param(orderId)
                .query((rs, i) -> new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getString(7) == null ? null : WorkOrderState.valueOf(rs.getString(7)),
                        WorkOrderState.valueOf(rs.getString(8)), rs.getString(9),
                        JSON.readValue(rs.getString(10), new TypeReference<Map<String, Object>>() { })))
                .list();
    }

    static String pgArray(List<String> values) {
        // values are codes and enum names ([A-Za-z0-9_-]), validated before they get here
        return "{" + String.join(",", values) + "}";
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
