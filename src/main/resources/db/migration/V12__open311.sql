-- Open311 GeoReport v2 adapter: jurisdictions, API keys (hashed) and their use log, per-category
-- questions (service definitions), and what an Open311 client sent with each request it created.

create table open311_jurisdiction (
    id             varchar(100) primary key,
    name           varchar(100) not null,
    -- the districts whose orders this jurisdiction shows; empty: every order of the platform
    district_codes varchar(32)[] not null default '{}',
    is_default     boolean      not null default false
);
create unique index open311_jurisdiction_default_idx on open311_jurisdiction (is_default) where is_default;

insert into open311_jurisdiction (id, name, is_default) values ('12345.beijing.gov.cn', '北京市12345市民服务热线', true);

create table open311_api_key (
    id              bigint generated always as identity primary key,
    -- SHA-256 of the key (hex): keys are 32 random bytes, so a fast hash cannot be brute-forced
    key_hash        char(64)     not null unique,
    -- the first characters of the key, so an operator can tell keys apart without the secret
    key_prefix      varchar(12)  not null,
    label           varchar(100) not null,
    channel         varchar(16)  not null,
    jurisdiction_id varchar(100) not null references open311_jurisdiction (id),
    rate_per_minute int          not null check (rate_per_minute > 0),
    issued_by       varchar(64)  not null,
    issued_at       timestamptz  not null,
    revoked_by      varchar(64),
    revoked_at      timestamptz
);

-- Every call that presented a key, valid or not (append-only).
create table open311_key_use (
    id         bigint generated always as identity primary key,
    key_id     bigint references open311_api_key (id),
    key_prefix varchar(12),
    at         timestamptz  not null,
    method     varchar(8)   not null,
    path       varchar(200) not null,
    status     int          not null
);
create index open311_key_use_key_idx on open311_key_use (key_id, id);

-- Questions asked for a category: the attributes of its Open311 service definition.
create table open311_question (
    category_code        varchar(16)  not null,
    code                 varchar(64)  not null,
    -- false: an informational attribute the client shows but does not submit
    variable             boolean      not null default true,
    datatype             varchar(16)  not null check (datatype in ('string', 'number', 'datetime', 'text',
                                                                   'singlevaluelist', 'multivaluelist')),
    required             boolean      not null default false,
    datatype_description varchar(200) not null default '',
    ord                  int          not null,
    description          varchar(500) not null,
    -- [{"key": "...", "name": "..."}] for the list datatypes
    "values"             jsonb        not null default '[]',
    primary key (category_code, code)
);

-- What an Open311 client sent with a request it created (the order itself lives in work_order).
create table open311_request (
    order_id        bigint        primary key references work_order (id),
    jurisdiction_id varchar(100)  not null references open311_jurisdiction (id),
    key_id          bigint        not null references open311_api_key (id),
    token           varchar(40)   not null unique,
    service_notice  varchar(500)  not null,
    media_url       varchar(2000),
    -- the location as the client gave it: the problem's place, shown back to clients (the order's own address
    -- is not, as for other channels it may be the requester's home)
    lat             double precision,
    lng             double precision,
    address_string  varchar(200),
    address_id      varchar(100),
    attributes      jsonb         not null default '{}',
    created_at      timestamptz   not null
);

-- Updates posted by clients (FixMyStreet's servicerequestupdates), append-only.
create table open311_update (
    id                 bigint generated always as identity primary key,
    order_id           bigint        not null references work_order (id),
    key_id             bigint        not null references open311_api_key (id),
    client_update_id   varchar(100),
    status             varchar(40)   not null,
    description        text          not null,
    media_url          varchar(2000),
    updated_at         timestamptz   not null,
    received_at        timestamptz   not null
);
create index open311_update_order_idx on open311_update (order_id, id);

create trigger open311_key_use_append_only before update or delete on open311_key_use
    for each row execute function forbid_change();
create trigger open311_update_append_only before update or delete on open311_update
    for each row execute function forbid_change();
