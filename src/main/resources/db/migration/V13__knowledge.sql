-- Knowledge base (知识库): articles owned by handling units, reviewed and published by the hotline.
-- kb_article holds the working copy; every edit and review step appends a full snapshot to kb_article_version,
-- and agents and the public read the snapshot of live_version, so a revision in progress never hides the
-- published text.
create table kb_article (
    id               bigserial    primary key,
    title            varchar(200) not null,
    body_html        text         not null,
    unit_code        varchar(32)  not null references unit (code),
    category_codes   varchar(16)[] not null default '{}',
    keywords         varchar(500) not null default '',
    synonyms         varchar(1000) not null default '',
    effective_from   date         not null,
    expires_on       date,
    status           varchar(16)  not null check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'RETIRED')),
    version          int          not null,
    live_version     int,
    usage_count      int          not null default 0,
    created_by       varchar(64)  not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    published_at     timestamptz,
    -- the day the owner was last told the article expired; the expiry watch tells them once
    expiry_notified  date,
    check (expires_on is null or expires_on >= effective_from)
);
create index kb_article_unit_idx on kb_article (unit_code, status);
create index kb_article_status_idx on kb_article (status, expires_on);

create table kb_article_version (
    id             bigserial    primary key,
    article_id     bigint       not null references kb_article (id),
    version        int          not null,
    action         varchar(16)  not null,
    status         varchar(16)  not null,
    title          varchar(200) not null,
    body_html      text         not null,
    unit_code      varchar(32)  not null,
    category_codes varchar(16)[] not null,
    keywords       varchar(500) not null,
    synonyms       varchar(1000) not null,
    effective_from date         not null,
    expires_on     date,
    actor          varchar(64)  not null,
    actor_role     varchar(16)  not null,
    at             timestamptz  not null,
    note           varchar(1000)
);
create index kb_article_version_idx on kb_article_version (article_id, version, id);

-- agents' reports that an article is outdated or wrong; resolved by its owner
create table kb_article_flag (
    id          bigserial    primary key,
    article_id  bigint       not null references kb_article (id),
    reason      varchar(16)  not null check (reason in ('OUTDATED', 'WRONG', 'OTHER')),
    note        varchar(1000),
    flagged_by  varchar(64)  not null,
    at          timestamptz  not null,
    resolved_at timestamptz,
    resolved_by varchar(64)
);
create index kb_article_flag_open_idx on kb_article_flag (article_id) where resolved_at is null;

-- consultations answered with an article (also cited in the order's history)
create table kb_article_use (
    id         bigserial   primary key,
    article_id bigint      not null references kb_article (id),
    order_id   bigint      not null,
    actor      varchar(64) not null,
    at         timestamptz not null
);

create trigger kb_article_version_append_only before update or delete on kb_article_version
    for each row execute function forbid_change();
create trigger kb_article_use_append_only before update or delete on kb_article_use
    for each row execute function forbid_change();
