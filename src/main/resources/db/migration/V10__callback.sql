-- Callback module: the re-handling policy (versioned data), and the citizens' signed answer links.

-- What a reached but unhappy callback leads to: the order re-handled by the same unit (重办) or closed with the
-- result recorded. Versions are never changed (a trigger refuses it): a change is a new row with a later
-- effective_from; a callback is judged by the version in force on its day (in the city's time zone).
create table callback_rehandling_policy (
    id               bigint generated always as identity primary key,
    effective_from   date        not null unique,
    on_solved_no     varchar(8)  not null check (on_solved_no in ('REHANDLE', 'CLOSE')),
    on_solved_partly varchar(8)  not null check (on_solved_partly in ('REHANDLE', 'CLOSE')),
    on_dissatisfied  varchar(8)  not null check (on_dissatisfied in ('REHANDLE', 'CLOSE')),
    -- an order re-handled this often is closed with its result instead of being re-handled again
    max_rehandles    int         not null check (max_rehandles between 0 and 10),
    note             varchar(200),
    created_by       varchar(64) not null,
    created_at       timestamptz not null
);
create trigger callback_rehandling_policy_append_only before update or delete on callback_rehandling_policy
    for each row execute function forbid_change();

-- Default (reopen rules are UNCONFIRMED in the domain guide; common practice re-handles "not solved").
insert into callback_rehandling_policy (effective_from, on_solved_no, on_solved_partly, on_dissatisfied, max_rehandles,
        note, created_by, created_at)
values (date '2020-01-01', 'REHANDLE', 'CLOSE', 'CLOSE', 2,
        'default: not solved is re-handled by the same unit, at most twice', 'system', now());

-- The key that signs citizens' answer links when swift.callback.link-secret is not set: generated once, on first
-- use, and kept here so that every instance and every restart signs and checks with the same key.
create table callback_link_secret (
    id         int         primary key check (id = 1),
    secret     bytea       not null,
    created_at timestamptz not null
);

-- Every link issued (who sent which order's link, until when), and every link used: a nonce is used at most once.
create table callback_link (
    nonce      varchar(32) primary key,
    order_id   bigint      not null references work_order (id),
    round      int         not null,
    expires_at timestamptz not null,
    issued_by  varchar(64) not null,
    issued_at  timestamptz not null
);
create index callback_link_order_idx on callback_link (order_id);

create table callback_link_use (
    nonce   varchar(32) primary key references callback_link (nonce),
    used_at timestamptz not null
);
create trigger callback_link_append_only before update or delete on callback_link
    for each row execute function forbid_change();
create trigger callback_link_use_append_only before update or delete on callback_link_use
    for each row execute function forbid_change();
