package io.swiftresponse.evaluation;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.shared.web.Problem;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases around a unit's score and publishing a month. */
@Service
public class Evaluations {

    /** A unit's score over a period, with the numbers and formulas behind it. */
    public record UnitScore(String unitCode, String unitName, UnitClass unitClass, String period, long ruleSetId,
            Map<String, Counts> countsByAttribution, List<String> countedAttributions, RankingEntry entry,
            List<String> explanation) {
    }

    private final Rankings rankings;
    private final RuleSets rules;
    private final Directory directory;
    private final PublishedMonths published;

    Evaluations(Rankings rankings, RuleSets rules, Directory directory, PublishedMonths published) {
        this.rankings = rankings;
        this.rules = rules;
        this.directory = directory;
        this.published = published;
    }

    @Transactional(readOnly = true)
    public UnitScore unit(String code, Period p, CurrentUser user) {
        Unit u = directory.find(code).filter(x -> UnitClass.of(x.type()) != null && EvaluationScope.sees(user, x.code(), directory))
                .orElseThrow(() -> Problem.notFound("Evaluated unit " + code));
        UnitClass cls = UnitClass.of(u.type());
        RuleSet r = rules.inForce(p.from());
        Map<Counters.Attribution, Counts> by = rankings.breakdown(p, code);
        Counts counted = Rankings.counted(by, r);
        RankingEntry entry = rankings.view(p, cls, user).stream().filter(e -> e.unitCode().equals(code)).findFirst().orElse(null);
        Map<String, Counts> named = new java.util.LinkedHashMap<>();
        named.put("asLeadUnit", by.getOrDefault(Counters.Attribution.L, Counts.ZERO));
        named.put("viaItsStreets", by.getOrDefault(Counters.Attribution.D, Counts.ZERO));
        named.put("asCoUnit", by.getOrDefault(Counters.Attribution.C, Counts.ZERO));
        List<String> counting = new java.util.ArrayList<>(List.of("asLeadUnit"));
        if (r.streetCountsForDistrict()) counting.add("viaItsStreets");
        if (r.countCoUnits()) counting.add("asCoUnit");
        return new UnitScore(u.code(), u.name(), cls, p.label(), r.id(), named, counting, entry, r.explain(counted));
    }

    @Transactional
    public PublishedMonths.Publication freeze(YearMonth month, CurrentUser by) {
        Period p = Period.of(month);
        Map<UnitClass, List<RankingEntry>> all = new EnumMap<>(UnitClass.class);
        for (UnitClass cls : UnitClass.values()) all.put(cls, rankings.current(p, cls));
        return published.freeze(month, rules.inForce(p.from()).id(), all, by);
    }

    @Transactional(readOnly = true)
    public List<PublishedMonths.Correction> corrections(YearMonth month) {
        published.find(month).orElseThrow(() -> Problem.notFound("Published month " + month));
        return published.corrections(month, (m, cls) -> rankings.current(Period.of(m), cls));
    }

    public java.util.Optional<PublishedMonths.Publication> publication(YearMonth month) {
        return published.find(month);
    }
}
