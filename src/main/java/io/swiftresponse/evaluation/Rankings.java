package io.swiftresponse.evaluation;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.identity.CurrentUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rankings per class of unit, read from the per-day counters only: the cost depends on units × days, not on the
 * number of orders. A published month answers with its published figures and shows later corrections beside them.
 */
@Service
public class Rankings {

    private static final Comparator<RankingEntry> BEST_FIRST = Comparator.comparing(RankingEntry::composite).reversed()
            .thenComparing(Comparator.comparingLong(RankingEntry::valid).reversed()).thenComparing(RankingEntry::unitCode);

    private final Counters counters;
    private final RuleSets rules;
    private final Directory directory;
    private final PublishedMonths published;

    Rankings(Counters counters, RuleSets rules, Directory directory, PublishedMonths published) {
        this.counters = counters;
        this.rules = rules;
        this.directory = directory;
        this.published = published;
    }

    /** The ranking as the user may see it: a handler sees its own unit, a district handler also its streets. */
    @Transactional(readOnly = true)
    public List<RankingEntry> view(Period p, UnitClass cls, CurrentUser user) {
        List<RankingEntry> current = current(p, cls);
        List<RankingEntry> shown = p.month() == null ? current : published.overlay(p.month(), cls, current);
        return shown.stream().filter(e -> EvaluationScope.sees(user, e.unitCode(), directory)).toList();
    }

    /** The latest month with scored results (the month a ranking view opens on), if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<java.time.YearMonth> latestMonth() {
        return counters.latestDay().map(java.time.YearMonth::from);
    }

    /** Today's figures, ranked, with the change against the previous period. */
    public List<RankingEntry> current(Period p, UnitClass cls) {
        RuleSet r = rules.inForce(p.from());
        List<RankingEntry> now = rank(p, cls, r);
        Map<String, Integer> before = new HashMap<>();
        Period prev = p.previous();
        rank(prev, cls, rules.inForce(prev.from())).forEach(e -> before.put(e.unitCode(), e.rank()));
        Set<String> candidates = cls == UnitClass.STREET ? governanceCandidates(now, r) : Set.of();
        return now.stream().map(e -> e.ranked(e.rank(), before.containsKey(e.unitCode()) ? before.get(e.unitCode()) - e.rank() : null,
                candidates.contains(e.unitCode()))).toList();
    }

    /** A unit's counts per attribution over the period, and the ones the rules let count. */
    public Map<Counters.Attribution, Counts> breakdown(Period p, String unitCode) {
        Map<Counters.Attribution, Counts> result = new EnumMap<>(Counters.Attribution.class);
        result.putAll(counters.sum(p.from(), p.to()).getOrDefault(unitCode, Map.of()));
        return result;
    }

    static Counts counted(Map<Counters.Attribution, Counts> byAttribution, RuleSet r) {
        Counts c = byAttribution.getOrDefault(Counters.Attribution.L, Counts.ZERO);
        if (r.streetCountsForDistrict()) c = c.plus(byAttribution.getOrDefault(Counters.Attribution.D, Counts.ZERO));
        if (r.countCoUnits()) c = c.plus(byAttribution.getOrDefault(Counters.Attribution.C, Counts.ZERO));
        return c;
    }

    private List<RankingEntry> rank(Period p, UnitClass cls, RuleSet r) {
        Map<String, Map<Counters.Attribution, Counts>> sums = counters.sum(p.from(), p.to());
        List<RankingEntry> entries = new ArrayList<>();
        for (Unit u : directory.ofType(cls.type)) {
            Counts c = counted(sums.getOrDefault(u.code(), Map.of()), r);
            if (c.valid() > 0) entries.add(RankingEntry.of(u.code(), u.name(), cls, c, r.score(c)));
        }
        entries.sort(BEST_FIRST);
        List<RankingEntry> ranked = new ArrayList<>(entries.size());
        BigDecimal last = null;
        int rank = 0;
        for (int i = 0; i < entries.size(); i++) {
            RankingEntry e = entries.get(i);
            if (last == null || e.composite().compareTo(last) != 0) rank = i + 1; // equal composites share a rank (1, 2, 2, 4)
            last = e.composite();
            ranked.add(e.ranked(rank, null, false));
        }
        return ranked;
    }

    /** 治理类街乡镇: among the N streets with the most valid callbacks, those among the M lowest composites. */
    static Set<String> governanceCandidates(List<RankingEntry> streets, RuleSet r) {
        Set<String> busiest = new HashSet<>();
        streets.stream().sorted(Comparator.comparingLong(RankingEntry::valid).reversed().thenComparing(RankingEntry::unitCode))
                .limit(r.governanceVolumeTop()).forEach(e -> busiest.add(e.unitCode()));
        Set<String> result = new HashSet<>();
        streets.stream().sorted(BEST_FIRST.reversed()).limit(r.governanceScoreBottom()).map(RankingEntry::unitCode)
                .filter(busiest::contains).forEach(result::add);
        return result;
    }
}
