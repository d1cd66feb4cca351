package io.swiftresponse.workorder;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A work_order row as stored, read in one place so every query maps columns the same way. */
record OrderRow(long id, String number, String channel, String requestType, String categoryCode, String title,
        String description, String requesterName, String requesterPhone, boolean requesterConfidential, String address,
        Double lat, Double lng, String streetCode, String districtCode, List<String> flags, WorkOrderState state,
        String leadUnitCode, List<String> coUnitCodes, String copyUnitCode, Long primaryOrderId, boolean supervised,
        Integer pendingExtensionDays, int reopenCount, String tierCode, long slaPolicyId, Instant pausedAt,
        String pauseReason, String recordedBy, Instant recordedAt, Instant updatedAt, int version) {

    /**
     * Under supervision (督办): supervised by hand (the column) or automatically, by an overdue clock (the deadline watch's
     * OVERDUE mark, V24). Needs the table's own name in scope ({@code from work_order}, {@code update work_order}).
     */
    static final String SUPERVISED = "(supervised or exists (select from deadline_mark m where m.kind = 'OVERDUE' and m.order_id = work_order.id))";

    static final String COLUMNS = """
            id, number, channel, request_type, category_code, title, description, requester_name, requester_phone,
            requester_confidential, address, lat, lng, street_code, district_code, flags, state, lead_unit_code,
            co_unit_codes, copy_unit_code, primary_order_id, %s as supervised, pending_extension_days, reopen_count, tier_code,
            sla_policy_id, paused_at, pause_reason, recorded_by, recorded_at, updated_at, version""".formatted(SUPERVISED);

    static OrderRow map(ResultSet rs, int rowNum) throws SQLException {
        return new OrderRow(rs.getLong("id"), rs.getString("number"), rs.getString("channel"), rs.getString("request_type"),
                rs.getString("category_code"), rs.getString("title"), rs.getString("description"),
                rs.getString("requester_name"), rs.getString("requester_phone"), rs.getBoolean("requester_confidential"),
                rs.getString("address"), (Double) rs.getObject("lat"), (Double) rs.getObject("lng"),
                rs.getString("street_code"), rs.getString("district_code"), strings(rs.getArray("flags")),
                WorkOrderState.valueOf(rs.getString("state")), rs.getString("lead_unit_code"),
                strings(rs.getArray("co_unit_codes")), rs.getString("copy_unit_code"),
                (Long) rs.getObject("primary_order_id"), rs.getBoolean("supervised"),
                (Integer) rs.getObject("pending_extension_days"), rs.getInt("reopen_count"), rs.getString("tier_code"),
                rs.getLong("sla_policy_id"), instant(rs.getTimestamp("paused_at")),
                rs.getString("pause_reason"), rs.getString("recorded_by"), instant(rs.getTimestamp("recorded_at")),
                instant(rs.getTimestamp("updated_at")), rs.getInt("version"));
    }

    WorkOrder toAggregate() {
        return new WorkOrder(id, number, requestType, categoryCode, title, streetCode, districtCode, flags,
                requesterConfidential, state, leadUnitCode, coUnitCodes, copyUnitCode, primaryOrderId, supervised,
                pendingExtensionDays, reopenCount, tierCode, slaPolicyId, pausedAt, pauseReason, recordedAt, version);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
