package io.swiftresponse.open311;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.workorder.HistoryEntry;
import io.swiftresponse.workorder.OrderFeed;
import io.swiftresponse.workorder.OrderSelection;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrderState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET requests}, {@code requests/{id}} and {@code tokens/{token}}: orders of the offered services within the
 * jurisdiction, read through the work-order feed (which never carries personal data) and told in Open311 terms.
 */
@Service
public class Open311Requests {

    private final OrderFeed feed;
    private final ServiceCatalog catalog;
    private final Directory directory;
    private final Expectations expectations;
    private final JdbcClient jdbc;

    Open311Requests(OrderFeed feed, ServiceCatalog catalog, Directory directory, Expectations expectations, JdbcClient jdbc) {
        this.feed = feed;
        this.catalog = catalog;
        this.directory = directory;
        this.expectations = expectations;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<PublicRequest> query(Jurisdiction j, RequestQuery q, boolean withNotes) {
        OrderSelection selection = q.ids() != null
                ? new OrderSelection(q.ids(), catalog.codes(), j.districtFilter(), null, null, null, null, null, q.ids().size(), 0)
                : new OrderSelection(null, q.serviceCodes() != null ? q.serviceCodes() : catalog.codes(), j.districtFilter(),
                        q.states(), q.start(), q.end(), q.updatedAfter(), q.updatedBefore(), q.pageSize(),
                        (long) (q.page() - 1) * q.pageSize());
        return describe(feed.select(selection), j, withNotes);
    }

    @Transactional(readOnly = true)
    public PublicRequest find(Jurisdiction j, String id) {
        long orderId = parseId(id).orElseThrow(() -> Open311Exception.notFound("Unknown service_request_id."));
        List<PublicRequest> found = query(j, new RequestQuery(List.of(orderId), null, null, null, null, null, null, 1, 1), true);
        if (found.isEmpty()) throw Open311Exception.notFound("Unknown service_request_id.");
        return found.get(0);
    }

    /** The request created under {@code token}, by the same jurisdiction. */
    @Transactional(readOnly = true)
    public String byToken(Jurisdiction j, String token) {
        return jdbc.sql("select order_id from open311_request where token = ? and jurisdiction_id = ?")
                .params(token, j.id()).query(Long.class).optional().map(String::valueOf)
                .orElseThrow(() -> Open311Exception.notFound("Unknown token."));
    }

    static java.util.Optional<Long> parseId(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) return java.util.Optional.empty();
        return java.util.Optional.of(Long.parseLong(id));
    }

    private List<PublicRequest> describe(List<OrderView> orders, Jurisdiction j, boolean withNotes) {
        List<Long> ids = orders.stream().map(OrderView::id).toList();
        Map<Long, List<HistoryEntry>> histories = feed.histories(ids);
        Map<Long, ClientSide> sent = clientSide(ids);
        Map<Long, List<PublicRequest.Note>> comments = withNotes ? comments(ids) : Map.of();
        List<PublicRequest> result = new ArrayList<>();
        for (OrderView o : orders) {
            List<HistoryEntry> history = histories.getOrDefault(o.id(), List.of());
            ClientSide c = sent.get(o.id());
            Unit street = directory.find(o.location().streetCode()).orElse(null);
            Unit district = directory.find(o.location().districtCode()).orElse(null);
            String address = c != null ? c.address()
                    : street == null ? null : (district == null ? "" : district.name()) + street.name();
            Map<String, String> extended = new LinkedHashMap<>();
            extended.put("number", o.number());
            extended.put("channel", o.channel());
            extended.put("district", district == null ? "" : district.name());
            extended.put("street", street == null ? "" : street.name());
            extended.put("detailed_status", StatusMapping.extended(o.state()));
            List<PublicRequest.Note> notes = null;
            if (withNotes) {
                notes = new ArrayList<>(history.stream().filter(h -> StatusMapping.publicNote(h.action()) != null)
                        .map(h -> new PublicRequest.Note(h.at(), noteText(h, history), h.action())).toList());
                notes.addAll(comments.getOrDefault(o.id(), List.of()));
                notes.sort(Comparator.comparing(PublicRequest.Note::at));
            }
            result.add(new PublicRequest(String.valueOf(o.id()), StatusMapping.basic(o.state()), statusNotes(o.state(), history),
                    catalog.nameOf(o.categoryCode()), o.categoryCode(), PublicText.clean(AttributeAnswers.withoutAnswers(o.description())),
                    o.leadUnitCode() == null ? j.name() : directory.find(o.leadUnitCode()).map(Unit::name).orElse(o.leadUnitCode()),
                    c == null ? null : c.notice(), o.recordedAt(), o.updatedAt(), expectations.replyBy(o), address,
                    c == null ? null : c.addressId(), c == null ? null : c.lat(), c == null ? null : c.lng(),
                    c == null ? null : c.mediaUrl(), notes, extended));
        }
        return result;
    }

