-- Intake suggestions shown to agents and what the agents then chose (learning from agents).

-- One row per suggestion answered; the workbench sends its id back with the agent's choice.
create table intake_suggestion (
    id             uuid primary key,
    at             timestamptz  not null,
    actor          varchar(64)  not null,
    text           text         not null,
    model_version  varchar(80)  not null,
    unsure         boolean      not null,
    top_category   varchar(16),
    top_confidence double precision,
    -- the top 3 as [{"code": "...", "confidence": 0.8}, ...]
    categories     jsonb        not null default '[]',
    unit_code      varchar(32),
    street_code    varchar(32)
);
create index intake_suggestion_at_idx on intake_suggestion (at);

-- The agent's choice for a suggestion: append-only, one per suggestion.
create table intake_feedback (
    id                 bigint generated always as identity primary key,
    suggestion_id      uuid         not null unique references intake_suggestion (id),
    order_id           bigint,
    suggested_category varchar(16),
    chosen_category    varchar(16)  not null,
    suggested_unit     varchar(32),
    chosen_unit        varchar(32),
    category_accepted  boolean      not null,
    unit_accepted      boolean,
    text               text         not null,
    actor              varchar(64)  not null,
    at                 timestamptz  not null
);
create index intake_feedback_at_idx on intake_feedback (at);

create trigger intake_feedback_append_only before update or delete on intake_feedback
    for each row execute function forbid_change();
