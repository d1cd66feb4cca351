package io.swiftresponse.workorder;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.directory.UnitType;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.taxonomy.Tier;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording orders and taking actions on them: the write side of the work-order module. */
@Service
public class WorkOrders {

    private final WorkOrderRepository orders;
    private final OrderNumbers numbers;
    private final OrderActions actions;
    private final OrderQueries queries;
    private final Directory directory;
    private final Taxonomy taxonomy;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DeadlineKeeper deadlines;

    WorkOrders(WorkOrderRepository orders, OrderNumbers numbers, OrderActions actions, OrderQueries queries,
            Directory directory, Taxonomy taxonomy, ApplicationEventPublisher events, Clock clock, DeadlineKeeper deadlines) {
        this.deadlines = deadlines;
        this.orders = orders;
        this.numbers = numbers;
        this.actions = actions;
        this.queries = queries;
        this.directory = directory;
        this.taxonomy = taxonomy;
        this.events = events;
        this.clock = clock;
    }

    /** Records a new order in state RECEIVED, with its first history entry, in one transaction. */
    @Transactional
    public OrderView record(NewOrder order, CurrentUser actor) {
        if (!(actor.is(Role.AGENT) || actor.is(Role.DISPATCHER) || actor.is(Role.SUPERVISOR))) {
            throw Problem.forbidden("Only agents, dispatchers and supervisors record orders.");
        }
        if (taxonomy.requestType(order.requestType()).isEmpty()) {
            throw Problem.invalidField("requestType", "unknown request type '" + order.requestType() + "'; one of "
                    + taxonomy.requestTypes().stream().map(t -> t.code()).toList());
        }
        Category category = null;
        if (order.categoryCode() != null) {
            category = OrderClassification.dispatchableCategory(taxonomy, order.categoryCode(), "categoryCode");
        }
        Unit street = placeOf(order.location());
        String districtCode = street == null ? null : street.parentCode();
        Tier tier = OrderClassification.tierFor(taxonomy, category, order.flags());
        Instant now = clock.instant();
        DeadlinePolicy.Applied policy = deadlines.select(tier.code(), order.categoryCode(), now);
        OrderRow row = orders.insert(numbers.today(), order, street == null ? null : street.code(), districtCode, tier.code(),
                policy.policyId(), actor.username(), now);
        long id = row.id();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", order.channel().name());
        details.put("policy", policy.description());
        deadlines.onRecorded(id, policy.policyId(), now, details);
        orders.appendHistory(id, "record", actor.username(), actor.role().name(), actor.unitCode(), now, null,
                WorkOrderState.RECEIVED, null, details);
        events.publishEvent(new WorkOrderRecorded(id, row.number(), order.channel().name(), order.categoryCode(),
                street == null ? null : street.code(), districtCode, now));
        return queries.view(row, actor);
    }

    /** Takes an action; see {@link Lifecycle} for who may take which action in which state. */
    @Transactional
    public OrderView act(long orderId, OrderAction action, ActionInput input, CurrentUser actor) {
        OrderRow written = actions.apply(orderId, action, input == null ? ActionInput.empty() : input, actor);
        return queries.view(written, actor);
    }

    /**
     * The requester answers the callback themselves through a signed link ({@code actor}, e.g. "citizen-link",
     * stands in for a user): allowed only while the order awaits its callback in that same handling round.
     * The callback policy's follow-up is applied in this transaction, as for an agent's callback.
     */
    @Transactional
    public void recordRequesterCallback(long orderId, int round, ActionInput answers, String actor) {
        actions.applyForRequester(orderId, round, answers, actor);
    }

    private Unit placeOf(NewOrder.Location location) {
        if (location == null) {
            return null;
        }
        if (location.streetCode() != null) {
            return directory.find(location.streetCode())
                    .filter(u -> u.type() == UnitType.STREET)
                    .orElseThrow(() -> Problem.invalidField("location.streetCode",
                            "unknown street/township code '" + location.streetCode() + "'"));
        }
        if ((location.lat() == null) != (location.lng() == null)) {
            throw Problem.invalidField(location.lat() == null ? "location.lat" : "location.lng", "give both lat and lng, or neither");
        }
        if (location.lat() != null) {
            // a point outside every street is kept as given; the dispatcher places it by the address
            return directory.locate(new GeoPoint(location.lat(), location.lng())).orElse(null);
        }
        return null;
    }
}
