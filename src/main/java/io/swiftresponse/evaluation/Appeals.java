package io.swiftresponse.evaluation;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.OrderScoringFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals (申诉) against a callback result and declarations of invalid orders. A handler of the lead unit appeals
 * the scored result of the current round, once; a hotline supervisor accepts it (the order stops counting for the
 * scores it fed, through an audited exclusion) or rejects it. Filing and deciding are both append-only records.
 */
@Service
public class Appeals {

    public enum Status { PENDING, ACCEPTED, REJECTED }

    public record Appeal(long id, long orderId, int round, String unitCode, String reason, String evidence, String filedBy,
            Instant filedAt, Status status, String decisionNote, String decidedBy, Instant decidedAt) {
    }

    private static final String SELECT = """
            select a.*, d.decision, d.note, d.decided_by, d.decided_at
            from evaluation_appeal a left join evaluation_appeal_decision d on d.appeal_id = a.id""";

    private final JdbcClient jdbc;
    private final OrderResults results;
    private final Exclusions exclusions;
    private final Scoring scoring;
    private final OrderScoringFacts orders;
    private final Clock clock;

    Appeals(JdbcClient jdbc, OrderResults results, Exclusions exclusions, Scoring scoring, OrderScoringFacts orders, Clock clock) {
        this.jdbc = jdbc;
        this.results = results;
        this.exclusions = exclusions;
        this.scoring = scoring;
        this.orders = orders;
        this.clock = clock;
    }

    @Transactional
    public Appeal file(long orderId, String reason, String evidence, CurrentUser by) {
        if (!by.isHandler()) throw Problem.forbidden("Only a handler of the order's lead unit may appeal its callback result.");
        OrderResult r = results.lockFor(orderId).orElseThrow(() -> Problem.conflict("no-result",
                "Order " + orderId + " has no scored callback result to appeal (none reached the requester in its current round)."));
        if (!by.unitCode().equals(r.leadUnitCode())) {
            throw Problem.forbidden("Only handlers of the lead unit " + r.leadUnitCode() + " may appeal this result.");
        }
        if (r.excluded()) throw Problem.conflict("already-excluded", "Order " + orderId + " is already excluded from evaluation.");
        Long existing = jdbc.sql("select id from evaluation_appeal where order_id = ? and round = ?").params(orderId, r.round())
                .query(Long.class).optional().orElse(null);
        if (existing != null) {
            throw Problem.conflict("already-appealed", "This result was already appealed (appeal " + existing + "); one appeal per result.")
                    .with("appealId", existing);
        }
        long id = jdbc.sql("""
                insert into evaluation_appeal (order_id, round, unit_code, reason, evidence, filed_by, filed_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(orderId, r.round(), r.leadUnitCode(), reason, evidence, by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return find(id, by);
    }

    @Transactional
    public Appeal decide(long appealId, boolean accept, String note, CurrentUser by) {
        requireSupervisor(by, "decide appeals");
        Appeal a = jdbc.sql(SELECT + " where a.id = ? for update of a").param(appealId).query(Appeals::map).optional()
                .orElseThrow(() -> Problem.notFound("Appeal " + appealId));
        if (a.status() != Status.PENDING) {
            throw Problem.conflict("appeal-decided", "Appeal " + appealId + " was already " + a.status() + " by " + a.decidedBy() + ".");
        }
        Instant now = clock.instant();
        jdbc.sql("insert into evaluation_appeal_decision (appeal_id, decision, note, decided_by, decided_at) values (?, ?, ?, ?, ?)")
                .params(appealId, accept ? "ACCEPTED" : "REJECTED", note, by.username(), Timestamp.from(now)).update();
        if (accept) {
            exclusions.add(a.orderId(), a.round(), "APPEAL", note, appealId, by.username(), now);
            scoring.exclusionRecorded(a.orderId());
        }
        return find(appealId, by);
    }

    /** 无效工单: a supervisor takes an order out of evaluation for good, with a reason. */
    @Transactional
    public void declareInvalid(long orderId, String reason, CurrentUser by) {
        requireSupervisor(by, "declare orders invalid for evaluation");
        orders.of(orderId).orElseThrow(() -> Problem.notFound("Order " + orderId));
        if (exclusions.declaredInvalid(orderId)) {
            throw Problem.conflict("already-invalid", "Order " + orderId + " is already declared invalid for evaluation.");
        }
        exclusions.add(orderId, null, "INVALID", reason, null, by.username(), clock.instant());
        scoring.exclusionRecorded(orderId);
    }

    public Appeal find(long id, CurrentUser viewer) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(Appeals::map).optional()
                .filter(a -> !viewer.isHandler() || viewer.unitCode().equals(a.unitCode()))
                .orElseThrow(() -> Problem.notFound("Appeal " + id));
    }

    public List<Appeal> list(Status status, CurrentUser viewer) {
        String where = " where (cast(:unit as varchar) is null or a.unit_code = :unit)"
                + " and (cast(:status as varchar) is null or coalesce(d.decision, 'PENDING') = :status) order by a.id desc limit 500";
        return jdbc.sql(SELECT + where).param("unit", viewer.isHandler() ? viewer.unitCode() : null)
                .param("status", status == null ? null : status.name()).query(Appeals::map).list();
    }

    /** The audit trail of an order in evaluation: its appeals and exclusions, oldest first. */
    public List<java.util.Map<String, Object>> exclusionsOf(long orderId) {
        return jdbc.sql("""
                select id, round, kind, reason, appeal_id as "appealId", decided_by as "decidedBy", at
                from evaluation_exclusion where order_id = ? order by id""")
                .param(orderId).query().listOfRows();
    }

    public List<Appeal> appealsOf(long orderId) {
        return jdbc.sql(SELECT + " where a.order_id = ? order by a.id").param(orderId).query(Appeals::map).list();
    }

    private static void requireSupervisor(CurrentUser by, String what) {
        if (by.role() != Role.SUPERVISOR) throw Problem.forbidden("Only hotline supervisors may " + what + ".");
    }

    private static Appeal map(ResultSet rs, int i) throws SQLException {
        String decision = rs.getString("decision");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Appeal(rs.getLong("id"), rs.getLong("order_id"), rs.getInt("round"), rs.getString("unit_code"),
                rs.getString("reason"), rs.getString("evidence"), rs.getString("filed_by"), rs.getTimestamp("filed_at").toInstant(),
                decision == null ? Status.PENDING : Status.valueOf(decision), rs.getString("note"), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
    }
}
