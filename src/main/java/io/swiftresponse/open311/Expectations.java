package io.swiftresponse.open311;

import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.taxonomy.Tier;
import io.swiftresponse.workorder.DeadlineClock;
import io.swiftresponse.workorder.DeadlinePolicy;
import io.swiftresponse.workorder.OrderView;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * When the requester can expect the reply: the order's running reply deadline once it is dispatched; before that,
 * the reply limit of the order's time-limit policy counted from the dispatch deadline (the latest the reply clock
 * can start), so the answer never promises more than the rules do.
 */
@Component
class Expectations {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DeadlinePolicy policies;
    private final Taxonomy taxonomy;
    private final Clock clock;

    Expectations(DeadlinePolicy policies, Taxonomy taxonomy, Clock clock) {
        this.policies = policies;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    /** The reply deadline, or {@code null} for an order that ended before it could have one. */
    Instant replyBy(OrderView o) {
        if (o.deadlines() != null && o.deadlines().replyBy() != null) return o.deadlines().replyBy();
        if (o.state().terminal() || o.tierCode() == null) return null;
        Instant start = o.deadlines() != null && o.deadlines().dispatchBy() != null ? o.deadlines().dispatchBy() : o.recordedAt();
        try {
            DeadlinePolicy.Applied policy = policies.select(o.tierCode(), o.categoryCode(), o.recordedAt());
            return policies.due(policy.policyId(), DeadlineClock.REPLY, start).dueAt();
        } catch (IllegalStateException e) {
            return null; // no policy in force: say nothing rather than guess
        }
    }

    String notice(OrderView o) {
        Instant replyBy = replyBy(o);
        String tier = taxonomy.tier(o.tierCode()).map(Tier::nameZh).orElse("");
        if (replyBy == null) return "已受理，工单号 " + o.number() + "。Received as order " + o.number() + ".";
        String at = SHOWN.format(replyBy.atZone(clock.getZone()));
        return "已受理，工单号 " + o.number() + "，" + tier + "诉求，预计 " + at + " 前答复。Received as order " + o.number()
                + "; expect a reply by " + at + ".";
    }
}
