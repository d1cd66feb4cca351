-- Files attached to an order (a unit's reply, a citizen's photos). The bytes live under the data directory
-- (attachments/<order id>/<stored name>); this table says what they are and who may see them (the order's scope).
create table order_attachment (
    id            bigint generated always as identity primary key,
    order_id      bigint       not null references work_order (id),
    stored_name   varchar(64)  not null unique,
    file_name     varchar(200) not null,
    content_type  varchar(64)  not null,
    size_bytes    bigint       not null,
    purpose       varchar(16)  not null,
    uploaded_by   varchar(64)  not null,
    uploaded_at   timestamptz  not null
);
create index order_attachment_order_idx on order_attachment (order_id, id);
