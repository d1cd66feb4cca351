package io.swiftresponse.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-unit per-day counters ({@code evaluation_counter}). Changes arrive as deltas: the old contribution of
 * an order taken out, the new one put in. Deltas are applied in key order so that two orders touching the same
 * rows lock them in the same order and cannot deadlock.
 */
@Repository
class Counters {

    /** L = the lead unit, D = the district of a street lead unit, C = a co-unit. */
    enum Attribution { L, D, C }

    record Key(LocalDate day, String unitCode, Attribution attribution) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::day).thenComparing(Key::unitCode)
                .thenComparing(Key::attribution);
    }

    private final JdbcClient jdbc;

    Counters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves an order's contribution from {@code before} to {@code after} (either may be null or excluded). */
    void move(OrderResult before, OrderResult after) {
        Map<Key, Counts> delta = new TreeMap<>(Key.ORDER);
        contribute(delta, before, true);
        contribute(delta, after, false);
        delta.forEach((k, c) -> {
            if (!c.isZero()) apply(k, c);
        });
    }

    private static void contribute(Map<Key, Counts> delta, OrderResult r, boolean takeOut) {
        if (r == null || r.excluded()) return;
        Counts c = takeOut ? r.counts().negate() : r.counts();
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(r.day(), r.leadUnitCode(), Attribution.L));
        if (r.districtCode() != null) keys.add(new Key(r.day(), r.districtCode(), Attribution.D));
        r.coUnitCodes().stream().distinct().filter(u -> !u.equals(r.leadUnitCode()))
                .forEach(u -> keys.add(new Key(r.day(), u, Attribution.C)));
        keys.forEach(k -> delta.merge(k, c, Counts::plus));
    }

    private void apply(Key k, Counts c) {
        jdbc.sql("""
                insert into evaluation_counter as t (day, unit_code, attribution, valid, contacted, solved, partly, satisfied,
                    basically, replied, on_time)
                values (:day, :unit, :attr, :valid, :contacted, :solved, :partly, :satisfied, :basically, :replied, :onTime)
                on conflict (day, unit_code, attribution) do update set valid = t.valid + excluded.valid,
                    contacted = t.contacted + excluded.contacted, solved = t.solved + excluded.solved,
                    partly = t.partly + excluded.partly, satisfied = t.satisfied + excluded.satisfied,
                    basically = t.basically + excluded.basically, replied = t.replied + excluded.replied,
                    on_time = t.on_time + excluded.on_time""")
                .param("day", k.day()).param("unit", k.unitCode()).param("attr", k.attribution().name())
                .param("valid", c.valid()).param("contacted", c.contacted()).param("solved", c.solved())
                .param("partly", c.partly()).param("satisfied", c.satisfied()).param("basically", c.basically())
                .param("replied", c.replied()).param("onTime", c.onTime())
                .update();
        if (c.valid() < 0) {
            // a row whose last order left is removed, so the table holds only days with results
            jdbc.sql("delete from evaluation_counter where day = ? and unit_code = ? and attribution = ? and valid = 0")
                    .params(k.day(), k.unitCode(), k.attribution().name()).update();
        }
    }

    /** Sums per unit and attribution over a date range: reads at most units × days × 3 rows. */
    Map<String, Map<Attribution, Counts>> sum(LocalDate from, LocalDate to) {
        Map<String, Map<Attribution, Counts>> result = new TreeMap<>();
        jdbc.sql("""
                select unit_code, attribution, sum(valid), sum(contacted), sum(solved), sum(partly), sum(satisfied),
                    sum(basically), sum(replied), sum(on_time)
                from evaluation_counter where day between ? and ? group by unit_code, attribution""")
                .params(from, to)
                .query(rs -> {
                    result.computeIfAbsent(rs.getString(1), u -> new TreeMap<>()).put(Attribution.valueOf(rs.getString(2).trim()),
                            new Counts(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                                    rs.getLong(9), rs.getLong(10)));
                });
        return result;
    }

    /** The last day with any scored result, if there is one (the panel's default month). */
    java.util.Optional<LocalDate> latestDay() {
        return jdbc.sql("select max(day) from evaluation_counter").query((rs, n) -> rs.getObject(1, LocalDate.class)).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }
}
