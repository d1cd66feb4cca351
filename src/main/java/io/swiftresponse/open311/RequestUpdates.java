package io.swiftresponse.open311;

import io.swiftresponse.workorder.OrderFeed;
import io.swiftresponse.workorder.OrderSelection;
import io.swiftresponse.workorder.OrderView;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * FixMyStreet's {@code servicerequestupdates}: GET lists what happened to orders (our public history, with the
 * extended status each step led to); POST records a client's update as a comment on the order. A posted status
 * does not move the order: the hotline decides its lifecycle; the comment is in the order's notes.
 */
@Service
public class RequestUpdates {

    static final int MAX_UPDATES = 1000;

    private final OrderFeed feed;
    private final ServiceCatalog catalog;
    private final JdbcClient jdbc;
    private final Clock clock;

    RequestUpdates(OrderFeed feed, ServiceCatalog catalog, JdbcClient jdbc, Clock clock) {
        this.feed = feed;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Update(String updateId, String serviceRequestId, String status, Instant updatedAt, String description,
            String externalStatusCode) {
    }

    @Transactional(readOnly = true)
    public List<Update> between(Jurisdiction j, Instant from, Instant to) {
        List<OrderFeed.Change> changes = feed.changes(from, to, MAX_UPDATES).stream()
                .filter(c -> StatusMapping.publicNote(c.entry().action()) != null).toList();
        List<Long> ids = changes.stream().map(OrderFeed.Change::orderId).distinct().toList();
        Map<Long, OrderView> visible = ids.isEmpty() ? Map.of()
                : feed.select(new OrderSelection(ids, catalog.codes(), j.districtFilter(), null, null, null, null, null,
                        ids.size(), 0)).stream().collect(Collectors.toMap(OrderView::id, Function.identity()));
        return changes.stream().filter(c -> visible.containsKey(c.orderId()))
                .map(c -> new Update(String.valueOf(c.entry().id()), String.valueOf(c.orderId()),
                        StatusMapping.extended(c.entry().toState()), c.entry().at(),
                        StatusMapping.publicNote(c.entry().action()), c.entry().toState().name()))
                .toList();
    }

    /** Records a client's update; 404 when the request is not one of this jurisdiction's. */
    @Transactional
    public String post(Jurisdiction j, ApiKey key, String serviceRequestId, String status, String description,
            String mediaUrl, Instant updatedAt, String clientUpdateId) {
        long orderId = Open311Requests.parseId(serviceRequestId)
                .filter(id -> !feed.select(new OrderSelection(List.of(id), catalog.codes(), j.districtFilter(), null, null,
                        null, null, null, 1, 0)).isEmpty())
                .orElseThrow(() -> Open311Exception.notFound("Unknown service_request_id."));
        String normalized = status.toLowerCase(java.util.Locale.ROOT);
        if (!StatusMapping.acceptedFromClient(normalized)) {
            throw Open311Exception.badRequest("status must be OPEN, CLOSED or a FixMyStreet extended status such as FIXED or REOPEN.");
        }
        long id = jdbc.sql("""
                insert into open311_update (order_id, key_id, client_update_id, status, description, media_url, updated_at, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(orderId, key.id(), clientUpdateId, normalized, description, mediaUrl,
                        Timestamp.from(updatedAt == null ? clock.instant() : updatedAt), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return "c" + id;
    }

}
