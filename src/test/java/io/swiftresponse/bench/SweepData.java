package io.swiftresponse.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sweep benchmark's data: N IN_PROGRESS orders spread over every street and GENERAL category, a running REPLY clock
 * each (every step-th one overdue, due within the hour before {@code now}, the others due later) and the clocks an
 * order in progress has met already (outside every partial index, but in the table); and putting the marks back
 * between runs, so that every run finds the same clocks due.
 */
final class SweepData {

    final JdbcTemplate jdbc;
    final Instant now;

    SweepData(JdbcTemplate jdbc, Instant now) {
        this.jdbc = jdbc;
        this.now = now;
    }

    /** The instant the data was loaded for (the orders were recorded two days before it), or null before any load. */
    static Instant loadedFor(JdbcTemplate jdbc) {
        Timestamp t = jdbc.queryForObject("select max(recorded_at) + interval '2 days' from work_order where recorded_by = 'bench'",
                Timestamp.class);
        return t == null ? null : t.toInstant();
    }

    void load(int orders, int step, int metClocks) {
        Map<String, Object> codes = jdbc.queryForMap("""
                select (select id from sla_policy where tier_code = 'GENERAL' and category_code is null order by id limit 1) as policy,
                       (select count(*) from unit where type = 'STREET') as streets,
                       (select count(*) from category where level = 3 and tier_code = 'GENERAL') as cats""");
        Timestamp ts = Timestamp.from(now);
        long t = System.nanoTime();
        for (int from = 1; from <= orders; from += 250_000) {
            // IN_PROGRESS orders spread over every street (lead unit) and its district (copy unit) and the GENERAL categories
            jdbc.update("""
                    insert into work_order (number, channel, request_type, category_code, title, description, requester_name,
                        requester_phone, address, street_code, district_code, state, lead_unit_code, copy_unit_code, tier_code,
                        sla_policy_id, recorded_by, recorded_at, updated_at)
                    select 'B' || lpad(k::text, 11, '0'), 'PHONE', 'COMPLAINT', c.code, '路灯不亮 #' || k,
                           '小区门口路灯连续三晚不亮，夜间出行不便，请尽快维修。工单 ' || k, '张先生', '138' || lpad((k % 100000000)::text, 8, '0'),
                           '朝阳区某某路 ' || (k % 500) || ' 号', s.code, s.parent_code, 'IN_PROGRESS', s.code, s.parent_code, 'GENERAL',
                           ?, 'bench', ?::timestamptz - interval '2 days', ?::timestamptz - interval '1 day'
                    from generate_series(?, ?) k
                    join (select code, parent_code, (row_number() over (order by code) - 1)::int as i from unit where type = 'STREET') s
                      on s.i = k % ?
                    join (select code, (row_number() over (order by code) - 1)::int as i from category
                          where level = 3 and tier_code = 'GENERAL') c on c.i = k % ?""",
                    codes.get("policy"), ts, ts, from, Math.min(orders, from + 249_999), ((Number) codes.get("streets")).intValue(),
                    ((Number) codes.get("cats")).intValue());
        }
        System.out.printf("loaded %,d work orders in %.1f s%n", orders, (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        // REPLY runs on every order; every step-th is overdue (due within the last hour, warned already, escalation tomorrow),
        // the others are due 2 h .. 14 days from now with their warning 1 h before: nothing else is due
        jdbc.update("""
                insert into order_deadline (order_id, clock, started_at, due_at, warn_at, escalate_at, provisional, basis)
                select id, 'REPLY', ?::timestamptz - interval '1 day', due, due - interval '1 hour', due + interval '24 hours', false,
                       'REPLY: 7 working days from 2026-11-20 09:00 under policy #3 (GENERAL, in force from 2020-01-01, default four-tier model); on the official working-day calendar'
                from (select id, k % ? = 0 as overdue,
                             case when k % ? = 0 then ?::timestamptz - (1 + (k / ?) % 3600) * interval '1 second'
                                  else ?::timestamptz + interval '2 hours' + (k % 20000) * interval '1 minute' end as due
                      from (select id, substring(number from 2)::int as k from work_order where recorded_by = 'bench') o) x""",
                ts, step, step, ts, step, ts);
        // the clocks an IN_PROGRESS order has already met: outside every partial index, but in the table
        String[] met = {"DISPATCH", "SIGN", "CONTACT"};
        for (int m = 0; m < Math.min(metClocks, met.length); m++) {
            jdbc.update("""
                    insert into order_deadline (order_id, clock, started_at, due_at, warn_at, escalate_at, met_at, provisional, basis)
                    select id, ?, recorded_at, recorded_at + interval '24 hours', recorded_at + interval '19 hours',
                           recorded_at + interval '48 hours', recorded_at + interval '3 hours', false, ? || ': 24 h from 2026-11-20 09:00 under policy #3 (GENERAL, in force from 2020-01-01, default four-tier model); clock hours (7×24)'
                    from work_order where recorded_by = 'bench'""", met[m], met[m]);
        }
        System.out.printf("loaded %,d clocks in %.1f s%n", count("select count(*) from order_deadline"), (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        jdbc.execute("vacuum analyze work_order, order_deadline");
        jdbc.execute("checkpoint");
        System.out.printf("vacuum analyze + checkpoint in %.1f s; order_deadline %s (due index %s), work_order %s, shared_buffers %s%n",
                (System.nanoTime() - t) / 1e9, size("order_deadline"), size("order_deadline_due_idx"), size("work_order"),
                jdbc.queryForObject("show shared_buffers", String.class));
    }

    /**
     * Takes the marks away (the same clocks overdue again; the orders unsupervised, with the updated_at they were loaded
     * with), then VACUUM ANALYZE and a checkpoint: every run starts with clean pages, so each page it writes costs a
     * full-page image in the WAL, as after any checkpoint in production.
     */
    void restore() throws InterruptedException {
        awaitNotifications(count("select count(*) from notification"), System.nanoTime());
        // only the sweep's own marks go (marked at the sweep's instant); deadline_mark is append-only, the trigger is
        // lifted for this. TRUNCATE would leave an empty table whose plan (a sequential scan per anti-join probe, chosen
        // while the table is tiny and kept by the prepared statement) makes a sweep quadratic: seen, 5-50 s
        jdbc.execute("alter table deadline_mark disable trigger deadline_mark_append_only");
        jdbc.update("delete from deadline_mark where marked_at = ?::timestamptz", Timestamp.from(now));
        jdbc.execute("alter table deadline_mark enable trigger deadline_mark_append_only");
        jdbc.execute("vacuum analyze deadline_mark");
        jdbc.update("update work_order set supervised = false, updated_at = ?::timestamptz - interval '1 day' where supervised",
                Timestamp.from(now));
        jdbc.execute("vacuum analyze work_order, order_deadline");
        jdbc.execute("checkpoint");
    }

    /**
     * The marks an installation has from its past, as production has (a few per clock, kept like history): a WARNING mark
     * for each met DISPATCH clock (none with --met-clocks 0). With them the planner knows the table and probes it by its
     * primary key.
     */
    void seedMarks() {
        long t = System.nanoTime();
        jdbc.update("""
                insert into deadline_mark (kind, point, order_id, clock, marked_at)
                select 'WARNING', warn_at, order_id, clock, warn_at from order_deadline where clock = 'DISPATCH' and met_at is not null
                on conflict do nothing""");
        jdbc.execute("vacuum analyze deadline_mark");
        System.out.printf("seeded %,d past marks in %.1f s%n", count("select count(*) from deadline_mark"), (System.nanoTime() - t) / 1e9);
    }

    /** Polls until the inbox stops growing (2 s) and every event publication is completed: {rows, ns from `since`}. */
    long[] awaitNotifications(long before, long since) throws InterruptedException {
        long last = -1, lastChange = since, quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 2_000_000_000L) {
            long n = count("select count(*) from notification") - before;
            long open = count("select count(*) from event_publication where completion_date is null");
            long t = System.nanoTime();
            if (n != last) lastChange = t;
            if (n != last || open > 0) quietSince = t;
            last = n;
            if (t - since > 600_000_000_000L) throw new IllegalStateException("notifier still busy after 10 min");
            Thread.sleep(50);
        }
        return new long[] {last, lastChange - since};
    }

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    String size(String relation) {
        return jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size(?::regclass))", String.class, relation);
    }
}
