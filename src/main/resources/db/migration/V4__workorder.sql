create table work_order (
    id                     bigint generated always as identity primary key,
    number                 varchar(16)  not null unique,
    channel                varchar(16)  not null,
    request_type           varchar(16)  not null references request_type (code),
    category_code          varchar(16)  references category (code),
    title                  varchar(100) not null,
    description            text         not null,
    requester_name         varchar(50),
    requester_phone        varchar(20),
    requester_confidential boolean      not null default false,
    address                varchar(200),
    lat                    double precision,
    lng                    double precision,
    street_code            varchar(32)  references unit (code),
    district_code          varchar(32)  references unit (code),
    flags                  varchar(32)[] not null default '{}',
    state                  varchar(32)  not null,
    lead_unit_code         varchar(32)  references unit (code),
    co_unit_codes          varchar(32)[] not null default '{}',
    copy_unit_code         varchar(32)  references unit (code),
    primary_order_id       bigint       references work_order (id),
    supervised             boolean      not null default false,
    pending_extension_days int,
    reopen_count           int          not null default 0,
    tier_code              varchar(16)  references time_limit_tier (code),
    -- the time-limit policy in force when the order was recorded; it keeps it for its whole life
    sla_policy_id          bigint,
    -- set while the order waits for the requester: its clocks are paused
    paused_at              timestamptz,
    pause_reason           varchar(200),
    recorded_by            varchar(64)  not null,
    recorded_at            timestamptz  not null,
    updated_at             timestamptz  not null,
    version                int          not null default 0
);
create index work_order_state_idx on work_order (state);
create index work_order_lead_idx on work_order (lead_unit_code);
create index work_order_copy_idx on work_order (copy_unit_code) where copy_unit_code is not null;
create index work_order_co_units_idx on work_order using gin (co_unit_codes);
create index work_order_category_idx on work_order (category_code);
create index work_order_recorded_idx on work_order (recorded_at);
create index work_order_phone_idx on work_order (requester_phone);

-- Append-only: every action on an order, in the same transaction as the change.
create table order_history (
    id          bigint generated always as identity primary key,
    order_id    bigint       not null references work_order (id),
    action      varchar(32)  not null,
    actor       varchar(64)  not null,
    role        varchar(16)  not null,
    unit_code   varchar(32),
    at          timestamptz  not null,
    from_state  varchar(32),
    to_state    varchar(32)  not null,
    reason      text,
    details     jsonb        not null default '{}'
);
create index order_history_order_idx on order_history (order_id, id);

-- Callback results, one row per attempt, also append-only.
create table order_callback (
    id           bigint generated always as identity primary key,
    order_id     bigint      not null references work_order (id),
    -- the handling round: 0 at first, +1 after each reopen (重办), so a closing checks this round's callbacks
    round        int         not null default 0,
    reached      boolean     not null,
    contacted    boolean,
    solved       varchar(8)  check (solved in ('YES', 'PARTLY', 'NO')),
    satisfaction varchar(24) check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    note         text,
    recorded_by  varchar(64) not null,
    at           timestamptz not null
);
create index order_callback_order_idx on order_callback (order_id, id);

create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception 'table % is append-only', tg_table_name using errcode = 'P0001';
end $$;

create trigger order_history_append_only before update or delete on order_history
    for each row execute function forbid_change();
create trigger order_callback_append_only before update or delete on order_callback
    for each row execute function forbid_change();
create trigger personal_data_access_append_only before update or delete on personal_data_access
    for each row execute function forbid_change();
