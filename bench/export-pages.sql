-- Order-list export, database side: the previous per-page count + OFFSET against one count + pages by key.
-- Run against a benchmark database (bench/run-evaluation.sh ... --port 15432 --measure false --hold-seconds 900):
--   psql -h localhost -p 15432 -U postgres -f bench/export-pages.sql      (figures: docs/benchmarks.md)
\timing on
-- BEFORE: per page a count over the filter and an OFFSET page (what OrderExportController did)
do $$
declare p int; n bigint; lo timestamptz := '2025-07-01 00:00+08'; hi timestamptz := '2025-07-08 00:00+08';
begin
  select count(*) into n from work_order where recorded_at >= lo and recorded_at < hi;
  raise notice 'rows %', n;
  for p in 0 .. (n / 500) loop
    perform count(*) from work_order where recorded_at >= lo and recorded_at < hi;
    perform id, number, title, description from work_order where recorded_at >= lo and recorded_at < hi
      order by recorded_at desc, id desc limit 500 offset p * 500;
  end loop;
end $$;
-- AFTER: one count, then each page by key after the last row of the previous one
do $$
declare n bigint; lo timestamptz := '2025-07-01 00:00+08'; hi timestamptz := '2025-07-08 00:00+08';
  at timestamptz; last bigint; got int; total bigint := 0; r record;
begin
  select count(*) into n from work_order where recorded_at >= lo and recorded_at < hi;
  loop
    got := 0;
    for r in select id, number, title, description, recorded_at from work_order where recorded_at >= lo and recorded_at < hi
        and (at is null or (recorded_at <= at and (recorded_at < at or id < last)))
        order by recorded_at desc, id desc limit 500 loop
      got := got + 1; at := r.recorded_at; last := r.id;
    end loop;
    total := total + got;
    exit when got < 500;
  end loop;
  raise notice 'rows %', total;
end $$;
