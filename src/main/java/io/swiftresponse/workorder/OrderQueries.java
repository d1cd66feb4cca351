package io.swiftresponse.workorder;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.PersonalDataAudit;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side: one order, lists, history and audited reveals, always within the viewer's scope. */
@Service
public class OrderQueries {

    private final WorkOrderRepository orders;
    private final CallbackRepository callbacks;
    private final PersonalDataAudit audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeadlineRepository deadlines;

    OrderQueries(WorkOrderRepository orders, CallbackRepository callbacks, PersonalDataAudit audit, JdbcClient jdbc, Clock clock,
            DeadlineRepository deadlines) {
        this.deadlines = deadlines;
        this.orders = orders;
        this.callbacks = callbacks;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public OrderView find(long id, CurrentUser viewer) {
        return view(visibleRow(id, viewer), viewer);
    }

    /**
     * The view of an order row, e.g. the row a write in this transaction returned (no re-read of the order), with
     * no callback query while the order cannot have a callback yet. An order outside the viewer's scope is 404, so
     * an action that takes the order out of the actor's scope is refused as a whole.
     */
    OrderView view(OrderRow row, CurrentUser viewer) {
        if (!OrderScope.visible(row, viewer)) {
            throw Problem.notFound("Order " + row.id());
        }
        CallbackResult last = null;
        if (mayHaveCallbacks(row)) {
            List<CallbackResult> results = callbacks.forOrder(row.id());
            last = results.isEmpty() ? null : results.get(results.size() - 1);
        }
        return OrderViews.of(row, viewer, last, DeadlineViews.of(deadlines.forOrder(row.id()), row.pausedAt() != null, clock.instant()));
    }

    /**
     * A callback is recorded only while an order awaits callback (see {@link Lifecycle}); it then stays awaiting
     * callback, or is closed, reopened or re-handled (which counts a reopening). Any other order has none.
     */
    static boolean mayHaveCallbacks(OrderRow row) {
        return row.reopenCount() > 0 || row.state() == WorkOrderState.AWAITING_CALLBACK || row.state() == WorkOrderState.CLOSED
                || row.state() == WorkOrderState.REOPENED;
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long id, CurrentUser viewer) {
        visibleRow(id, viewer);
        return orders.history(id);
    }

    @Transactional(readOnly = true)
    public OrderPage list(OrderFilter filter, int page, int size, CurrentUser viewer) {
        Where w = where(filter, viewer);
        long total = jdbc.sql("select count(*) from work_order" + w.sql()).params(w.params()).query(Long.class).single();
        w.params().put("offset", (long) page * size);
        return new OrderPage(listViews(rows(w, size, " offset :offset"), viewer), page, size, total);
    }

    /**
     * The orders of the list that come after {@code after} (newest first; null: from the start), found by key instead of
     * a count and an offset, so walking a whole list (an export) costs the same per page from the first to the last.
     */
    @Transactional(readOnly = true)
    public List<OrderView> listAfter(OrderFilter filter, OrderView after, int size, CurrentUser viewer) {
        Where w = where(filter, viewer);
        if (after != null) {
            // the redundant first term lets the recorded_at index bound the scan
            w.add("recorded_at <= :afterAt and (recorded_at < :afterAt or id < :afterId)");
            w.params().put("afterAt", Timestamp.from(after.recordedAt()));
            w.params().put("afterId", after.id());
        }
        return listViews(rows(w, size, ""), viewer);
    }

    private record Where(List<String> conditions, Map<String, Object> params) {
        void add(String condition) {
            conditions.add(condition);
        }

        String sql() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }

    private List<OrderRow> rows(Where w, int size, String offset) {
        w.params().put("limit", size);
        return jdbc.sql("select " + OrderRow.COLUMNS + " from work_order" + w.sql() + " order by recorded_at desc, id desc limit :limit"
                + offset).params(w.params()).query(OrderRow::map).list();
    }

    private Where where(OrderFilter filter, CurrentUser viewer) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        String scope = OrderScope.sqlClause(viewer);
        if (scope != null) {
            where.add(scope);
            params.put("scopeUnit", viewer.unitCode());
        }
        if (filter.state() != null) {
            where.add("state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.unitCode() != null) {
            where.add("(lead_unit_code = :unit or :unit = any(co_unit_codes) or copy_unit_code = :unit)");
            params.put("unit", filter.unitCode());
        }
        if (filter.categoryCode() != null) {
            // a level-1 or level-2 code matches its whole subtree
            where.add("category_code like :category");
            params.put("category", filter.categoryCode() + "%");
        }
        if (filter.from() != null) {
            where.add("recorded_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.add("recorded_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.deadlineStatus() != null) {
            where.add(deadlineCondition(filter.deadlineStatus()));
            params.put("now", Timestamp.from(clock.instant()));
        }
        return new Where(where, params);
    }

    /**
     * The given orders as this viewer may see them (masked like the list), in the given order; orders outside
     * the viewer's scope or unknown are left out. For other modules' result lists, such as search.
     */
    @Transactional(readOnly = true)
    public List<OrderView> views(List<Long> ids, CurrentUser viewer) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, OrderRow> rows = new HashMap<>();
        jdbc.sql("select " + OrderRow.COLUMNS + " from work_order where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query(OrderRow::map).list().forEach(r -> rows.put(r.id(), r));
        return listViews(ids.stream().map(rows::get).filter(r -> r != null && OrderScope.visible(r, viewer)).toList(), viewer);
    }

    /** List views (no callback details) with each order's deadline status for "now". */
    private List<OrderView> listViews(List<OrderRow> rows, CurrentUser viewer) {
        Map<Long, List<DeadlineRepository.Row>> clocks = deadlines.forOrders(rows.stream().map(OrderRow::id).toList());
        java.time.Instant now = clock.instant();
        return rows.stream()
                .map(r -> OrderViews.of(r, viewer, null,
                        DeadlineViews.of(clocks.getOrDefault(r.id(), List.of()), r.pausedAt() != null, now)))
                .toList();
    }

    /** The requester's full phone number, for roles entitled to it; every reveal is recorded. */
    @Transactional
    public Revealed reveal(long id, String purpose, CurrentUser viewer) {
        OrderRow row = visibleRow(id, viewer);
        if (!RequesterPrivacy.mayReveal(row, viewer)) {
            throw Problem.forbidden("Role " + viewer.role() + " may not reveal this requester's contact details.");
        }
        audit.record(viewer, id, "requester.phone", purpose, clock.instant());
        return new Revealed(row.requesterName(), row.requesterPhone());
    }

    @Transactional(readOnly = true)
    public List<PersonalDataAudit.Access> reveals(long id, CurrentUser viewer) {
        visibleRow(id, viewer);
        if (!(viewer.is(Role.SUPERVISOR) || viewer.is(Role.ADMIN))) {
            throw Problem.forbidden("Only supervisors and admins read the personal-data access log.");
        }
        return audit.forOrder(id);
    }

    private static final String RUNNING = "select 1 from order_deadline d where d.order_id = work_order.id and d.met_at is null"
            + " and not d.cancelled and ";

    /** The rule of {@link DeadlineViews#status} in SQL, answered from the partial deadline indexes. */
    private static String deadlineCondition(OrderView.DeadlineStatus status) {
        String overdue = "exists (" + RUNNING + "d.due_at < :now)";
        String warning = "(paused_at is null and exists (" + RUNNING + "d.warn_at <= :now))";
        return switch (status) {
            case OVERDUE -> overdue;
            case WARNING -> "(not " + overdue + " and " + warning + ")";
            case ON_TIME -> "(not " + overdue + " and not " + warning + ")";
        };
    }

    private OrderRow visibleRow(long id, CurrentUser viewer) {
        return orders.find(id).filter(o -> OrderScope.visible(o, viewer))
                .orElseThrow(() -> Problem.notFound("Order " + id));
    }

    public record Revealed(String name, String phone) {
    }
}