    /** The reply once it is approved, the answer of a consultation, otherwise what happened last. */
    static String statusNotes(WorkOrderState state, List<HistoryEntry> history) {
        if (state == WorkOrderState.ANSWERED) return PublicText.clean(lastDetail(history, "answer", "answer"));
        if (state == WorkOrderState.AWAITING_CALLBACK || state == WorkOrderState.CLOSED) {
            return PublicText.clean(lastDetail(history, "reply", "reply"));
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            String note = StatusMapping.publicNote(history.get(i).action());
            if (note != null) return note;
        }
        return null;
    }

    private static String noteText(HistoryEntry h, List<HistoryEntry> history) {
        String note = StatusMapping.publicNote(h.action());
        if (h.action().equals("approve-reply")) {
            String reply = lastDetailBefore(history, h, "reply", "reply");
            return reply == null ? note : note + "：" + PublicText.clean(reply);
        }
        if (h.action().equals("answer")) {
            return note + "：" + PublicText.clean(Objects.toString(h.details().get("answer"), ""));
        }
        return note;
    }

    private static String lastDetail(List<HistoryEntry> history, String action, String key) {
        return history.isEmpty() ? null : lastDetailBefore(history, history.get(history.size() - 1), action, key);
    }

    private static String lastDetailBefore(List<HistoryEntry> history, HistoryEntry until, String action, String key) {
        String found = null;
        for (HistoryEntry h : history) {
            if (h.action().equals(action) && h.details().get(key) != null) found = h.details().get(key).toString();
            if (h == until) break;
        }
        return found;
    }

    private record ClientSide(String notice, String mediaUrl, Double lat, Double lng, String address, String addressId) {
    }

    private Map<Long, ClientSide> clientSide(List<Long> ids) {
        Map<Long, ClientSide> byOrder = new HashMap<>();
        if (ids.isEmpty()) return byOrder;
        jdbc.sql("""
                select order_id, service_notice, media_url, lat, lng, address_string, address_id
                from open311_request where order_id in (:ids)""")
                .param("ids", ids)
                .query(rs -> {
                    byOrder.put(rs.getLong(1), new ClientSide(rs.getString(2), rs.getString(3), (Double) rs.getObject(4),
                            (Double) rs.getObject(5), rs.getString(6), rs.getString(7)));
                });
        return byOrder;
    }

    private Map<Long, List<PublicRequest.Note>> comments(List<Long> ids) {
        Map<Long, List<PublicRequest.Note>> byOrder = new HashMap<>();
        if (ids.isEmpty()) return byOrder;
        jdbc.sql("select order_id, updated_at, description from open311_update where order_id in (:ids) order by id")
                .param("ids", ids)
                .query(rs -> {
                    byOrder.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PublicRequest.Note(
                            rs.getTimestamp(2).toInstant(), PublicText.clean(rs.getString(3)), "comment"));
                });
        return byOrder;
    }
}
