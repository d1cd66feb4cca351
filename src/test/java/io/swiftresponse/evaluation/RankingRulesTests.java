package io.swiftresponse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swiftresponse.shared.web.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attribution by rule, governance candidates, periods and export escaping. */
class RankingRulesTests {

    @Test
    void streetResultsCountForTheDistrictAndCoUnitsOnlyWhenTheRulesSaySo() {
        Counts lead = new Counts(2, 2, 2, 0, 2, 0, 0, 0);
        Counts viaStreets = new Counts(3, 1, 1, 1, 1, 1, 0, 0);
        Counts asCo = new Counts(5, 5, 5, 0, 5, 0, 0, 0);
        Map<Counters.Attribution, Counts> by = Map.of(Counters.Attribution.L, lead, Counters.Attribution.D, viaStreets,
                Counters.Attribution.C, asCo);
        assertThat(Rankings.counted(by, RuleSetTests.defaults()).valid()).isEqualTo(5); // L + D, not C
        RuleSet d = RuleSetTests.defaults();
        RuleSet withCo = new RuleSet(2, d.effectiveFrom(), d.partlySolvedWeight(), d.basicallySatisfiedWeight(), d.responseWeight(),
                d.resolutionWeight(), d.satisfactionWeight(), true, false, d.gradeBands(), 2, 2, null, "x", d.createdAt());
        assertThat(Rankings.counted(by, withCo).valid()).isEqualTo(7); // L + C, not D
    }

    @Test
    void governanceCandidatesAreBusyAndWeak() {
        // top 2 by volume: S1 (100), S2 (90); bottom 2 by composite: S2 (0.70), S3 (0.75) → only S2 is both
        List<RankingEntry> streets = List.of(entry("S1", 100, "0.99"), entry("S2", 90, "0.70"), entry("S3", 10, "0.75"),
                entry("S4", 20, "0.95"));
        assertThat(Rankings.governanceCandidates(streets, RuleSetTests.defaults())).containsExactly("S2");
    }

    @Test
    void periodsAreMonthsOrRangesAndMalformedOnesAreRefused() {
        Period m = Period.parse("2026-02", null, null);
        assertThat(m.from()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(m.to()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(m.previous().label()).isEqualTo("2026-01");
        Period r = Period.parse(null, "2026-03-10", "2026-03-19");
        assertThat(r.previous().from()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(r.previous().to()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(Period.parse(null, "2026-03-01", "2026-03-31").month()).hasToString("2026-03");
        for (String bad : new String[] {"2026-13", "2026-1", "26-11", "2026/11", "abcd-ef", "", "2026-11-01"}) {
            assertThatThrownBy(() -> Period.parse(bad, null, null)).as(bad).isInstanceOf(Problem.class);
        }
        assertThatThrownBy(() -> Period.parse(null, "2026-03-10", "2026-03-01")).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> Period.parse("2026-03", "2026-03-10", null)).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> Period.parse(null, null, null)).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> UnitClass.parse("district")).isInstanceOf(Problem.class);
    }

    @Test
    void csvNeverLetsACellRunAsAFormula() {
        assertThat(EvaluationExports.quote("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(EvaluationExports.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(EvaluationExports.quote("-2")).isEqualTo("\"-2\"");
    }

    private static RankingEntry entry(String code, long valid, String composite) {
        return new RankingEntry(code, code, UnitClass.STREET, valid, 0, 0, 0, 0, 0, 0, 0, null, null, null, null,
                new java.math.BigDecimal(composite), null, 0, null, false, false, null);
    }
}
