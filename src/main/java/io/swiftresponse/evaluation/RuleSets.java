package io.swiftresponse.evaluation;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.shared.web.Problem;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The versioned evaluation rules: checked on save, never edited, chosen by the date a period starts. */
@Service
public class RuleSets {

    private static final TypeReference<List<RuleSet.GradeBand>> BANDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    RuleSets(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public List<RuleSet> all() {
        return jdbc.sql("select * from evaluation_rule_set order by effective_from").query(this::map).list();
    }

    public RuleSet find(long id) {
        return jdbc.sql("select * from evaluation_rule_set where id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> Problem.notFound("Rule set " + id));
    }

    /** The rule set in force on the day; the defaults from 2020 cover every earlier period too. */
    public RuleSet inForce(LocalDate day) {
        return jdbc.sql("select * from evaluation_rule_set where effective_from <= ? order by effective_from desc limit 1")
                .param(day).query(this::map).optional()
                .orElseGet(() -> jdbc.sql("select * from evaluation_rule_set order by effective_from limit 1").query(this::map).single());
    }

    public record NewRuleSet(LocalDate effectiveFrom, BigDecimal partlySolvedWeight, BigDecimal basicallySatisfiedWeight,
            BigDecimal responseWeight, BigDecimal resolutionWeight, BigDecimal satisfactionWeight, Boolean countCoUnits,
            Boolean streetCountsForDistrict, List<RuleSet.GradeBand> gradeBands, Integer governanceVolumeTop,
            Integer governanceScoreBottom, String note) {
    }

    @Transactional
    public RuleSet create(NewRuleSet r, CurrentUser by) {
        validate(r);
        if (jdbc.sql("select count(*) from evaluation_rule_set where effective_from = ?").param(r.effectiveFrom())
                .query(Long.class).single() > 0) {
            throw Problem.conflict("rule-set-exists", "A rule set effective from " + r.effectiveFrom()
                    + " already exists; rule sets are never edited: choose another effective date.");
        }
        long id = jdbc.sql("""
                insert into evaluation_rule_set (effective_from, partly_solved_weight, basically_satisfied_weight, response_weight,
                    resolution_weight, satisfaction_weight, count_co_units, street_counts_for_district, grade_bands,
                    governance_volume_top, governance_score_bottom, note, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) returning id""")
                .params(r.effectiveFrom(), r.partlySolvedWeight(), r.basicallySatisfiedWeight(), r.responseWeight(),
                        r.resolutionWeight(), r.satisfactionWeight(), r.countCoUnits(), r.streetCountsForDistrict(),
                        json.writeValueAsString(r.gradeBands()), r.governanceVolumeTop(), r.governanceScoreBottom(), r.note(),
                        by.username(), java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return find(id);
    }

    static void validate(NewRuleSet r) {
        if (r.effectiveFrom() == null) throw Problem.invalidField("effectiveFrom", "is required (yyyy-MM-dd)");
        fraction(r.partlySolvedWeight(), "partlySolvedWeight");
        fraction(r.basicallySatisfiedWeight(), "basicallySatisfiedWeight");
        fraction(r.responseWeight(), "responseWeight");
        fraction(r.resolutionWeight(), "resolutionWeight");
        fraction(r.satisfactionWeight(), "satisfactionWeight");
        BigDecimal sum = r.responseWeight().add(r.resolutionWeight()).add(r.satisfactionWeight());
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw Problem.invalidField("responseWeight", "the three weights must add up to 1, they add up to " + sum.toPlainString());
        }
        if (r.countCoUnits() == null) throw Problem.invalidField("countCoUnits", "is required (true or false)");
        if (r.streetCountsForDistrict() == null) throw Problem.invalidField("streetCountsForDistrict", "is required (true or false)");
        if (r.gradeBands() == null || r.gradeBands().isEmpty()) {
            throw Problem.invalidField("gradeBands", "give at least one band, e.g. [{\"grade\":\"优秀\",\"min\":0.95}]");
        }
        BigDecimal previous = null;
        Set<String> names = new HashSet<>();
        for (RuleSet.GradeBand b : r.gradeBands()) {
            if (b == null || b.grade() == null || b.grade().isBlank() || b.grade().length() > 20) {
                throw Problem.invalidField("gradeBands", "every band needs a grade name of 1 to 20 characters");
            }
            if (!names.add(b.grade())) throw Problem.invalidField("gradeBands", "grade '" + b.grade() + "' appears twice");
            fraction(b.min(), "gradeBands");
            if (previous != null && b.min().compareTo(previous) >= 0) {
                throw Problem.invalidField("gradeBands", "bands must be listed from the highest minimum to the lowest");
            }
            previous = b.min();
        }
        count(r.governanceVolumeTop(), "governanceVolumeTop");
        count(r.governanceScoreBottom(), "governanceScoreBottom");
        if (r.note() != null && r.note().length() > 200) throw Problem.invalidField("note", "at most 200 characters");
    }

    private static void fraction(BigDecimal v, String field) {
        if (v == null) throw Problem.invalidField(field, "is required: a fraction between 0 and 1");
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0 || v.scale() > 4) {
            throw Problem.invalidField(field, "must be a fraction between 0 and 1 with at most 4 decimals, not " + v.toPlainString());
        }
    }

    private static void count(Integer v, String field) {
        if (v == null || v < 0 || v > 10_000) throw Problem.invalidField(field, "is required: a whole number from 0 to 10000");
    }

    private RuleSet map(ResultSet rs, int i) throws SQLException {
        return new RuleSet(rs.getLong("id"), rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("partly_solved_weight"),
                rs.getBigDecimal("basically_satisfied_weight"), rs.getBigDecimal("response_weight"),
                rs.getBigDecimal("resolution_weight"), rs.getBigDecimal("satisfaction_weight"), rs.getBoolean("count_co_units"),
                rs.getBoolean("street_counts_for_district"), json.readValue(rs.getString("grade_bands"), BANDS),
                rs.getInt("governance_volume_top"), rs.getInt("governance_score_bottom"), rs.getString("note"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
