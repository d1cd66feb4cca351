package io.swiftresponse.workorder;

import io.swiftresponse.identity.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for the callback desk (回访): the queue of orders awaiting their callback, soonest deadline first; an
 * order's public summary (no personal data) for the requester's own answer page; and the facts of one handling
 * round, e.g. whether the requester was unreachable (then the round is not a valid callback).
 */
@Service
public class CallbackQueries {

    private static final String FROM = " from work_order o left join order_deadline d on d.order_id = o.id"
            + " and d.clock = 'CALLBACK' and d.met_at is null and not d.cancelled ";

    /** This round's attempts: counted, and the last one, from the (order_id, id) index of order_callback. */
    private static final String ATTEMPTS = """
            left join lateral (select count(*) as attempts, coalesce(bool_or(c.reached), false) as reached
                from order_callback c where c.order_id = o.id and c.round = o.reopen_count) a on true
            left join lateral (select c.at, c.reached, c.recorded_by, c.note from order_callback c
                where c.order_id = o.id and c.round = o.reopen_count order by c.id desc limit 1) l on true
            """;

    private final JdbcClient jdbc;
    private final CallbackRepository callbacks;
    private final Clock clock;
    private final ObjectProvider<CallbackPolicy> policies;

    CallbackQueries(JdbcClient jdbc, CallbackRepository callbacks, Clock clock, ObjectProvider<CallbackPolicy> policies) {
        this.jdbc = jdbc;
        this.callbacks = callbacks;
        this.clock = clock;
        this.policies = policies;
    }

    /** Orders awaiting callback, the most urgent (overdue, then soonest deadline) first; requester phone masked. */
    @Transactional(readOnly = true)
    public Page queue(Filter filter, int page, int size, CurrentUser viewer) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        Instant now = clock.instant();
        if (filter.overdueOnly()) {
            where.add("d.due_at < :now");
            params.put("now", Timestamp.from(now));
        }
        if (filter.unitCode() != null) {
            where.add("o.lead_unit_code = :unit");
            params.put("unit", filter.unitCode());
        }
        if (filter.districtCode() != null) {
            where.add("o.district_code = :district");
            params.put("district", filter.districtCode());
        }
        where.add(0, "o.state = 'AWAITING_CALLBACK'");
        String condition = " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*)" + FROM + condition).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        int max = maxAttempts();
        List<Item> items = jdbc.sql("""
                select o.id, o.number, o.title, o.category_code, o.lead_unit_code, o.street_code, o.district_code,
                       o.requester_name, o.requester_phone, o.requester_confidential, o.reopen_count, d.due_at,
                       a.attempts, a.reached, l.at as last_at, l.reached as last_reached, l.recorded_by as last_by, l.note as last_note
                """ + FROM + ATTEMPTS + condition + " order by d.due_at asc nulls last, o.id limit :limit offset :offset")
                .params(params)
                .query((rs, i) -> item(rs, now, max))
                .list();
        return new Page(items, page, size, total);
    }

    /** What the requester may see of an order on a public page: no name, phone, address or description. */
    @Transactional(readOnly = true)
    public Optional<PublicSummary> publicSummary(long orderId) {
        return jdbc.sql("select id, number, state, reopen_count, request_type, category_code, title, recorded_at, lead_unit_code"
                        + " from work_order where id = ?")
                .param(orderId)
                .query((rs, i) -> new PublicSummary(rs.getLong(1), rs.getString(2), WorkOrderState.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getString(5), rs.getString(6), RequesterPrivacy.maskPhonesInText(rs.getString(7)),
                        rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .optional();
    }

    /** The callback attempts of one handling round (0 before any re-handle) and what they add up to. */
    @Transactional(readOnly = true)
    public Round round(long orderId, int round) {
        List<CallbackResult> attempts = callbacks.forRound(orderId, round);
        boolean reached = attempts.stream().anyMatch(CallbackResult::reached);
        return new Round(orderId, round, attempts.size(), reached, !reached && attempts.size() >= maxAttempts());
    }

    public int maxAttempts() {
        return policies.getIfAvailable(() -> CallbackPolicy.NONE).maxUnreachedAttempts();
    }

    private static Item item(ResultSet rs, Instant now, int max) throws SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        int attempts = rs.getInt("attempts");
        boolean reached = rs.getBoolean("reached");
        Status status = reached ? Status.ANSWERED : attempts >= max ? Status.UNREACHABLE : Status.PENDING;
        Timestamp lastAt = rs.getTimestamp("last_at");
        Attempt last = lastAt == null ? null
                : new Attempt(lastAt.toInstant(), rs.getBoolean("last_reached"), rs.getString("last_by"), rs.getString("last_note"));
        boolean confidential = rs.getBoolean("requester_confidential");
        return new Item(rs.getLong("id"), rs.getString("number"), rs.getString("title"), rs.getString("category_code"),
                rs.getString("lead_unit_code"), rs.getString("street_code"), rs.getString("district_code"),
                rs.getString("requester_name"), RequesterPrivacy.mask(rs.getString("requester_phone")), confidential,
                rs.getInt("reopen_count"), due == null ? null : due.toInstant(), due != null && due.toInstant().isBefore(now),
                attempts, status, last);
    }

    public record Filter(boolean overdueOnly, String unitCode, String districtCode) {
    }

    public record Page(List<Item> items, int page, int size, long total) {
    }

    /**
     * PENDING: no one reached yet; UNREACHABLE: the allowed attempts all failed (may be closed, not a valid callback);
     * ANSWERED: reached in this round, waiting to be closed.
     */
    public enum Status { PENDING, UNREACHABLE, ANSWERED }

    /** {@code round} counts the re-handles so far; attempts and the last attempt are of this round only. */
    public record Item(long orderId, String number, String title, String categoryCode, String leadUnitCode, String streetCode,
            String districtCode, String requesterName, String requesterPhone, boolean requesterConfidential, int round,
            Instant callbackBy, boolean overdue, int attempts, Status status, Attempt lastAttempt) {
    }

    public record Attempt(Instant at, boolean reached, String recordedBy, String note) {
    }

    public record PublicSummary(long orderId, String number, WorkOrderState state, int round, String requestType,
            String categoryCode, String title, Instant recordedAt, String leadUnitCode) {

        public boolean awaitingCallback() {
            return state == WorkOrderState.AWAITING_CALLBACK;
        }
    }

    /** {@code unreachable}: not reached in the allowed attempts; such a round is not a valid callback (有效回访). */
    public record Round(long orderId, int round, int attempts, boolean reached, boolean unreachable) {
    }
}
