package io.swiftresponse.callback;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.ActionInput;
import io.swiftresponse.workorder.CallbackPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The re-handling policy (重办) as versioned data, and workorder's {@link CallbackPolicy}: decides, for a reached
 * callback, whether the order is re-handled by the same unit, closed, or left for the agent to close, and says
 * why. Several unhappy answers may apply at once (e.g. not solved and dissatisfied): re-handling wins over
 * closing, unless the order has already been re-handled as often as the policy allows.
 */
@Service
public class RehandlingPolicies implements CallbackPolicy {

    private final RehandlingPolicyRepository repository;
    private final Clock clock;
    private final int maxAttempts;

    RehandlingPolicies(RehandlingPolicyRepository repository, Clock clock,
            @Value("${swift.callback.max-attempts:3}") int maxAttempts) {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("swift.callback.max-attempts must be between 1 and 10, not " + maxAttempts);
        }
        this.repository = repository;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public int maxUnreachedAttempts() {
        return maxAttempts;
    }

    @Override
    public Decision decide(Answers a) {
        LocalDate day = LocalDate.ofInstant(a.at(), clock.getZone());
        RehandlingPolicy p = repository.inForce(day)
                .orElseThrow(() -> new IllegalStateException("no re-handling policy is in force on " + day));
        return decide(p, a.solved(), a.satisfaction(), a.rehandles());
    }

    static Decision decide(RehandlingPolicy p, ActionInput.Solved solved, ActionInput.Satisfaction satisfaction, int rehandles) {
        List<String> rehandle = new ArrayList<>();
        List<String> close = new ArrayList<>();
        if (solved == ActionInput.Solved.NO) (p.onSolvedNo() == RehandlingPolicy.FollowUp.REHANDLE ? rehandle : close).add("not solved");
        if (solved == ActionInput.Solved.PARTLY) {
            (p.onSolvedPartly() == RehandlingPolicy.FollowUp.REHANDLE ? rehandle : close).add("partly solved");
        }
        if (satisfaction == ActionInput.Satisfaction.DISSATISFIED) {
            (p.onDissatisfied() == RehandlingPolicy.FollowUp.REHANDLE ? rehandle : close).add("dissatisfied");
        }
        String by = p.describe() + ": ";
        if (!rehandle.isEmpty()) {
            if (rehandles >= p.maxRehandles()) {
                return new Decision(Outcome.CLOSE, by + String.join(" and ", rehandle) + " would be re-handled, but the order has "
                        + "already been re-handled " + rehandles + " time(s), the most allowed (" + p.maxRehandles()
                        + "): closed with the result recorded");
            }
            return new Decision(Outcome.REHANDLE, by + String.join(" and ", rehandle) + ": re-handled (重办) by the same unit, "
                    + "re-handle " + (rehandles + 1) + " of at most " + p.maxRehandles());
        }
        if (!close.isEmpty()) {
            return new Decision(Outcome.CLOSE, by + String.join(" and ", close) + ": closed with the result recorded");
        }
        return new Decision(Outcome.NONE, by + "solved and not dissatisfied: no follow-up, the order waits to be closed");
    }

    public List<RehandlingPolicy> all() {
        return repository.all();
    }

    /** What the policy in force on {@code day} does with these answers, and why. */
    public Explanation explain(ActionInput.Solved solved, ActionInput.Satisfaction satisfaction, int rehandles, LocalDate day) {
        if (day.getYear() < 1900 || day.getYear() > 9999) throw Problem.invalidField("on", "the year must be between 1900 and 9999");
        RehandlingPolicy p = repository.inForce(day).orElseThrow(() -> Problem.notFound("A re-handling policy in force on " + day));
        Decision d = decide(p, solved, satisfaction, rehandles);
        return new Explanation(p, d.outcome(), d.explanation());
    }

    @Transactional
    public RehandlingPolicy create(RehandlingPolicy.Draft d, CurrentUser actor) {
        if (!actor.is(Role.ADMIN)) throw Problem.forbidden("Only admins change the re-handling policy.");
        if (d.effectiveFrom() == null || d.effectiveFrom().isBefore(LocalDate.now(clock))) {
            throw Problem.invalidField("effectiveFrom", "must be today or later: callbacks already recorded keep their policy");
        }
        if (d.effectiveFrom().getYear() > 9999) throw Problem.invalidField("effectiveFrom", "the year must be at most 9999");
        if (d.onSolvedNo() == null) throw Problem.invalidField("onSolvedNo", "is required: REHANDLE or CLOSE");
        if (d.onSolvedPartly() == null) throw Problem.invalidField("onSolvedPartly", "is required: REHANDLE or CLOSE");
        if (d.onDissatisfied() == null) throw Problem.invalidField("onDissatisfied", "is required: REHANDLE or CLOSE");
        if (d.maxRehandles() == null || d.maxRehandles() < 0 || d.maxRehandles() > 10) {
            throw Problem.invalidField("maxRehandles", "must be between 0 and 10");
        }
        if (repository.exists(d.effectiveFrom())) {
            throw Problem.conflict("policy-exists", "A re-handling policy version already takes effect on " + d.effectiveFrom()
                    + "; choose another date.");
        }
        Instant now = clock.instant();
        long id = repository.insert(d, actor.username(), now);
        return repository.all().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    public record Explanation(RehandlingPolicy policy, Outcome outcome, String explanation) {
    }
}
