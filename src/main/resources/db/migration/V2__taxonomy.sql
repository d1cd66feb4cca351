-- Request types (咨询, 求助, 投诉, 举报, 建议), time-limit tiers and the three-level category tree
-- whose third level is the dispatch catalogue (category -> responsible unit type -> tier).
create table request_type (
    code    varchar(16) primary key,
    name_zh varchar(20) not null,
    name_en varchar(40) not null
);

create table time_limit_tier (
    code               varchar(16) primary key,
    name_zh            varchar(20) not null,
    dispatch_hours     int         not null check (dispatch_hours > 0),
    -- exactly one of the two reply limits is set: clock hours (7x24) or working days
    reply_hours        int check (reply_hours > 0),
    reply_working_days int check (reply_working_days > 0),
    check ((reply_hours is null) <> (reply_working_days is null))
);

create table category (
    code        varchar(16)  primary key,
    name        varchar(60)  not null,
    level       smallint     not null check (level between 1 and 3),
    parent_code varchar(16)  references category (code),
    unit_type   varchar(16)  check (unit_type in ('STREET', 'DEPARTMENT', 'COMPANY')),
    unit_code   varchar(32)  references unit (code),
    tier_code   varchar(16)  references time_limit_tier (code),
    keywords    varchar(300) not null default '',
    check ((level = 3) = (unit_type is not null and tier_code is not null)),
    check (unit_type is distinct from 'STREET' or unit_code is null)
);
create index category_parent_idx on category (parent_code);

-- The legal request types [regulation Art. 2] are the same in every city.
insert into request_type (code, name_zh, name_en) values
    ('CONSULTATION', '咨询', 'Consultation'),
    ('HELP', '求助', 'Request for help'),
    ('COMPLAINT', '投诉', 'Complaint'),
    ('REPORT', '举报', 'Report'),
    ('SUGGESTION', '建议', 'Suggestion');

-- Default tiers from the four-tier model (dispatch 1 h / 2 h / 24 h; reply 2 h / 24 h / 7 / 15 working days).
insert into time_limit_tier (code, name_zh, dispatch_hours, reply_hours, reply_working_days) values
    ('URGENT', '紧急', 1, 2, null),
    ('UTILITY', '水电气热', 2, 24, null),
    ('GENERAL', '一般', 24, null, 7),
    ('COMPLEX', '复杂', 24, null, 15);
