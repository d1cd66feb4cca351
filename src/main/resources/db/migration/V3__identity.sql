create table app_user (
    username      varchar(64)  primary key,
    display_name  varchar(100) not null,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('AGENT', 'DISPATCHER', 'SUPERVISOR', 'ANALYST', 'ADMIN', 'HANDLER')),
    unit_code     varchar(32)  references unit (code),
    enabled       boolean      not null default true,
    check ((role = 'HANDLER') = (unit_code is not null))
);

-- Every reveal of personal data (a requester's full phone number) is recorded: who, when, which order, why.
create table personal_data_access (
    id        bigint generated always as identity primary key,
    username  varchar(64)  not null,
    role      varchar(16)  not null,
    order_id  bigint       not null,
    field     varchar(32)  not null,
    purpose   varchar(200) not null,
    at        timestamptz  not null
);
create index personal_data_access_order_idx on personal_data_access (order_id);
