package io.swiftresponse.bench.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the application wrote for a body's recording besides the work_order columns: its policy, the clocks
 * started at recording (as offsets from the recording instant) and the history entry's details. The raw JDBC
 * phase writes the same rows with these values.
 */
record Written(long policyId, List<Clock> clocks, String historyDetails) {
    record Clock(String clock, long dueMillis, long warnMillis, long escalateMillis, boolean provisional, String basis) {
    }

    static void load(Connection con, List<Body> bodies) throws SQLException {
        Map<Long, Body> byOrder = new HashMap<>();
        bodies.forEach(b -> byOrder.put(b.derived.orderId(), b));
        Map<Long, List<Clock>> clocks = new HashMap<>();
        Long[] ids = byOrder.keySet().toArray(Long[]::new);
        try (PreparedStatement ps = con.prepareStatement("""
                select order_id, clock, extract(epoch from due_at - started_at) * 1000, extract(epoch from warn_at - started_at) * 1000,
                    extract(epoch from escalate_at - started_at) * 1000, provisional, basis
                from order_deadline where order_id = any(?) order by order_id, clock""")) {
            ps.setArray(1, con.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    clocks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Clock(rs.getString(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getBoolean(6), rs.getString(7)));
                }
            }
        }
        try (PreparedStatement ps = con.prepareStatement("""
                select o.id, o.sla_policy_id, h.details::text from work_order o
                join order_history h on h.order_id = o.id and h.action = 'record' where o.id = any(?)""")) {
            ps.setArray(1, con.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byOrder.get(rs.getLong(1)).written = new Written(rs.getLong(2), clocks.getOrDefault(rs.getLong(1), List.of()),
                            rs.getString(3));
                }
            }
        }
    }
}
