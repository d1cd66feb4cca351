package io.swiftresponse.evaluation;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.UnitType;
import io.swiftresponse.workorder.CallbackRecorded;
import io.swiftresponse.workorder.OrderScoringFacts;
import io.swiftresponse.workorder.ScoringFacts;
import io.swiftresponse.workorder.WorkOrderState;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each order's scored result and the counters in step, one order at a time: the old contribution out,
 * the new one in, in one transaction. The rules of what counts are in docs/evaluation.md; the same rules,
 * written as one SQL query over the orders, are in {@link FromScratch}.
 */
@Service
class Scoring {

    private final OrderResults results;
    private final Counters counters;
    private final Exclusions exclusions;
    private final OrderScoringFacts orders;
    private final Directory directory;
    private final ZoneId zone;

    Scoring(OrderResults results, Counters counters, Exclusions exclusions, OrderScoringFacts orders, Directory directory,
            Clock clock) {
        this.results = results;
        this.counters = counters;
        this.exclusions = exclusions;
        this.orders = orders;
        this.directory = directory;
        this.zone = clock.getZone();
    }

    /** A reached callback of the order's current round becomes its scored result, unless a later one already is. */
    @Transactional
    public void callbackRecorded(CallbackRecorded e) {
        if (!e.reached()) return; // an unreached attempt is no valid callback and leaves the last result standing
        Optional<OrderResult> before = results.lockFor(e.orderId());
        ScoringFacts o = orders.of(e.orderId()).orElse(null);
        if (o == null || o.round() != e.round() || !scorable(o.state())) return; // reopened meanwhile: this round is over
        if (before.isPresent() && before.get().round() == e.round() && before.get().callbackAt().isAfter(e.at())) return;
        String lead = o.leadUnitCode() != null ? o.leadUnitCode() : e.leadUnitCode();
        String district = directory.find(lead).filter(u -> u.type() == UnitType.STREET).map(u -> u.parentCode()).orElse(null);
        boolean replied = o.replyMetAt() != null;
        OrderResult after = new OrderResult(e.orderId(), e.round(), e.at().atZone(zone).toLocalDate(), e.at(), lead, district,
                o.coUnitCodes(), Boolean.TRUE.equals(e.contacted()), e.solved(), e.satisfaction(), replied,
                replied && !o.replyMetAt().isAfter(o.replyDueAt()), exclusions.excludes(e.orderId(), e.round()));
        counters.move(before.orElse(null), after);
        results.save(after);
    }

    /** A reopened order (重办) has no result until its new round is called back. */
    @Transactional
    public void reopened(long orderId) {
        results.lockFor(orderId).ifPresent(before -> {
            counters.move(before, null);
            results.delete(orderId);
        });
    }

    /** Called after an exclusion was recorded: the order's current result stops counting if the exclusion covers it. */
    @Transactional
    public void exclusionRecorded(long orderId) {
        results.lockFor(orderId).filter(r -> !r.excluded() && exclusions.excludes(orderId, r.round())).ifPresent(before -> {
            OrderResult after = before.withExcluded(true);
            counters.move(before, after);
            results.save(after);
        });
    }

    static boolean scorable(WorkOrderState s) {
        return s == WorkOrderState.AWAITING_CALLBACK || s == WorkOrderState.CLOSED;
    }
}
