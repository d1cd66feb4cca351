-- Evaluation (evaluation module): the three rates, rankings, appeals, exclusions and published months.
-- See docs/evaluation.md for what counts where.

-- Rules are versioned data: a period is scored with the rule set in force on its first day. Append-only:
-- a change is a new rule set with a later effective date.
create table evaluation_rule_set (
    id                         bigint generated always as identity primary key,
    effective_from             date          not null unique,
    partly_solved_weight       numeric(5, 4) not null check (partly_solved_weight between 0 and 1),
    basically_satisfied_weight numeric(5, 4) not null check (basically_satisfied_weight between 0 and 1),
    response_weight            numeric(5, 4) not null check (response_weight between 0 and 1),
    resolution_weight          numeric(5, 4) not null check (resolution_weight between 0 and 1),
    satisfaction_weight        numeric(5, 4) not null check (satisfaction_weight between 0 and 1),
    count_co_units             boolean       not null,
    street_counts_for_district boolean       not null,
    -- [{"grade":"优秀","min":0.95}, ...] highest first; a composite below the last band gets "不合格"
    grade_bands                jsonb         not null,
    -- targeted governance (治理类街乡镇): among the N busiest streets, those among the M lowest composites
    governance_volume_top      int           not null check (governance_volume_top >= 0),
    governance_score_bottom    int           not null check (governance_score_bottom >= 0),
    note                       varchar(200),
    created_by                 varchar(64)   not null,
    created_at                 timestamptz   not null
);

insert into evaluation_rule_set (effective_from, partly_solved_weight, basically_satisfied_weight, response_weight,
    resolution_weight, satisfaction_weight, count_co_units, street_counts_for_district, grade_bands,
    governance_volume_top, governance_score_bottom, note, created_by, created_at)
values (date '2020-01-01', 0.5, 0.9, 0.1, 0.5, 0.4, false, true,
    '[{"grade":"优秀","min":0.95},{"grade":"良好","min":0.90},{"grade":"合格","min":0.80}]',
    30, 30, 'defaults from the domain guide (practitioner formulas)', 'system', now());

-- One row per order that has a scored callback: the latest reached callback of its current handling round.
-- Kept so that a later change (new callback, reopen, exclusion) can take the old contribution back out.
create table evaluation_fact (
    order_id        bigint      primary key,
    round           int         not null,
    -- the city-zone date of the scored callback: the day (and so the month) the order counts in
    day             date        not null,
    callback_at     timestamptz not null,
    lead_unit_code  varchar(32) not null,
    -- the district of a street lead unit (直派到街道 also counts for its district)
    district_code   varchar(32),
    co_unit_codes   varchar(32)[] not null default '{}',
    contacted       boolean     not null,
    solved          varchar(8)  not null,
    satisfaction    varchar(24) not null,
    replied         boolean     not null,
    replied_on_time boolean     not null,
    excluded        boolean     not null
);
create index evaluation_fact_lead_idx on evaluation_fact (lead_unit_code, day);

-- Counters per unit per day and attribution: L = lead unit, D = district of a street lead, C = co-unit.
-- Rankings read only this table (a few hundred units x days), never the orders.
create table evaluation_counter (
    day         date        not null,
    unit_code   varchar(32) not null,
    attribution char(1)     not null check (attribution in ('L', 'D', 'C')),
    valid       int         not null,
    contacted   int         not null,
    solved      int         not null,
    partly      int         not null,
    satisfied   int         not null,
    basically   int         not null,
    replied     int         not null,
    on_time     int         not null,
    primary key (day, unit_code, attribution)
);

-- Appeals (申诉) against a callback result, by the lead unit; decided by a hotline supervisor.
create table evaluation_appeal (
    id         bigint generated always as identity primary key,
    order_id   bigint       not null,
    round      int          not null,
    unit_code  varchar(32)  not null,
    reason     varchar(500) not null,
    evidence   text         not null,
    filed_by   varchar(64)  not null,
    filed_at   timestamptz  not null
);
create index evaluation_appeal_unit_idx on evaluation_appeal (unit_code, id);
create index evaluation_appeal_order_idx on evaluation_appeal (order_id);

create table evaluation_appeal_decision (
    appeal_id  bigint       primary key references evaluation_appeal (id),
    decision   varchar(8)   not null check (decision in ('ACCEPTED', 'REJECTED')),
    note       varchar(500) not null,
    decided_by varchar(64)  not null,
    decided_at timestamptz  not null
);

-- Orders taken out of evaluation: declared invalid after review (every round), or an accepted appeal (that round).
create table evaluation_exclusion (
    id         bigint generated always as identity primary key,
    order_id   bigint       not null,
    round      int,
    kind       varchar(8)   not null check (kind in ('INVALID', 'APPEAL')),
    reason     varchar(500) not null,
    appeal_id  bigint       references evaluation_appeal (id),
    decided_by varchar(64)  not null,
    at         timestamptz  not null
);
create index evaluation_exclusion_order_idx on evaluation_exclusion (order_id);

-- Published (frozen) months: the ranking as published, so later corrections show as corrections.
create table evaluation_period (
    period      char(7)     primary key,
    rule_set_id bigint      not null references evaluation_rule_set (id),
    frozen_by   varchar(64) not null,
    frozen_at   timestamptz not null
);

create table evaluation_published (
    period     char(7)     not null references evaluation_period (period),
    unit_class varchar(16) not null,
    unit_code  varchar(32) not null,
    entry      jsonb       not null,
    primary key (period, unit_class, unit_code)
);

create trigger evaluation_rule_set_append_only before update or delete on evaluation_rule_set
    for each row execute function forbid_change();
create trigger evaluation_appeal_append_only before update or delete on evaluation_appeal
    for each row execute function forbid_change();
create trigger evaluation_appeal_decision_append_only before update or delete on evaluation_appeal_decision
    for each row execute function forbid_change();
create trigger evaluation_exclusion_append_only before update or delete on evaluation_exclusion
    for each row execute function forbid_change();
create trigger evaluation_period_append_only before update or delete on evaluation_period
    for each row execute function forbid_change();
create trigger evaluation_published_append_only before update or delete on evaluation_published
    for each row execute function forbid_change();
