package io.swiftresponse.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation rules written once more, as SQL over the orders themselves (work_order, order_callback,
 * order_deadline, unit, evaluation_exclusion): used by the rebuild, and by the test that proves the counters
 * kept from events equal this computation. Keep it in step with {@link Scoring}.
 */
@Service
public class FromScratch {

    /** One row per scored order: the latest reached callback of its current round, for orders awaiting callback or closed. */
    static final String RESULTS = """
            select o.id as order_id, cb.round, (cb.at at time zone :zone)::date as day, cb.at as callback_at,
                o.lead_unit_code, case when u.type = 'STREET' then u.parent_code end as district_code,
                array(select distinct c from unnest(o.co_unit_codes) c where c <> o.lead_unit_code order by c) as co_unit_codes,
                coalesce(cb.contacted, false) as contacted, cb.solved, cb.satisfaction,
                d.met_at is not null as replied, coalesce(d.met_at <= d.due_at, false) as replied_on_time,
                exists (select 1 from evaluation_exclusion x
                        where x.order_id = o.id and (x.round is null or x.round = cb.round)) as excluded
            from (select distinct on (order_id) order_id, round, at, contacted, solved, satisfaction
                  from order_callback where reached order by order_id, round desc, id desc) cb
            join work_order o on o.id = cb.order_id and o.reopen_count = cb.round
                and o.state in ('AWAITING_CALLBACK', 'CLOSED')
            join unit u on u.code = o.lead_unit_code
            left join order_deadline d on d.order_id = o.id and d.clock = 'REPLY'
            """;

    /** Counters from a set of results (a table or a sub-query with the columns of {@link #RESULTS}). */
    static String countersFrom(String results) {
        return """
                select day, unit_code, attribution, count(*) as valid, count(*) filter (where contacted) as contacted,
                    count(*) filter (where solved = 'YES') as solved, count(*) filter (where solved = 'PARTLY') as partly,
                    count(*) filter (where satisfaction = 'SATISFIED') as satisfied,
                    count(*) filter (where satisfaction = 'BASICALLY_SATISFIED') as basically,
                    count(*) filter (where replied) as replied, count(*) filter (where replied_on_time) as on_time
                from (select r.*, a.unit_code, a.attribution
                      from (%s) r
                      cross join lateral (select r.lead_unit_code as unit_code, 'L' as attribution
                                          union all select r.district_code, 'D' where r.district_code is not null
                                          union all select c, 'C' from unnest(r.co_unit_codes) c) a
                      where not r.excluded) x
                group by day, unit_code, attribution""".formatted(results);
    }

    public record RebuildReport(long results, long counterRows, Duration took) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    FromScratch(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Recomputes every result and counter from the orders, in one transaction: the tables are locked so that
     * events arriving meanwhile wait and then apply on top of the rebuilt state.
     */
    @Transactional
    public RebuildReport rebuild() {
        Instant start = clock.instant();
        jdbc.sql("lock table evaluation_fact, evaluation_counter in exclusive mode").update();
        jdbc.sql("truncate evaluation_fact, evaluation_counter").update();
        long results = jdbc.sql("insert into evaluation_fact " + RESULTS).param("zone", clock.getZone().getId()).update();
        long rows = jdbc.sql("""
                insert into evaluation_counter (day, unit_code, attribution, valid, contacted, solved, partly, satisfied,
                    basically, replied, on_time) """ + countersFrom("select * from evaluation_fact")).update();
        return new RebuildReport(results, rows, Duration.between(start, clock.instant()));
    }

    /** Rows where the maintained counters and the from-scratch computation disagree (empty when they agree). */
    public long differences() {
        String scratch = countersFrom(RESULTS);
        String columns = "day, unit_code, attribution, valid, contacted, solved, partly, satisfied, basically, replied, on_time";
        return jdbc.sql("select count(*) from ((select " + columns + " from evaluation_counter except " + scratch
                + ") union all (" + scratch + " except select " + columns + " from evaluation_counter)) d")
                .param("zone", clock.getZone().getId()).query(Long.class).single();
    }
}
