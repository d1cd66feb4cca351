package io.swiftresponse.sla;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.workorder.DeadlineClock;
import io.swiftresponse.workorder.OrderAction;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds policy versions after checking them, and explains which policy applies to a case. A version may
 * not take effect in the past: orders already recorded keep the policy they were given.
 */
@Service
public class PolicyAdministration {

    /** Events that may start a clock: the recording and every action slug. */
    static final Set<String> EVENTS = Arrays.stream(OrderAction.values()).map(OrderAction::slug)
            .collect(Collectors.toCollection(() -> new java.util.TreeSet<>(Set.of("record"))));

    private final PolicyRepository repository;
    private final SlaPolicies policies;
    private final Taxonomy taxonomy;
    private final Clock clock;

    PolicyAdministration(PolicyRepository repository, SlaPolicies policies, Taxonomy taxonomy, Clock clock) {
        this.repository = repository;
        this.policies = policies;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    public java.util.List<TimeLimitPolicy> all() {
        return policies.all();
    }

    @Transactional
    public TimeLimitPolicy create(PolicyDraft d, CurrentUser actor) {
        if (!actor.is(Role.ADMIN)) throw Problem.forbidden("Only admins change time-limit policies.");
        validate(d);
        long id = repository.insert(d, actor.username(), clock.instant());
        policies.reload();
        return policies.find(id).orElseThrow();
    }

    public Explanation explain(String tierCode, String categoryCode, LocalDate day) {
        String tier = tierCode;
        if (categoryCode != null) {
            var c = taxonomy.category(categoryCode).orElseThrow(() -> Problem.invalidField("categoryCode", "unknown category '" + categoryCode + "'"));
            if (tier == null) tier = c.tierCode();
        }
        if (tier == null) throw Problem.invalidField("tierCode", "give a tierCode or a third-level categoryCode");
        String t = tier;
        if (taxonomy.tier(t).isEmpty()) throw Problem.invalidField("tierCode", "unknown tier '" + t + "'");
        TimeLimitPolicy p = policies.inForce(t, categoryCode, day)
                .orElseThrow(() -> Problem.notFound("A policy for tier " + t + " in force on " + day));
        String why = (p.categoryCode() != null ? "the category's own policy" : "the tier's policy (no category-specific one)")
                + ", the latest version in force on " + day;
        return new Explanation(p, why);
    }

    private void validate(PolicyDraft d) {
        if (d.tierCode() == null || taxonomy.tier(d.tierCode()).isEmpty()) {
            throw Problem.invalidField("tierCode", "unknown tier '" + d.tierCode() + "'");
        }
        if (d.categoryCode() != null) {
            var c = taxonomy.category(d.categoryCode())
                    .orElseThrow(() -> Problem.invalidField("categoryCode", "unknown category '" + d.categoryCode() + "'"));
            if (c.level() != 3) throw Problem.invalidField("categoryCode", "must be a third-level category");
        }
        if (d.effectiveFrom() == null || d.effectiveFrom().isBefore(LocalDate.now(clock))) {
            throw Problem.invalidField("effectiveFrom", "must be today or later: recorded orders keep their policy");
        }
        boolean duplicate = policies.all().stream().anyMatch(p -> p.tierCode().equals(d.tierCode())
                && java.util.Objects.equals(p.categoryCode(), d.categoryCode()) && p.effectiveFrom().equals(d.effectiveFrom()));
        if (duplicate) {
            throw Problem.conflict("policy-exists", "A version for this tier and category already takes effect on "
                    + d.effectiveFrom() + "; choose another date.");
        }
        for (DeadlineClock c : DeadlineClock.values()) {
            TimeLimitPolicy.Limit l = d.limits() == null ? null : d.limits().get(c);
            String f = "limits." + c;
            if (l == null) throw Problem.invalidField(f, "is required: every clock needs a limit");
            if (l.unit() == null) throw Problem.invalidField(f + ".unit", "must be HOURS or WORKING_DAYS");
            int max = l.unit() == TimeLimitPolicy.Unit.HOURS ? 24 * 60 : 60;
            if (l.amount() < 1 || l.amount() > max) throw Problem.invalidField(f + ".amount", "must be between 1 and " + max);
            if (l.startsOn() == null || l.startsOn().isEmpty()) throw Problem.invalidField(f + ".startsOn", "name at least one action");
            for (String e : l.startsOn()) {
                if (!EVENTS.contains(e)) throw Problem.invalidField(f + ".startsOn", "unknown action '" + e + "'; one of " + EVENTS);
            }
        }
        if (d.warningHoursBefore() != null && d.warningHoursBefore() < 1) {
            throw Problem.invalidField("warningHoursBefore", "must be at least 1");
        }
    }

    public record Explanation(TimeLimitPolicy policy, String why) {
    }
}
