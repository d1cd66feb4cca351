package io.swiftresponse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swiftresponse.shared.web.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every formula with numbers worked out by hand (rates are fractions with 4 decimals). */
class RuleSetTests {

    static final List<RuleSet.GradeBand> BANDS = List.of(new RuleSet.GradeBand("优秀", new BigDecimal("0.95")),
            new RuleSet.GradeBand("良好", new BigDecimal("0.90")), new RuleSet.GradeBand("合格", new BigDecimal("0.80")));

    static RuleSet defaults() {
        return new RuleSet(1, LocalDate.of(2020, 1, 1), new BigDecimal("0.5"), new BigDecimal("0.9"), new BigDecimal("0.1"),
                new BigDecimal("0.5"), new BigDecimal("0.4"), false, true, BANDS, 2, 2, null, "system", Instant.EPOCH);
    }

    @Test
    void defaultFormulasCountPartlyAsHalfAndBasicallySatisfiedAsNineTenths() {
        // 4 valid: contacted 3; solved YES 2, PARTLY 1; satisfied 1, basically 2; replied 4, 3 on time
        Score s = defaults().score(new Counts(4, 3, 2, 1, 1, 2, 4, 3));
        assertThat(s.responseRate()).isEqualByComparingTo("0.7500");       // 3 / 4
        assertThat(s.resolutionRate()).isEqualByComparingTo("0.6250");     // (2 + 0.5) / 4
        assertThat(s.satisfactionRate()).isEqualByComparingTo("0.7000");   // (1 + 0.9 × 2) / 4 = 2.8 / 4
        assertThat(s.composite()).isEqualByComparingTo("0.6675");          // 0.075 + 0.3125 + 0.28
        assertThat(s.timelinessRate()).isEqualByComparingTo("0.7500");     // 3 / 4
        assertThat(s.grade()).isEqualTo("不合格");
        assertThat(s.composite().scale()).isEqualTo(4);
    }

    @Test
    void compositeIsComputedFromUnroundedRates() {
        // 3 valid, all contacted, 2 solved, 2 satisfied: 1, 2/3, 2/3 → 0.1 + 0.5 × 0.6667 + 0.4 × 0.6667 = 0.7 exactly
        Score s = defaults().score(new Counts(3, 3, 2, 0, 2, 0, 0, 0));
        assertThat(s.resolutionRate()).isEqualByComparingTo("0.6667");
        assertThat(s.composite()).isEqualByComparingTo("0.7000");
        assertThat(s.timelinessRate()).isNull(); // nothing replied: no rate rather than a made-up zero
    }

    @Test
    void gradeBandsAreInclusiveLowerBounds() {
        RuleSet r = defaults();
        assertThat(r.grade(new BigDecimal("0.9500"))).isEqualTo("优秀");
        assertThat(r.grade(new BigDecimal("0.9499"))).isEqualTo("良好");
        assertThat(r.grade(new BigDecimal("0.9000"))).isEqualTo("良好");
        assertThat(r.grade(new BigDecimal("0.8000"))).isEqualTo("合格");
        assertThat(r.grade(new BigDecimal("0.7999"))).isEqualTo("不合格");
        // all 20 solved and satisfied, 19 contacted: 0.1 × 0.95 + 0.5 + 0.4 = 0.995
        assertThat(r.score(new Counts(20, 19, 20, 0, 20, 0, 0, 0)).grade()).isEqualTo("优秀");
    }

    @Test
    void noValidCallbackMeansNoRatesAndNoGrade() {
        Score s = defaults().score(Counts.ZERO);
        assertThat(s.composite()).isNull();
        assertThat(s.grade()).isNull();
        assertThat(s.responseRate()).isNull();
    }

    @Test
    void explanationShowsTheFormulasWithTheUnitsNumbers() {
        List<String> lines = defaults().explain(new Counts(4, 3, 2, 1, 1, 2, 4, 3));
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("responseRate = contacted / valid = 3 / 4 = 0.7500"));
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("resolutionRate = (solved + 0.5 × partly) / valid = (2 + 0.5 × 1) / 4 = 0.6250"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("composite = 0.1 × response + 0.5 × resolution + 0.4 × satisfaction = 0.6675"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("grade = 不合格"));
    }

    @Test
    void otherWeightsChangeTheScore() {
        // PARTLY counts nothing, basically satisfied counts fully, weights 0.2 / 0.4 / 0.4
        RuleSet r = new RuleSet(2, LocalDate.of(2026, 1, 1), BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("0.2"),
                new BigDecimal("0.4"), new BigDecimal("0.4"), true, false, BANDS, 1, 1, null, "x", Instant.EPOCH);
        Score s = r.score(new Counts(4, 3, 2, 1, 1, 2, 0, 0));
        assertThat(s.resolutionRate()).isEqualByComparingTo("0.5000");    // 2 / 4
        assertThat(s.satisfactionRate()).isEqualByComparingTo("0.7500");  // (1 + 2) / 4
        assertThat(s.composite()).isEqualByComparingTo("0.6500");         // 0.15 + 0.2 + 0.3
    }

    @Test
    void ruleSetsAreCheckedOnSave() {
        RuleSets.NewRuleSet ok = new RuleSets.NewRuleSet(LocalDate.of(2027, 1, 1), new BigDecimal("0.5"), new BigDecimal("0.9"),
                new BigDecimal("0.1"), new BigDecimal("0.5"), new BigDecimal("0.4"), false, true, BANDS, 30, 30, null);
        RuleSets.validate(ok);
        assertThatThrownBy(() -> RuleSets.validate(new RuleSets.NewRuleSet(ok.effectiveFrom(), ok.partlySolvedWeight(),
                ok.basicallySatisfiedWeight(), new BigDecimal("0.2"), ok.resolutionWeight(), ok.satisfactionWeight(), false, true,
                BANDS, 30, 30, null))).isInstanceOf(Problem.class).hasMessageContaining("add up to 1");
        assertThatThrownBy(() -> RuleSets.validate(new RuleSets.NewRuleSet(ok.effectiveFrom(), new BigDecimal("1.5"),
                ok.basicallySatisfiedWeight(), ok.responseWeight(), ok.resolutionWeight(), ok.satisfactionWeight(), false, true,
                BANDS, 30, 30, null))).isInstanceOf(Problem.class).hasMessageContaining("partlySolvedWeight");
        assertThatThrownBy(() -> RuleSets.validate(new RuleSets.NewRuleSet(ok.effectiveFrom(), ok.partlySolvedWeight(),
                ok.basicallySatisfiedWeight(), ok.responseWeight(), ok.resolutionWeight(), ok.satisfactionWeight(), false, true,
                List.of(BANDS.get(2), BANDS.get(0)), 30, 30, null))).isInstanceOf(Problem.class).hasMessageContaining("highest");
        assertThatThrownBy(() -> RuleSets.validate(new RuleSets.NewRuleSet(null, ok.partlySolvedWeight(),
                ok.basicallySatisfiedWeight(), ok.responseWeight(), ok.resolutionWeight(), ok.satisfactionWeight(), false, true,
                BANDS, 30, 30, null))).isInstanceOf(Problem.class).hasMessageContaining("effectiveFrom");
    }
}
