package io.swiftresponse.callback;

import static io.swiftresponse.callback.RehandlingPolicy.FollowUp.CLOSE;
import static io.swiftresponse.callback.RehandlingPolicy.FollowUp.REHANDLE;
import static io.swiftresponse.workorder.ActionInput.Satisfaction.BASICALLY_SATISFIED;
import static io.swiftresponse.workorder.ActionInput.Satisfaction.DISSATISFIED;
import static io.swiftresponse.workorder.ActionInput.Satisfaction.SATISFIED;
import static io.swiftresponse.workorder.ActionInput.Solved.NO;
import static io.swiftresponse.workorder.ActionInput.Solved.PARTLY;
import static io.swiftresponse.workorder.ActionInput.Solved.YES;
import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.workorder.CallbackPolicy.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RehandlingPolicyTests {

    /** The default: not solved is re-handled, partly solved and dissatisfied are closed; at most two re-handles. */
    static final RehandlingPolicy DEFAULT = new RehandlingPolicy(1, LocalDate.of(2020, 1, 1), REHANDLE, CLOSE, CLOSE, 2, null,
            "system", Instant.EPOCH);
    static final RehandlingPolicy STRICT = new RehandlingPolicy(2, LocalDate.of(2027, 1, 1), REHANDLE, REHANDLE, REHANDLE, 1,
            null, "admin", Instant.EPOCH);

    @Test
    void eachUnhappyAnswerFollowsItsRule() {
        assertThat(RehandlingPolicies.decide(DEFAULT, NO, SATISFIED, 0).outcome()).isEqualTo(Outcome.REHANDLE);
        assertThat(RehandlingPolicies.decide(DEFAULT, PARTLY, SATISFIED, 0).outcome()).isEqualTo(Outcome.CLOSE);
        assertThat(RehandlingPolicies.decide(DEFAULT, YES, DISSATISFIED, 0).outcome()).isEqualTo(Outcome.CLOSE);
        assertThat(RehandlingPolicies.decide(STRICT, PARTLY, BASICALLY_SATISFIED, 0).outcome()).isEqualTo(Outcome.REHANDLE);
        assertThat(RehandlingPolicies.decide(STRICT, YES, DISSATISFIED, 0).outcome()).isEqualTo(Outcome.REHANDLE);
    }

    @Test
    void aHappyAnswerHasNoFollowUp() {
        assertThat(RehandlingPolicies.decide(DEFAULT, YES, SATISFIED, 0).outcome()).isEqualTo(Outcome.NONE);
        assertThat(RehandlingPolicies.decide(STRICT, YES, BASICALLY_SATISFIED, 5).outcome()).isEqualTo(Outcome.NONE);
    }

    @Test
    void reHandlingWinsOverClosingWhenSeveralRulesApply() {
        var d = RehandlingPolicies.decide(DEFAULT, NO, DISSATISFIED, 0);
        assertThat(d.outcome()).isEqualTo(Outcome.REHANDLE);
        assertThat(d.explanation()).contains("policy #1").contains("not solved").contains("re-handle 1 of at most 2");
    }

    @Test
    void closesInsteadOnceTheOrderWasReHandledAsOftenAsAllowed() {
        assertThat(RehandlingPolicies.decide(DEFAULT, NO, DISSATISFIED, 1).outcome()).isEqualTo(Outcome.REHANDLE);
        var d = RehandlingPolicies.decide(DEFAULT, NO, DISSATISFIED, 2);
        assertThat(d.outcome()).isEqualTo(Outcome.CLOSE);
        assertThat(d.explanation()).contains("already been re-handled 2 time(s)");
        assertThat(RehandlingPolicies.decide(STRICT, NO, SATISFIED, 1).outcome()).isEqualTo(Outcome.CLOSE);
    }
}
