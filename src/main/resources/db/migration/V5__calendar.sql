-- Working-day calendars as data: one row per year that has an official calendar, and only the days that
-- differ from the Monday–Friday pattern or belong to a festival (public holidays, make-up working days 调休).
-- Ordinary weekends are implied, so a year's calendar is a few dozen rows.
create table calendar_year (
    year        int          primary key check (year between 2000 and 2100),
    work_start  time,
    work_end    time,
    source      varchar(500),
    updated_by  varchar(64)  not null,
    updated_at  timestamptz  not null,
    -- working hours are optional, but never half given and never inverted
    check ((work_start is null) = (work_end is null)),
    check (work_start is null or work_start < work_end)
);

create table calendar_day (
    date  date        primary key,
    year  int         not null references calendar_year (year),
    kind  varchar(8)  not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name  varchar(40),
    check (extract(year from date) = year),
    -- a make-up working day on a weekday would change nothing: refuse it here too, not only in the API
    check (kind = 'HOLIDAY' or extract(isodow from date) in (6, 7)),
    check (kind = 'WORKDAY' or name is not null)
);
create index calendar_day_year_idx on calendar_day (year);

-- Append-only: who replaced which year's calendar, when, and what was added or removed.
create table calendar_change (
    id       bigint       generated always as identity primary key,
    year     int          not null,
    actor    varchar(64)  not null,
    at       timestamptz  not null,
    summary  jsonb        not null
);
create index calendar_change_year_idx on calendar_change (year, id);
create trigger calendar_change_append_only before update or delete on calendar_change
    for each row execute function forbid_change();

-- 2025 and 2026 as published by the State Council (国务院办公厅). Each range lists a festival's days off,
-- weekends inside it included; make-up working days are single-day ranges.
insert into calendar_year (year, source, updated_by, updated_at) values
    (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）', 'flyway:V5', now()),
    (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04发布）', 'flyway:V5', now());

insert into calendar_day (date, year, kind, name)
select d::date, extract(year from r.first)::int, r.kind, r.name
from (values
    (date '2025-01-01', date '2025-01-01', 'HOLIDAY', '元旦'),
    (date '2025-01-26', date '2025-01-26', 'WORKDAY', '春节'),
    (date '2025-01-28', date '2025-02-04', 'HOLIDAY', '春节'),
    (date '2025-02-08', date '2025-02-08', 'WORKDAY', '春节'),
    (date '2025-04-04', date '2025-04-06', 'HOLIDAY', '清明节'),
    (date '2025-04-27', date '2025-04-27', 'WORKDAY', '劳动节'),
    (date '2025-05-01', date '2025-05-05', 'HOLIDAY', '劳动节'),
    (date '2025-05-31', date '2025-06-02', 'HOLIDAY', '端午节'),
    (date '2025-09-28', date '2025-09-28', 'WORKDAY', '国庆节、中秋节'),
    (date '2025-10-01', date '2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
    (date '2025-10-11', date '2025-10-11', 'WORKDAY', '国庆节、中秋节'),

    (date '2026-01-01', date '2026-01-03', 'HOLIDAY', '元旦'),
    (date '2026-01-04', date '2026-01-04', 'WORKDAY', '元旦'),
    (date '2026-02-14', date '2026-02-14', 'WORKDAY', '春节'),
    (date '2026-02-15', date '2026-02-23', 'HOLIDAY', '春节'),
    (date '2026-02-28', date '2026-02-28', 'WORKDAY', '春节'),
    (date '2026-04-04', date '2026-04-06', 'HOLIDAY', '清明节'),
    (date '2026-05-01', date '2026-05-05', 'HOLIDAY', '劳动节'),
    (date '2026-05-09', date '2026-05-09', 'WORKDAY', '劳动节'),
    (date '2026-06-19', date '2026-06-21', 'HOLIDAY', '端午节'),
    (date '2026-09-20', date '2026-09-20', 'WORKDAY', '国庆节'),
    (date '2026-09-25', date '2026-09-27', 'HOLIDAY', '中秋节'),
    (date '2026-10-01', date '2026-10-07', 'HOLIDAY', '国庆节'),
    (date '2026-10-10', date '2026-10-10', 'WORKDAY', '国庆节')
) as r (first, last, kind, name),
generate_series(r.first, r.last, interval '1 day') as d;

-- The seed is a change like any other, so the log says where each year's calendar came from.
insert into calendar_change (year, actor, at, summary)
select y.year, y.updated_by, y.updated_at, jsonb_build_object(
    'added', (select jsonb_agg(jsonb_build_object('date', d.date, 'kind', d.kind, 'name', d.name) order by d.date)
              from calendar_day d where d.year = y.year),
    'removed', '[]'::jsonb,
    'workingHours', null,
    'source', jsonb_build_object('before', null, 'after', y.source))
from calendar_year y order by y.year;
