package io.swiftresponse.sla;

import io.swiftresponse.workorder.DeadlineClock;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PolicyRepository {

    private final JdbcClient jdbc;

    PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TimeLimitPolicy> all() {
        Map<Long, Map<DeadlineClock, TimeLimitPolicy.Limit>> limits = new java.util.HashMap<>();
        jdbc.sql("select policy_id, clock, amount, unit, starts_on from sla_limit").query((rs, i) -> {
            limits.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(DeadlineClock.class))
                    .put(DeadlineClock.valueOf(rs.getString(2)), new TimeLimitPolicy.Limit(rs.getInt(3),
                            TimeLimitPolicy.Unit.valueOf(rs.getString(4)),
                            new LinkedHashSet<>(Arrays.asList(rs.getString(5).split(",")))));
            return null;
        }).list();
        List<TimeLimitPolicy> result = new ArrayList<>();
        jdbc.sql("""
                select id, tier_code, category_code, effective_from, warning_percent, warning_hours_before, escalation_hours,
                       note, created_by, created_at
                from sla_policy order by id""")
                .query((rs, i) -> new TimeLimitPolicy(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getInt(5), (Integer) rs.getObject(6), rs.getInt(7), rs.getString(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant(),
                        Map.copyOf(limits.getOrDefault(rs.getLong(1), Map.of()))))
                .list()
                .forEach(result::add);
        return result;
    }

    long insert(PolicyDraft d, String actor, Instant now) {
        long id = jdbc.sql("""
                insert into sla_policy (tier_code, category_code, effective_from, warning_percent, warning_hours_before,
                    escalation_hours, note, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(d.tierCode(), d.categoryCode(), Date.valueOf(d.effectiveFrom()), d.warningPercent(),
                        d.warningHoursBefore(), d.escalationHours(), d.note(), actor, Timestamp.from(now))
                .query(Long.class)
                .single();
        d.limits().forEach((clock, l) -> jdbc.sql("insert into sla_limit (policy_id, clock, amount, unit, starts_on) values (?, ?, ?, ?, ?)")
                .params(id, clock.name(), l.amount(), l.unit().name(), String.join(",", l.startsOn()))
                .update());
        return id;
    }
}
