-- Time-limit policies (sla module): versioned by effective date, per tier with optional per-category
-- overrides. An order keeps the policy in force when it was recorded (work_order.sla_policy_id).
create table sla_policy (
    id                   bigint generated always as identity primary key,
    tier_code            varchar(16)  not null references time_limit_tier (code),
    category_code        varchar(16)  references category (code),
    effective_from       date         not null,
    -- the warning point: a share of the allowed time, or a number of hours before the deadline
    warning_percent      int          not null default 80 check (warning_percent between 1 and 99),
    warning_hours_before int          check (warning_hours_before > 0),
    -- overdue orders are supervised automatically; after this many more hours it escalates to the hotline
    escalation_hours     int          not null default 24 check (escalation_hours > 0),
    note                 varchar(200),
    created_by           varchar(64)  not null,
    created_at           timestamptz  not null
);
create unique index sla_policy_unique on sla_policy (tier_code, coalesce(category_code, ''), effective_from);

create table sla_limit (
    policy_id bigint      not null references sla_policy (id),
    clock     varchar(16) not null check (clock in ('DISPATCH', 'SIGN', 'CONTACT', 'REPLY', 'CALLBACK')),
    amount    int         not null check (amount > 0),
    unit      varchar(16) not null check (unit in ('HOURS', 'WORKING_DAYS')),
    -- the actions that (re)start this clock, comma separated, e.g. 'record,reopen,approve-return'
    starts_on varchar(100) not null,
    primary key (policy_id, clock)
);

create trigger sla_policy_append_only before update or delete on sla_policy
    for each row execute function forbid_change();
create trigger sla_limit_append_only before update or delete on sla_limit
    for each row execute function forbid_change();

-- Defaults from the domain guide: dispatch 1 h / 2 h / 24 h; reply 2 h / 24 h / 7 / 15 working days.
-- Sign, first contact and callback limits are not published (UNCONFIRMED): conservative defaults, change by
-- adding a newer policy.
insert into sla_policy (tier_code, effective_from, warning_percent, escalation_hours, note, created_by, created_at) values
    ('URGENT', date '2020-01-01', 75, 2, 'default four-tier model', 'system', now()),
    ('UTILITY', date '2020-01-01', 80, 12, 'default four-tier model', 'system', now()),
    ('GENERAL', date '2020-01-01', 80, 24, 'default four-tier model', 'system', now()),
    ('COMPLEX', date '2020-01-01', 80, 48, 'default four-tier model', 'system', now());

insert into sla_limit (policy_id, clock, amount, unit, starts_on)
select p.id, l.clock, l.amount, l.unit, l.starts_on
from sla_policy p
join (values
    ('URGENT', 'DISPATCH', 1, 'HOURS', 'record,reopen,approve-return'),
    ('URGENT', 'SIGN', 1, 'HOURS', 'dispatch'),
    ('URGENT', 'CONTACT', 1, 'HOURS', 'dispatch'),
    ('URGENT', 'REPLY', 2, 'HOURS', 'dispatch'),
    ('URGENT', 'CALLBACK', 1, 'WORKING_DAYS', 'approve-reply'),
    ('UTILITY', 'DISPATCH', 2, 'HOURS', 'record,reopen,approve-return'),
    ('UTILITY', 'SIGN', 2, 'HOURS', 'dispatch'),
    ('UTILITY', 'CONTACT', 4, 'HOURS', 'dispatch'),
    ('UTILITY', 'REPLY', 24, 'HOURS', 'dispatch'),
    ('UTILITY', 'CALLBACK', 2, 'WORKING_DAYS', 'approve-reply'),
    ('GENERAL', 'DISPATCH', 24, 'HOURS', 'record,reopen,approve-return'),
    ('GENERAL', 'SIGN', 24, 'HOURS', 'dispatch'),
    ('GENERAL', 'CONTACT', 1, 'WORKING_DAYS', 'dispatch'),
    ('GENERAL', 'REPLY', 7, 'WORKING_DAYS', 'dispatch'),
    ('GENERAL', 'CALLBACK', 2, 'WORKING_DAYS', 'approve-reply'),
    ('COMPLEX', 'DISPATCH', 24, 'HOURS', 'record,reopen,approve-return'),
    ('COMPLEX', 'SIGN', 24, 'HOURS', 'dispatch'),
    ('COMPLEX', 'CONTACT', 1, 'WORKING_DAYS', 'dispatch'),
    ('COMPLEX', 'REPLY', 15, 'WORKING_DAYS', 'dispatch'),
    ('COMPLEX', 'CALLBACK', 3, 'WORKING_DAYS', 'approve-reply')
) as l(tier, clock, amount, unit, starts_on) on l.tier = p.tier_code;

-- The clocks of each order (workorder module): one row per clock, (re)written when an action starts it,
-- stamped when an action meets it; every change is also told in the action's history entry.
create table order_deadline (
    order_id     bigint       not null references work_order (id),
    clock        varchar(16)  not null,
    started_at   timestamptz  not null,
    due_at       timestamptz  not null,
    warn_at      timestamptz  not null,
    provisional  boolean      not null,
    basis        varchar(400) not null,
    met_at       timestamptz,
    cancelled    boolean      not null default false,
    -- when an overdue clock escalates to the hotline supervisors (due_at + the policy's escalation hours)
    escalate_at  timestamptz  not null,
    warned_at    timestamptz,
    overdue_at   timestamptz,
    escalated_at timestamptz,
    primary key (order_id, clock)
);
-- partial indexes keep the watch's scans proportional to what is actually due
create index order_deadline_warn_idx on order_deadline (warn_at)
    where met_at is null and not cancelled and warned_at is null;
create index order_deadline_due_idx on order_deadline (due_at)
    where met_at is null and not cancelled and overdue_at is null;
create index order_deadline_escalate_idx on order_deadline (escalate_at)
    where met_at is null and not cancelled and escalated_at is null;

-- In-app notifications (notification module): an inbox per user, unit or role, with delivery state.
create table notification (
    id             bigint generated always as identity primary key,
    recipient_kind varchar(8)   not null check (recipient_kind in ('USER', 'UNIT', 'ROLE')),
    recipient      varchar(64)  not null,
    order_id       bigint,
    kind           varchar(32)  not null,
    message        varchar(500) not null,
    created_at     timestamptz  not null,
    delivery       varchar(16)  not null default 'INBOX',
    read_at        timestamptz,
    read_by        varchar(64)
);
create index notification_recipient_idx on notification (recipient_kind, recipient, id desc);
