package io.swiftresponse.evaluation;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.shared.web.Problem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published (frozen) months: the ranking of every class as it stood when a supervisor published it, kept
 * append-only. Later changes (appeals, exclusions, late callbacks) never rewrite it; they show as corrections.
 */
@Service
public class PublishedMonths {

    public record Publication(String period, long ruleSetId, String frozenBy, Instant frozenAt) {
    }

    /** A unit whose figures changed after publication: as published (null if it was not ranked) and now (null if no longer). */
    public record Correction(UnitClass unitClass, String unitCode, String unitName, RankingEntry published, RankingEntry current) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    PublishedMonths(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public Optional<Publication> find(YearMonth month) {
        return jdbc.sql("select period, rule_set_id, frozen_by, frozen_at from evaluation_period where period = ?")
                .param(month.toString())
                .query((rs, i) -> new Publication(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Stores the given rankings (computed by the caller) as the published figures of the month. */
    @Transactional
    public Publication freeze(YearMonth month, long ruleSetId, Map<UnitClass, List<RankingEntry>> rankings, CurrentUser by) {
        if (month.atDay(1).isAfter(LocalDate.now(clock))) {
            throw Problem.conflict("period-not-started", "Month " + month + " has not started yet; nothing to publish.");
        }
        jdbc.sql("lock table evaluation_period in exclusive mode").update();
        if (find(month).isPresent()) {
            throw Problem.conflict("period-frozen", "Month " + month + " is already published; later changes show as corrections.");
        }
        Instant now = clock.instant();
        jdbc.sql("insert into evaluation_period (period, rule_set_id, frozen_by, frozen_at) values (?, ?, ?, ?)")
                .params(month.toString(), ruleSetId, by.username(), Timestamp.from(now)).update();
        rankings.forEach((cls, entries) -> entries.forEach(e -> jdbc.sql(
                "insert into evaluation_published (period, unit_class, unit_code, entry) values (?, ?, ?, ?::jsonb)")
                .params(month.toString(), cls.name(), e.unitCode(), json.writeValueAsString(e)).update()));
        return new Publication(month.toString(), ruleSetId, by.username(), now);
    }

    /** The published figures with today's beside them where they differ; units ranked only since then come last. */
    List<RankingEntry> overlay(YearMonth month, UnitClass cls, List<RankingEntry> current) {
        Map<String, RankingEntry> published = published(month, cls);
        if (published.isEmpty() && find(month).isEmpty()) return current;
        Map<String, RankingEntry> now = new LinkedHashMap<>();
        current.forEach(e -> now.put(e.unitCode(), e));
        List<RankingEntry> result = new ArrayList<>();
        published.values().forEach(p -> {
            RankingEntry c = now.remove(p.unitCode());
            result.add(p.asPublished(p.sameFigures(c) ? null : c == null ? missing(p) : c));
        });
        result.addAll(now.values());
        return result;
    }

    public List<Correction> corrections(YearMonth month, BiFunction<YearMonth, UnitClass, List<RankingEntry>> currentOf) {
        List<Correction> result = new ArrayList<>();
        for (UnitClass cls : UnitClass.values()) {
            Map<String, RankingEntry> published = published(month, cls);
            Map<String, RankingEntry> now = new LinkedHashMap<>();
            currentOf.apply(month, cls).forEach(e -> now.put(e.unitCode(), e));
            published.values().forEach(p -> {
                RankingEntry c = now.remove(p.unitCode());
                if (!p.sameFigures(c)) result.add(new Correction(cls, p.unitCode(), p.unitName(), p, c));
            });
            now.values().forEach(c -> result.add(new Correction(cls, c.unitCode(), c.unitName(), null, c)));
        }
        return result;
    }

    private Map<String, RankingEntry> published(YearMonth month, UnitClass cls) {
        Map<String, RankingEntry> result = new LinkedHashMap<>();
        jdbc.sql("select entry from evaluation_published where period = ? and unit_class = ? order by (entry->>'rank')::int, unit_code")
                .params(month.toString(), cls.name())
                .query((rs, i) -> json.readValue(rs.getString(1), RankingEntry.class))
                .list().forEach(e -> result.put(e.unitCode(), e));
        return result;
    }

    /** A published unit with no valid callback any more: zero figures, no rank. */
    private static RankingEntry missing(RankingEntry p) {
        return new RankingEntry(p.unitCode(), p.unitName(), p.unitClass(), 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null,
                null, 0, null, false, false, null);
    }
}
